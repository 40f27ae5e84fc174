import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { checkToken } from '../sync/checkToken.ts';
import { keepToken } from '../sync/token.ts';

type Problem = 'pairing.tooShort' | 'pairing.invalid' | 'pairing.unreachable';

/**
 * The fallback when the camera cannot scan the card: type the code printed under the QR code.
 * The device keeps a code only after the server accepted it: a typo stays on this form with a
 * hint, instead of leaving the tablet paired to nothing.
 */
export function PairByCode() {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [checking, setChecking] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const refuse = (p: Problem) => {
    setProblem(p);
    input.current?.focus();
  };
  return (
    <form
      class="pair-code"
      onSubmit={async (e) => {
        e.preventDefault();
        if (checking) return;
        // Codes are printed in groups of four and read case-insensitively.
        const token = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
        if (token.length < 16) return refuse('pairing.tooShort');
        setProblem(null);
        setChecking(true);
        const check = await checkToken(token);
        setChecking(false);
        if (check !== 'ok') return refuse(check === 'unauthorized' ? 'pairing.invalid' : 'pairing.unreachable');
        keepToken('member', token);
        location.reload();
      }}
    >
      <label for="pair-code">{t('pairing.codeLabel')}</label>
      <input
        id="pair-code"
        ref={input}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        placeholder={t('pairing.codePlaceholder')}
        value={code}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'pair-code-problem' : undefined}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <button type="submit" class="btn btn-primary" disabled={checking}>
        {t(checking ? 'pairing.checking' : 'pairing.codeSubmit')}
      </button>
      <p id="pair-code-problem" class="pair-code-problem" role="alert">
        {problem && t(problem)}
      </p>
    </form>
  );
}
