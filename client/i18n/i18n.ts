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
 * The device's own choice: the link's `lang` (a kiosk display has no mouse) or a tap on the
 * language switch, kept on the device. Null until someone made one.
 */
function deviceChoice(): Language | null {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'de' || fromUrl === 'en') {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'de' || stored === 'en' ? stored : null;
}

const chosen = deviceChoice();
let chosenOnDevice = !!chosen;

/**
 * The device's choice, else the meeting's language once it is known (followMeetingLanguage),
 * else German. Never the browser's language: a display PC with an English system must not show
 * English to a German council.
 */
export const lang = signal<Language>(chosen ?? 'de');
if (lang.value === 'en') loadEnglish();

function apply(next: Language): void {
  lang.value = next;
  if (next === 'en') loadEnglish();
  document.documentElement.lang = next;
}

export function setLanguage(next: Language): void {
  chosenOnDevice = true;
  apply(next);
  localStorage.setItem(STORAGE_KEY, next);
}

/** The meeting's language, as its snapshot says; a choice made on this device wins. */
export function followMeetingLanguage(meeting: Language | undefined): void {
  if (!chosenOnDevice && meeting) apply(meeting);
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
