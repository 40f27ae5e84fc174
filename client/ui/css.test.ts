import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * CSS nesting is valid syntax, so a rule whose closing brace got lost (easily done when two
 * branches append to the same stylesheet) silently swallows every rule after it. Our
 * stylesheets never nest rules outside @-rules: this finds such a lost brace.
 */
const root = resolve(import.meta.dirname, '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

function nestedRules(css: string): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') {
      const prelude = text.slice(start, i).trim().split(';').pop()!.trim();
      const parent = stack[stack.length - 1];
      if (parent !== undefined && !parent.startsWith('@')) found.push(`${prelude} inside ${parent}`);
      stack.push(prelude);
      start = i + 1;
    } else if (ch === '}') {
      stack.pop();
      start = i + 1;
    }
  }
  if (stack.length) found.push(`unclosed: ${stack.join(' > ')}`);
  return found;
}

describe('stylesheets', () => {
  it('close every rule: no rule is nested inside another by accident', () => {
    const problems = cssFiles(root).flatMap((f) => nestedRules(readFileSync(f, 'utf8')).map((p) => `${relative(root, f)}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('notices a lost brace', () => {
    expect(nestedRules('.a { color: red;\n.b { color: blue; }')).toEqual(['.b inside .a', 'unclosed: .a']);
  });
});
