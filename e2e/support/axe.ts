import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type ColorScheme = 'light' | 'dark';

/**
 * Serious and critical axe findings (WCAG 2.2 A/AA) on the page as it is now, one line each:
 * "rule at selector[, selector…]". Given colour schemes, each is checked in turn (findings prefixed
 * with the scheme) and the page goes on in light; without, the page is checked as it is.
 *
 * Motion is reduced and any CSS transition still running is awaited before axe looks: switching
 * the colour scheme starts the buttons' 120 ms colour fade, and axe measuring a colour half-way
 * reported a contrast nobody ever sees (a CI run failed on exactly that).
 */
export async function axeFindings(page: Page, schemes?: readonly ColorScheme[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const findings: string[] = [];
  for (const colorScheme of schemes ?? [undefined]) {
    await page.emulateMedia({ ...(colorScheme ? { colorScheme } : {}), reducedMotion: 'reduce' });
    await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
    const { violations } = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      WCAG_22_AA,
    );
    const prefix = colorScheme ? `${colorScheme}: ` : '';
    for (const v of violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      findings.push(`${prefix}${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  if (schemes) await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}
