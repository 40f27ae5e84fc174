import { useState } from 'preact/hooks';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';

/**
 * A lost or broken tablet: the chair blocks the member's old link and gets a new one to open
 * on a replacement device. The member's ballots are untouched.
 */
export function ReissueLink({ snapshot, conn }: { snapshot: MeetingSnapshot; conn: MeetingConnection }) {
  const [memberId, setMemberId] = useState(snapshot.members[0]?.id ?? '');
  const [issued, setIssued] = useState<{ name: string; joinUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reissue = async (e: Event) => {
    e.preventDefault();
    const result = await conn.send('member:reissueLink', { memberId });
    if (!result.ok) return setError(t('chair.error', { message: result.error.message }));
    setError(null);
    setIssued({ name: snapshot.members.find((m) => m.id === memberId)?.name ?? memberId, joinUrl: result.data.joinUrl });
  };

  return (
    <details class="reissue-link">
      <summary>{t('chair.reissue.title')}</summary>
      <form onSubmit={reissue}>
        <label>
          {t('chair.reissue.member')}{' '}
          <select value={memberId} onChange={(e) => setMemberId((e.target as HTMLSelectElement).value)}>
            {snapshot.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">{t('chair.reissue.action')}</button>
      </form>
      {issued && (
        <p role="status">
          {t('chair.reissue.done', { name: issued.name })} <code class="reissue-url">{issued.joinUrl}</code>{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(issued.joinUrl)}>
            {t('chair.reissue.copy')}
          </button>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </details>
  );
}
