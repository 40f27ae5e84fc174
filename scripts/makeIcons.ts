/**
 * Renders the app icon (the favicon's white tick on blue) to PNG without any image library:
 * Chromium's installability check wants PNG icons of at least 144 px. Run with
 * `npx tsx scripts/makeIcons.ts`; the output in public/icons/ is committed.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x5c, 0xad];
// The tick of favicon.svg (viewBox 64): M18 33 l9 9 19-21, stroke width 7.
const TICK: [number, number][] = [
  [18, 33],
  [27, 42],
  [46, 21],
];

function distToSegment(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** `maskable`: full-bleed background, tick shrunk into the 80 % safe zone. */
function render(size: number, maskable: boolean): Buffer {
  const scale = size / 64;
  const shrink = maskable ? 0.7 : 1;
  const radius = maskable ? 0 : 14 * scale;
  const rows: Buffer[] = [];
  const SS = 4; // 4×4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const px = x + (sx + 0.5) / SS;
          const py = y + (sy + 0.5) / SS;
          const cx = Math.max(radius, Math.min(size - radius, px));
          const cy = Math.max(radius, Math.min(size - radius, py));
          if (Math.hypot(px - cx, py - cy) > radius && radius > 0) continue;
          bg++;
          // Map to the 64-unit icon space, shrinking around the centre for the maskable variant.
          const ux = 32 + (px / scale - 32) / shrink;
          const uy = 32 + (py / scale - 32) / shrink;
          const d = Math.min(distToSegment(ux, uy, TICK[0]!, TICK[1]!), distToSegment(ux, uy, TICK[1]!, TICK[2]!));
          if (d <= 3.5) fg++;
        }
      const a = bg / (SS * SS);
      const f = bg ? fg / bg : 0;
      const o = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(BLUE[c]! * (1 - f) + 255 * f);
      row[o + 3] = Math.round(a * 255);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function png(size: number, raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

const out = resolve(import.meta.dirname, '../public/icons');
writeFileSync(resolve(out, 'icon-192.png'), render(192, false));
writeFileSync(resolve(out, 'icon-512.png'), render(512, false));
writeFileSync(resolve(out, 'maskable-512.png'), render(512, true));
writeFileSync(resolve(out, 'apple-touch-icon-180.png'), render(180, true));
