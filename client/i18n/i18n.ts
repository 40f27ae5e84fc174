import { signal } from '@preact/signals';
import type { Language } from '../../shared/minutes/wording.ts';
import common from './de/common.ts';
import type { MessageKey } from './keys.ts';

export type { MessageKey };

const STORAGE_KEY = 'handzeichen:lang';

type Dictionary = Readonly<Record<string, string>>;

/**
 * UI strings come in areas (`de/*.ts`, `en/*.ts`): `common` for every page plus one per view, so
 * a page carries only the strings it shows (the member app has a size budget). German, the
 * default, is bundled with the page; English is a separate chunk fetched only by devices that
 * use it.
 */
interface MessageArea {
  de: Dictionary;
  en: () => Promise<{ default: Dictionary }>;
}

const areas: MessageArea[] = [{ de: common, en: () => import('./en/common.ts') }];
const englishRequested = new Set<MessageArea>();
const dictionaries = signal<Record<Language, Dictionary>>({ de: common, en: {} });

/** Fetches the English strings of the registered areas once a device uses English. */
function loadEnglish(): void {
  for (const area of areas) {
    if (englishRequested.has(area)) continue;
    englishRequested.add(area);
    void area.en().then(({ default: en }) => (dictionaries.value = { ...dictionaries.value, en: { ...dictionaries.value.en, ...en } }));
  }
}

/**
 * A page adds its own area before it renders (in its main.tsx):
 * `registerMessages(member, () => import('../i18n/en/member.ts'))`.
 */
export function registerMessages(de: MessageArea['de'], en: MessageArea['en']): void {
  areas.push({ de, en });
  dictionaries.value = { ...dictionaries.value, de: { ...dictionaries.value.de, ...de } };
  if (lang.value === 'en') loadEnglish();
}

/** A kiosk display is configured by its link (`?lang=en`), a tablet by its browser or by hand. */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'de' || fromUrl === 'en') {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** Per device: the link's `lang`, else a hand-made choice, else the browser's language. */
export const lang = signal<Language>(initialLanguage());
if (lang.value === 'en') loadEnglish();

export function setLanguage(next: Language): void {
  lang.value = next;
  if (next === 'en') loadEnglish();
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/**
 * Until English has arrived, German is shown. A key of an area the page did not register would
 * show as itself; completeness.test.ts fails before that can ship.
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const { de, en } = dictionaries.value;
  const text = (lang.value === 'en' ? en[key] : undefined) ?? de[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
