import { hash } from 'node:crypto';

/** The text of each inline `<style>` element of a page, as it stands in the file. */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
}

/**
 * The CSP sources (`'sha256-…'`) that allow exactly the inline `<style>` elements of a page.
 * The member app's stylesheet is built into its HTML (vite.config.ts, inlineStylesheet); any
 * other inline style, injected or not, stays blocked. The hash is over the element's text as
 * it stands in the file, which is what the browser hashes.
 */
export function inlineStyleSources(html: string): string[] {
  return inlineStyles(html).map((text) => `'sha256-${hash('sha256', text, 'base64')}'`);
}
