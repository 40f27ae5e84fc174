import { useEffect, useState } from 'preact/hooks';
import type { MemberRole } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import { api, type MeetingDetail, type PairingCard } from './adminApi.ts';
import { QrCode } from '../ui/QrCode.tsx';

/** The pairing sheet: A4, one card per member with the QR code of the join link and a code to type. */
export function PairingSheet({ meetingId }: { meetingId: string }) {
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [cards, setCards] = useState<PairingCard[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.get(meetingId).then((r) => (r.ok ? setMeeting(r.data) : setError(r.error.message)));
    void api.cards(meetingId).then((r) => (r.ok ? setCards(r.data) : setError(r.error.message)));
  }, [meetingId]);
  if (error) return <p class="notice" role="alert">{error}</p>;
  if (!meeting || !cards) return <p class="notice">{t('conn.connecting')}</p>;

  const reissue = async (memberId: string) => {
    const r = await api.reissue(meetingId, memberId);
    if (r.ok) setCards(cards.map((c) => (c.id === memberId ? r.data : c)));
    else setError(r.error.message);
  };
  return (
    <section class="pairing">
      <div class="admin-bar no-print">
        <h1>{t('admin.cards')}</h1>
        <button type="button" class="btn btn-primary" onClick={() => window.print()}>
          {t('admin.print')}
        </button>
      </div>
      <p class="muted no-print">{t('admin.cardsHint')}</p>
      <div class="cards">
        {cards.map((c) => (
          <article key={c.id} class="card" data-member={c.id}>
            <p class="card-meeting">
              {meeting.body} · {meeting.organization}
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
    </section>
  );
}

function roleLabel(role: MemberRole, votingRight: boolean): string {
  const label = t(`admin.role.${role}`);
  return votingRight ? label : `${label} · ${t('admin.noVote')}`;
}
