import { signal, type Signal } from '@preact/signals';

export type ThemeChoice = 'light' | 'dark' | 'auto';

const STORAGE_KEY = 'handzeichen:theme';
const isChoice = (v: string | null): v is ThemeChoice => v === 'light' || v === 'dark' || v === 'auto';

/**
 * A kiosk display has no mouse: `?theme=dark` in its link decides (and is remembered);
 * otherwise a hand-made choice on this device, otherwise the system setting.
 */
function initialTheme(): ThemeChoice {
  const fromUrl = new URLSearchParams(location.search).get('theme');
  if (isChoice(fromUrl)) {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  const stored = localStorage.getItem(STORAGE_KEY);
  return isChoice(stored) ? stored : 'auto';
}

export const theme = signal<ThemeChoice>(initialTheme());

/**
 * The system setting, kept current so the switch always offers the other theme. Asked for the
 * first time the switch is shown, not at every start: the media query is part of the slowed
 * tablet's start otherwise, and the tablet has no theme switch (theme.css follows the system).
 */
let systemDark: Signal<boolean> | undefined;
function systemPrefersDark(): boolean {
  if (!systemDark) {
    const query = matchMedia('(prefers-color-scheme: dark)');
    const current = signal(query.matches);
    query.addEventListener('change', (e) => (current.value = e.matches));
    systemDark = current;
  }
  return systemDark.value;
}

export function effectiveTheme(choice: ThemeChoice = theme.value): 'light' | 'dark' {
  return choice === 'auto' ? (systemPrefersDark() ? 'dark' : 'light') : choice;
}

/** theme.css reads `data-theme` on <html>; no attribute means "follow the system". */
export function applyTheme(choice: ThemeChoice = theme.value): void {
  if (choice === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function setTheme(next: ThemeChoice): void {
  theme.value = next;
  localStorage.setItem(STORAGE_KEY, next);
  applyTheme(next);
}
