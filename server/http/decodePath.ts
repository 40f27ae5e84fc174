/**
 * Percent-escapes of a request path decoded. A malformed escape (`%E0%A4%A`) gives null, for
 * the caller to answer 400 or 404: decodeURIComponent's URIError must never become a 500.
 */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
