import { t } from '../i18n/i18n.ts';

/** Plain http off localhost: votes still work, the offline shell and wake lock do not. Say why. */
export function InsecureContextNotice() {
  if (window.isSecureContext) return null;
  return <p class="insecure-notice muted">{t('pwa.insecure')}</p>;
}
