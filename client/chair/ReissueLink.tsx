import { useState } from 'preact/hooks';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { QrCode } from '../ui/QrCode.tsx';
import { refusalText } from './refusal.ts';
import { useConfirmFocus } from './useConfirmFocus.ts';

interface Issued {
  name: string;
  joinUrl: string;
  code: string;
}

/**
 * A lost or broken tablet: the chair blocks the member's old link and gets a new one to open
 * on a replacement device — scanned, typed as a code, or sent as a link. The member's ballots
 * are untouched. Blocking is irreversible for the old device, so the member is chosen
 * explicitly (no default) and the step is confirmed in place.
 */
export function ReissueLink({ snapshot, conn }: { snapshot: MeetingSnapshot; conn: MeetingConnection }) {
  const [memberId, setMemberId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { harmless, trigger } = useConfirmFocus(confirming);
  const name = snapshot.members.find((m) => m.id === memberId)?.name ?? '';

  const reissue = async () => {
    setConfirming(false);
    const result = await conn.send('member:reissueLink', { memberId });
    if (!result.ok) return setError(refusalText(result.error, snapshot));
    setError(null);
    setCopied(false);
    setIssued({ name, joinUrl: result.data.joinUrl, code: result.data.code });
    setMemberId('');
  };
  const copy = (e: Event) => {
    const input = (e.currentTarget as HTMLElement).parentElement?.querySelector('input');
    input?.select();
    // The clipboard API exists only in a secure context; elsewhere the link stays selected to copy by hand.
    void navigator.clipboard?.writeText(issued!.joinUrl).then(() => setCopied(true));
  };

  return (
    <details class="reissue-link">
      <summary>{t('chair.reissue.title')}</summary>
      <div class="reissue-body">
        <div class="reissue-choose">
          <label for="reissue-member">{t('chair.reissue.member')}</label>
          <select
            id="reissue-member"
            value={memberId}
            onChange={(e) => {
              setMemberId((e.currentTarget as HTMLSelectElement).value);
              setConfirming(false);
            }}
          >
            <option value="" disabled>
              {t('chair.reissue.choose')}
            </option>
            {snapshot.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          {!confirming && (
            <button type="button" class="btn" ref={trigger} disabled={!memberId} onClick={() => setConfirming(true)}>
              {t('chair.reissue.action')}
            </button>
          )}
        </div>
        {confirming && (
          <div class="confirm" role="group" aria-labelledby="reissue-confirm">
            <p id="reissue-confirm">{t('chair.reissue.confirm', { name })}</p>
            <div class="button-row">
              <button type="button" class="btn btn-danger" onClick={() => void reissue()}>
                {t('chair.reissue.confirmAction')}
              </button>
              <button type="button" class="btn" ref={harmless} onClick={() => setConfirming(false)}>
                {t('chair.reissue.cancel')}
              </button>
            </div>
          </div>
        )}
        {issued && (
          <div class="reissue-issued" role="status">
            <p class="reissue-done">{t('chair.reissue.done', { name: issued.name })}</p>
            <div class="reissue-ways">
              <QrCode text={issued.joinUrl} label={t('chair.reissue.qr', { name: issued.name })} />
              <div class="reissue-text">
                <p class="muted">{t('chair.reissue.codeLabel')}</p>
                <p class="reissue-code">{issued.code}</p>
                <label class="muted" for="reissue-url">
                  {t('chair.reissue.linkLabel')}
                </label>
                <div class="reissue-copy">
                  <input id="reissue-url" class="reissue-url" readOnly value={issued.joinUrl} onFocus={(e) => e.currentTarget.select()} />
                  <button type="button" class="btn" onClick={copy}>
                    {t(copied ? 'chair.reissue.copied' : 'chair.reissue.copy')}
                  </button>
                </div>
              </div>
            </div>
          </div>
        )}
        {error && (
          <p class="notice notice-danger" role="alert">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
