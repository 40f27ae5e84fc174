import { createReadStream, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';
import { decodePath } from './decodePath.ts';
import { inlineStyleSources } from './inlineStyles.ts';
import { contentSecurityPolicy } from './securityHeaders.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Serves the built client. `/member/` → `member/index.html`; hashed assets are cached for good. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = decodePath(new URL(req.url ?? '/', 'http://x').pathname);
  if (pathname === null || !isPlainPath(pathname)) return false;
  let file = normalize(join(root, pathname));
  if (!file.startsWith(root + sep) && file !== root) return false;
  let stat = statOrNull(file);
  if (stat?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Built from the folder found, never from the request: the Location stays on this host.
      const folder = relative(root, file).split(sep).map(encodeURIComponent).join('/');
      res.writeHead(301, { location: folder ? `/${folder}/` : '/' });
      res.end();
      return true;
    }
    file = join(file, 'index.html');
    stat = statOrNull(file);
  }
  if (!stat?.isFile()) return false;
  const immutable = pathname.startsWith('/assets/');
  const page = extname(file) === '.html' ? readPage(file, stat) : null;
  if (page?.policy) res.setHeader('content-security-policy', page.policy);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': page ? page.body.length : stat.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else if (page) res.end(page.body);
  else createReadStream(file).pipe(res);
  return true;
}

/** A page as sent, with the policy that allows its inline styles (null: none, the default policy holds). */
interface Page {
  version: string;
  body: Buffer;
  policy: string | null;
}

/** The built pages (a handful of files), each read and hashed again only once it changed (a new build). */
const pages = new Map<string, Page>();

/** A page is read whole (a few KB), so its policy names the inline styles of the very bytes sent. */
function readPage(file: string, stat: Stats): Page {
  const version = `${stat.mtimeMs}:${stat.size}`;
  const known = pages.get(file);
  if (known?.version === version) return known;
  const body = readFileSync(file);
  const styles = inlineStyleSources(body.toString('utf8'));
  const page = { version, body, policy: styles.length > 0 ? contentSecurityPolicy(styles) : null };
  pages.set(file, page);
  return page;
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Encoded slashes, backslashes and dot segments are no part of a path to one of our files, but
 * they are how `/%2Fevil.example%2F..%2Fmember` becomes a redirect to another host.
 */
function isPlainPath(path: string): boolean {
  return !/[\x00-\x1f\x7f\\]/.test(path) && !path.includes('//') && !path.split('/').some((s) => s === '..' || s === '.');
}
