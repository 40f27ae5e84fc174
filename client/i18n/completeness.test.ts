import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLIENT = resolve(import.meta.dirname, '..');
const AREAS = readdirSync(join(import.meta.dirname, 'de')).map((f) => f.replace(/\.ts$/, ''));
type Dictionary = Record<string, string>;
const load = async (language: string, area: string) => ((await import(`./${language}/${area}.ts`)) as { default: Dictionary }).default;
const german = Object.fromEntries(await Promise.all(AREAS.map(async (a) => [a, await load('de', a)] as const)));
const english = Object.fromEntries(await Promise.all(AREAS.map(async (a) => [a, await load('en', a)] as const)));
const areaOfKey = new Map(Object.entries(german).flatMap(([area, messages]) => Object.keys(messages).map((k) => [k, area] as const)));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every UI string exists in German and English', () => {
  it.each(AREAS)('%s: both languages have exactly the same keys, none empty', (area) => {
    const keys = Object.keys(german[area]!).sort();
    expect(Object.keys(english[area]!).sort()).toEqual(keys);
    for (const messages of [german[area]!, english[area]!]) {
      expect(Object.entries(messages).filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    }
  });

  it.each(AREAS)('%s: a translation keeps every {placeholder} of the German text', (area) => {
    const de = german[area]!;
    const en = english[area]!;
    expect(Object.keys(de).filter((k) => placeholders(de[k]!).join() !== placeholders(en[k]!).join())).toEqual([]);
  });

  it('no key is defined in two areas (a later area would silently win)', () => {
    const count = AREAS.reduce((n, a) => n + Object.keys(german[a]!).length, 0);
    expect(areaOfKey.size).toBe(count);
  });
});

/** A module and everything it imports at run time (relative imports only: our own code). */
function reachableModules(entry: string, seen = new Map<string, ts.SourceFile>()): Map<string, ts.SourceFile> {
  if (seen.has(entry)) return seen;
  const file = ts.createSourceFile(entry, readFileSync(entry, 'utf8'), ts.ScriptTarget.Latest, true, entry.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  seen.set(entry, file);
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) continue;
    const spec = statement.moduleSpecifier;
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.') || !/\.tsx?$/.test(spec.text)) continue;
    const path = resolve(dirname(entry), spec.text);
    if (existsSync(path)) reachableModules(path, seen);
  }
  // Parts loaded on demand (`import('./PairByCode.tsx')`) are part of the page as well.
  const lazy = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = node.arguments[0];
      if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.') && /\.tsx?$/.test(spec.text)) {
        const path = resolve(dirname(entry), spec.text);
        if (existsSync(path)) reachableModules(path, seen);
      }
    }
    ts.forEachChild(node, lazy);
  };
  lazy(file);
  return seen;
}

/**
 * The message keys a module names: string literals that are keys (`t('member.saved')`, also in
 * lookup tables) and the fixed start of template keys (`t(`choice.${c}`)` names every `choice.` key).
 */
function keysNamedIn(file: ts.SourceFile): string[] {
  const found: string[] = [];
  if (file.fileName.startsWith(import.meta.dirname)) return found; // the dictionaries define keys, they do not show them
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && areaOfKey.has(node.text)) found.push(node.text);
    if (ts.isTemplateExpression(node) && node.head.text.includes('.')) {
      found.push(...[...areaOfKey.keys()].filter((k) => k.startsWith(node.head.text)));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The areas a page carries: the German dictionaries its code imports (`common` via i18n.ts). */
function areasImportedBy(modules: Map<string, ts.SourceFile>): Set<string> {
  const dictionaries = join(import.meta.dirname, 'de');
  return new Set([...modules.keys()].filter((path) => dirname(path) === dictionaries).map((path) => basename(path, '.ts')));
}

const VIEWS = readdirSync(CLIENT).filter((d) => existsSync(join(CLIENT, d, 'main.tsx')));

describe('each page carries the strings it shows, and only those', () => {
  it('finds the pages and what they name', () => {
    expect(VIEWS).toEqual(expect.arrayContaining(['member', 'chair', 'display', 'admin', 'landing', 'results']));
    const member = reachableModules(join(CLIENT, 'member', 'main.tsx'));
    // `motions` only in the chunk loaded with a vote on an amendment or en bloc (client/motions/LazySubject.tsx),
    // `record` with the § 68 control, loaded only when a member may use it; `election` only with
    // the lazily loaded election ballot (client/member/LazyElectionBallot.tsx).
    expect(areasImportedBy(member)).toEqual(new Set(['common', 'member', 'motions', 'record', 'election']));
    expect([...member.values()].flatMap(keysNamedIn)).toEqual(expect.arrayContaining(['member.saved', 'choice.yes', 'choice.abstain']));
  });

  it.each(VIEWS)('%s: every key its code names is in an area it carries', (view) => {
    const modules = reachableModules(join(CLIENT, view, 'main.tsx'));
    const registered = areasImportedBy(modules);
    const missing = [...modules.values()].flatMap((f) => keysNamedIn(f).filter((k) => !registered.has(areaOfKey.get(k)!)).map((k) => `${relative(CLIENT, f.fileName)}: ${k}`));
    expect(missing).toEqual([]);
  });

  it('every key is shown somewhere (no dead strings to translate)', () => {
    const named = new Set(VIEWS.flatMap((view) => [...reachableModules(join(CLIENT, view, 'main.tsx')).values()].flatMap(keysNamedIn)));
    expect([...areaOfKey.keys()].filter((k) => !named.has(k))).toEqual([]);
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
