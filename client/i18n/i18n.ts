import { signal } from '@preact/signals';
import type { Language } from '../../shared/minutes/wording.ts';
import { de, type MessageKey } from './de.ts';

const STORAGE_KEY = 'handzeichen:lang';

/**
 * German ships with every view; English is fetched only by devices that use it (the member
 * app stays within its size budget). Until it arrives, German is shown.
 */
const dictionaries = signal<Partial<Record<Language, Record<MessageKey, string>>>>({ de });

function ensureLoaded(l: Language): void {
  if (l !== 'en' || dictionaries.value.en) return;
  void import('./en.ts').then(({ en }) => (dictionaries.value = { ...dictionaries.value, en }));
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
ensureLoaded(lang.value);

export function setLanguage(next: Language): void {
  ensureLoaded(next);
  lang.value = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const dictionary = dictionaries.value[lang.value] ?? de;
  return dictionary[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
