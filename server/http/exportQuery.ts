import type { IncomingMessage } from 'node:http';
import type { ResultsScope } from '../../shared/export/results.ts';
import type { Language } from '../../shared/minutes/wording.ts';
import { HttpError } from './respond.ts';

export interface ExportQuery {
  scope: ResultsScope;
  lang: Language;
}

const SCOPES: readonly ResultsScope[] = ['full', 'public'];
const LANGUAGES: readonly Language[] = ['de', 'en'];

/**
 * `?scope=` and `?lang=` of the export routes. A value we do not know is a 400: a typo in
 * `scope=public` must not quietly hand out the full export with the non-public items.
 */
export function exportQuery(req: IncomingMessage): ExportQuery {
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  return { scope: oneOf(params, 'scope', SCOPES, 'full'), lang: oneOf(params, 'lang', LANGUAGES, 'de') };
}

function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const values = params.getAll(name);
  if (values.length === 0) return fallback;
  const value = values[0] as T;
  if (values.length > 1 || !allowed.includes(value)) throw new HttpError(400, `${name} must be one of ${allowed.join(', ')} (given once)`);
  return value;
}
