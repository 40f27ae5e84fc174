import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF printed by Chromium (Skia), without poppler: objects are read, Flate
 * streams inflated, each font's ToUnicode CMap applied to the glyph codes its text operators
 * show. Enough for tests that check what a printed page says; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const objects = readObjects(src);
  const cmaps = new Map<number, Map<string, string>>();
  const cmapOf = (fontObj: number): Map<string, string> => {
    let map = cmaps.get(fontObj);
    if (!map) {
      const ref = /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(objects.get(fontObj)?.dict ?? '');
      map = ref ? parseCMap(objects.get(Number(ref[1]))?.stream ?? '') : new Map();
      cmaps.set(fontObj, map);
    }
    return map;
  };

  const pages: string[] = [];
  for (const obj of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(obj.dict)) continue;
    const fonts = fontsOf(obj.dict, objects);
    const contents = refsOf(obj.dict, 'Contents').map((n) => objects.get(n)?.stream ?? '');
    pages.push(contents.map((c) => showText(c, fonts, cmapOf)).join('\n'));
  }
  return pages.join('\n\f');
}

interface PdfObject {
  dict: string;
  stream: string;
}

function readObjects(src: string): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const re = /(\d+)\s+\d+\s+obj\b([\s\S]*?)\bendobj/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const body = m[2]!;
    const at = body.search(/\bstream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: '' });
      continue;
    }
    const dict = body.slice(0, at);
    const start = at + (body[at + 6] === '\r' ? 8 : 7);
    let raw = body.slice(start, body.lastIndexOf('endstream'));
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    if (length) raw = raw.slice(0, Number(length[1]));
    let stream = raw;
    if (/\/FlateDecode/.test(dict)) {
      try {
        stream = inflateSync(Buffer.from(raw, 'latin1')).toString('latin1');
      } catch {
        stream = '';
      }
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  return objects;
}

function refsOf(dict: string, key: string): number[] {
  const single = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  if (single) return [Number(single[1])];
  const list = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dict);
  return list ? [...list[1]!.matchAll(/(\d+)\s+\d+\s+R/g)].map((x) => Number(x[1])) : [];
}

/** Font resource name → font object number, through indirect Resources and Font dicts. */
function fontsOf(pageDict: string, objects: Map<number, PdfObject>): Map<string, number> {
  let resources = pageDict;
  const resRef = /\/Resources\s+(\d+)\s+\d+\s+R/.exec(pageDict);
  if (resRef) resources = objects.get(Number(resRef[1]))?.dict ?? '';
  let fontDict = '';
  const fontRef = /\/Font\s+(\d+)\s+\d+\s+R/.exec(resources);
  if (fontRef) fontDict = objects.get(Number(fontRef[1]))?.dict ?? '';
  else fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
  return new Map([...fontDict.matchAll(/\/([^\s/<>\[\]()]+)\s+(\d+)\s+\d+\s+R/g)].map((x) => [x[1]!, Number(x[2])]));
}

function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => {
    const codes: number[] = [];
    for (let i = 0; i < hex.length; i += 4) codes.push(parseInt(hex.slice(i, i + 4), 16));
    return String.fromCharCode(...codes);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(m[1]!.toLowerCase(), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const from = parseInt(m[1]!, 16);
      const to = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      const targets = m[3]!.startsWith('[') ? [...m[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]!) : null;
      const base = targets ? 0 : parseInt(m[3]!.slice(1, -1), 16);
      for (let code = from; code <= to; code++) {
        const key = code.toString(16).padStart(width, '0');
        map.set(key, targets ? utf16(targets[code - from] ?? '') : String.fromCharCode(base + code - from));
      }
    }
  }
  return map;
}

function showText(content: string, fonts: Map<string, number>, cmapOf: (font: number) => Map<string, string>): string {
  let cmap = new Map<string, string>();
  let out = '';
  const decode = (hex: string) => {
    const h = hex.replace(/\s+/g, '').toLowerCase();
    const width = [...cmap.keys()][0]?.length ?? 4;
    let s = '';
    for (let i = 0; i < h.length; i += width) s += cmap.get(h.slice(i, i + width)) ?? '';
    return s;
  };
  const re = /\/([^\s/<>\[\]()]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\b(ET|T\*|Td|TD|Tm)\b/g;
  for (let m = re.exec(content); m; m = re.exec(content)) {
    if (m[1] !== undefined) {
      const font = fonts.get(m[1]);
      cmap = font === undefined ? new Map() : cmapOf(font);
    } else if (m[2] !== undefined) out += decode(m[2]);
    else if (m[3] !== undefined) {
      for (const part of m[3].matchAll(/<([0-9a-fA-F\s]*)>|(-?[\d.]+)/g)) {
        if (part[1] !== undefined) out += decode(part[1]);
        // A wide negative kern is how some writers place a space.
        else if (Number(part[2]) < -200) out += ' ';
      }
    } else out += m[4] === 'ET' ? '\n' : ' ';
  }
  return out;
}
