import { lang, setLanguage, t } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const next = lang.value === 'de' ? 'en' : 'de';
  return (
    <button type="button" class="btn lang-switch" lang={next} onClick={() => setLanguage(next)}>
      {t('lang.switch')}
    </button>
  );
}
