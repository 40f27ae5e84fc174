import { t } from '../i18n/i18n.ts';
import { Icon } from './Icon.tsx';
import { effectiveTheme, setTheme, theme } from './theme.ts';

/** One tap flips light/dark; the label names the theme it switches to. */
export function ThemeSwitch() {
  const current = effectiveTheme(theme.value);
  const next = current === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" class="btn btn-quiet theme-switch" onClick={() => setTheme(next)}>
      <Icon name={next === 'dark' ? 'moon' : 'sun'} />
      <span class="theme-switch-label">{t(next === 'dark' ? 'theme.dark' : 'theme.light')}</span>{' '}
      <span class="visually-hidden">{t('theme.scheme')}</span>
    </button>
  );
}
