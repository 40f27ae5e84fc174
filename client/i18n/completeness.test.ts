import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { de } from './de.ts';
import { en } from './en.ts';

const CLIENT = resolve(import.meta.dirname, '..');
const LANGUAGES = { de, en } as Record<string, Record<string, string>>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every UI string exists in German and English', () => {
  it('both languages have exactly the same keys, none empty', () => {
    const keys = Object.keys(de).sort();
    for (const [name, messages] of Object.entries(LANGUAGES)) {
      expect(Object.keys(messages).sort(), `keys of ${name}`).toEqual(keys);
      const empty = Object.entries(messages).filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty strings in ${name}`).toEqual([]);
    }
  });

  it('a translation keeps every {placeholder} of the German text', () => {
    const wrong = Object.keys(de).filter((k) => placeholders(de[k as keyof typeof de]).join() !== placeholders(en[k as keyof typeof en]).join());
    expect(wrong).toEqual([]);
  });
});

/** Attributes a person reads or hears: they must come from t() as well. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'title', 'placeholder', 'alt', 'label']);
const hasWords = (s: string) => /\p{L}{2,}/u.test(s);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') && !e.name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** Words written straight into JSX (text children, string children, readable attributes). */
function literalStrings(source: string, fileName = 'x.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(node.text.trim());
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const e = node.expression;
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && hasWords(e.text)) found.push(e.text);
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file)) && node.initializer) {
      const init = node.initializer;
      const value = ts.isStringLiteral(init) ? init : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression) ? init.expression : null;
      if (value && hasWords(value.text)) found.push(`${node.name.getText(file)}="${value.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no component hard-codes a string', () => {
  it('the check itself finds text, string children and readable attributes', () => {
    expect(literalStrings('const a = <p class="x">Hallo {name} <b>{"Welt"}</b><i aria-label="Schließen" /> – {t("k")}</p>;')).toEqual([
      'Hallo',
      'Welt',
      'aria-label="Schließen"',
    ]);
  });

  it('client/**/*.tsx contain no literal words: every text goes through t()', () => {
    const offenders = tsxFiles(CLIENT).flatMap((path) =>
      literalStrings(readFileSync(path, 'utf8'), path).map((s) => `${relative(CLIENT, path)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
