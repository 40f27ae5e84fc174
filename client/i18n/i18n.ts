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

/**
 * The device's own choice — the link's `lang` (a kiosk display has no mouse) or a tap on the
 * language switch, kept on the device — else German until the meeting's language is known
 * (followMeetingLanguage). Never the browser's language: a display PC with an English system
 * must not show English to a German council.
 */
function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'de' || fromUrl === 'en') {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
}

export const lang = signal<Language>(initialLanguage());
if (lang.value === 'en') loadEnglish();

/** `remember`: a person chose it on this device, and that choice wins over the meeting's from now on. */
export function setLanguage(next: Language, remember = true): void {
  lang.value = next;
  if (next === 'en') loadEnglish();
  if (remember) localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

/** The meeting's language, as its snapshot says, unless a choice was made on this device. */
export function followMeetingLanguage(meeting: Language | undefined): void {
  if (meeting && !localStorage.getItem(STORAGE_KEY)) setLanguage(meeting, false);
}

/**
 * Until English has arrived, German is shown. A key of an area the page did not register would
 * show as itself; completeness.test.ts fails before that can ship.
 */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const { de, en } = dictionaries.value;
  const text = (lang.value === 'en' ? en[key] : undefined) ?? de[key] ?? key;
  // Most strings have no placeholder: they skip the regular expression (many are rendered at a tablet's start).
  return text.includes('{') ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
}
