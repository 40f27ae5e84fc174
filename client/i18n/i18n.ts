import { signal } from '@preact/signals';
import type { Language } from '../../shared/minutes/wording.ts';
import { de, type MessageKey } from './de.ts';
import { en } from './en.ts';

const STORAGE_KEY = 'handzeichen:lang';
const MESSAGES: Record<Language, Record<MessageKey, string>> = { de, en };

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

export function setLanguage(next: Language): void {
  lang.value = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[lang.value][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
