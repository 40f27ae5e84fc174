import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inlineStyles } from '../server/http/inlineStyles.ts';

/** What each view's page makes the browser download: the JS and CSS its HTML references or holds (a `<style>`), and what it always loads after. */
export interface ViewBundle {
  view: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

const VIEWS = ['member', 'chair', 'display'];
/** Chunks a view's HTML does not name but every start loads: the tablet's socket library, imported after its first frame. */
const ON_DEMAND: Record<string, RegExp> = { member: /^socket-[\w-]+\.js$/ };

export function bundleSizes(distDir: string): ViewBundle[] {
  return VIEWS.flatMap((view) => {
    const html = join(distDir, view, 'index.html');
    if (!existsSync(html)) return [];
    const page = readFileSync(html, 'utf8');
    const refs = [...page.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    const inlineCss = inlineStyles(page).join('');
    const onDemand = ON_DEMAND[view];
    const extra = onDemand ? readdirSync(join(distDir, 'assets')).filter((f) => onDemand.test(f)).map((f) => `/assets/${f}`) : [];
    const files = [...new Set([...refs, ...extra])];
    const contents = files.map((ref) => readFileSync(join(distDir, ref.replace(/^\//, ''))));
    if (inlineCss) {
      files.push(`/${view}/index.html <style>`);
      contents.push(Buffer.from(inlineCss));
    }
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const data of contents) {
      rawBytes += data.length;
      gzipBytes += gzipSync(data, { level: 9 }).length;
    }
    return [{ view, files, rawBytes, gzipBytes }];
  });
}

if (process.argv[1] === import.meta.filename) {
  for (const b of bundleSizes(join(import.meta.dirname, '../dist/client'))) {
    console.log(`${b.view.padEnd(8)} ${(b.gzipBytes / 1024).toFixed(1).padStart(6)} KB gzip (${(b.rawBytes / 1024).toFixed(1)} KB raw, ${b.files.length} files)`);
  }
}
