import { useEffect, useState } from 'preact/hooks';
import type { MemberRole } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import { formatDate, formatTime } from '../ui/format.ts';
import { QrCode } from '../ui/QrCode.tsx';
import { api, type MeetingDetail, type PairingCard } from './adminApi.ts';

/**
 * The pairing sheet: A4, one card per member with the QR code of the join link and a code to
 * type. Codes are stored only as hashes, so a card can be shown once, when it is issued: opening
 * the page issues nothing, only the explicit "Karten ausstellen" does (valid codes must not pile
 * up each time someone looks).
 */
export function PairingSheet({ meetingId }: { meetingId: string }) {
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [cards, setCards] = useState<PairingCard[] | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.get(meetingId).then((r) => (r.ok ? setMeeting(r.data) : setError(r.error.message)));
  }, [meetingId]);
  if (error) return <p class="notice" role="alert">{error}</p>;
  if (!meeting) return <p class="notice">{t('conn.connecting')}</p>;

  const issueAll = async () => {
    setIssuing(true);
    const r = await api.cards(meetingId);
    setIssuing(false);
    if (r.ok) setCards(r.data);
    else setError(r.error.message);
  };
  const reissue = async (memberId: string) => {
    const r = await api.reissue(meetingId, memberId);
    if (r.ok) setCards((cards ?? []).map((c) => (c.id === memberId ? r.data : c)));
    else setError(r.error.message);
  };
  const when = `${formatDate(meeting.start)}, ${formatTime(meeting.start)}`;
  return (
    <section class="pairing">
      <div class="admin-bar no-print">
        <h1>{t('admin.cards')}</h1>
        {cards && (
          <button type="button" class="btn btn-primary" onClick={() => window.print()}>
            {t('admin.print')}
          </button>
        )}
      </div>
      <p class="no-print">
        <strong>{meeting.name}</strong> · {when}
      </p>
      {!cards ? (
        <div class="pairing-issue no-print">
          <p>{t('admin.cardsIssueHint', { members: meeting.members.length })}</p>
          <button type="button" class="btn btn-primary" disabled={issuing} onClick={() => void issueAll()}>
            {t('admin.cardsIssue')}
          </button>
        </div>
      ) : (
        <p class="muted no-print">{t('admin.cardsHint')}</p>
      )}
      {cards && (
        <div class="cards">
          {cards.map((c) => (
            <article key={c.id} class="card" data-member={c.id}>
              <p class="card-meeting">
                {meeting.body} · {meeting.organization}
              </p>
              <p class="card-when">
                {meeting.name} · {when}
              </p>
              <h2 class="card-name">{c.name}</h2>
              <p class="card-role">{roleLabel(c.role, c.votingRight)}</p>
              <QrCode text={c.joinUrl} label={t('admin.qrLabel', { name: c.name })} />
              <p class="card-code-label">{t('admin.codeLabel')}</p>
              <p class="card-code">{c.code}</p>
              <p class="card-url">{`${new URL(c.joinUrl).origin}/member/`}</p>
              <button type="button" class="btn no-print" onClick={() => void reissue(c.id)}>
                {t('admin.reissue')}
              </button>
            </article>
          ))}
        </div>
      )}
    </section>
  );
}

function roleLabel(role: MemberRole, votingRight: boolean): string {
  const label = t(`admin.role.${role}`);
  return votingRight ? label : `${label} · ${t('admin.noVote')}`;
}
