/**
 * The app runs without inline scripts, and without inline styles but those a page's HTML was
 * built with (`styleSources`, their hashes: see inlineStyles.ts), so the policy can be strict.
 */
export function contentSecurityPolicy(styleSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleSources].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

const CSP = contentSecurityPolicy();

/** One year; only sent when this server terminates TLS itself (never over plain http). */
const HSTS = 'max-age=31536000';

/** The headers for every response, Socket.IO's polling responses included. */
export function securityHeaders(opts: { tls: boolean }): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(opts.tls ? { 'strict-transport-security': HSTS } : {}),
  };
}
