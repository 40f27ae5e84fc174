import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';

/** The fallback when the camera cannot scan the card: type the code printed under the QR code. */
export function PairByCode() {
  const [code, setCode] = useState('');
  return (
    <form
      class="pair-code"
      onSubmit={(e) => {
        e.preventDefault();
        // Codes are printed in groups of four and read case-insensitively.
        const token = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
        if (token.length < 16) return;
        location.hash = `token=${token}`;
        location.reload();
      }}
    >
      <label for="pair-code">{t('pairing.codeLabel')}</label>
      <input id="pair-code" autocomplete="off" autocapitalize="characters" spellcheck={false} placeholder={t('pairing.codePlaceholder')} value={code} onInput={(e) => setCode(e.currentTarget.value)} />
      <button type="submit" class="btn btn-primary">
        {t('pairing.codeSubmit')}
      </button>
    </form>
  );
}
