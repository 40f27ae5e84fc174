import { lang, setLanguage, t } from '../i18n/i18n.ts';
import { Icon } from './Icon.tsx';

/** Names the other language in that language, so someone who cannot read this one finds it. */
export function LanguageSwitch() {
  const next = lang.value === 'de' ? 'en' : 'de';
  return (
    <button type="button" class="btn btn-quiet lang-switch" lang={next} onClick={() => setLanguage(next)}>
      <Icon name="globe" />
      {t('lang.switch')}
    </button>
  );
}
