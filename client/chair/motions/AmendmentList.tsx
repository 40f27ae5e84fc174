import { useState } from 'preact/hooks';
import type { AgendaItem } from '../../../shared/meeting/model.ts';
import { amendmentsOf, pollPassed, validMotionPoll } from '../../../shared/motions/sequence.ts';
import type { MeetingSnapshot } from '../../../shared/protocol/snapshot.ts';
import { t } from '../../i18n/i18n.ts';
import type { MeetingConnection } from '../../sync/connection.ts';
import type { RunCommand } from '../runCommand.ts';
import './messages.ts';
import './amendments.css';
import '../../ui/forms.css';

interface Props {
  snapshot: MeetingSnapshot;
  item: AgendaItem;
  /** The main motion is being or has been voted on: the amendments are fixed. */
  locked: boolean;
  conn: MeetingConnection;
  run: RunCommand;
}

/**
 * The item's amendments in voting order, each with its result; the chair adds one (also on the
 * spot), moves an unvoted one earlier or later, or removes one never voted on.
 */
export function AmendmentList({ snapshot, item, locked, conn, run }: Props) {
  const amendments = amendmentsOf(snapshot, item.id);
  const [mover, setMover] = useState('');
  const [text, setText] = useState('');
  if (locked && !amendments.length) return null;
  const voted = (id: string) => snapshot.polls.some((p) => p.motionId === id);

  const add = async (e: Event) => {
    e.preventDefault();
    if (await run(() => conn.send('motion:add', { itemId: item.id, mover: mover.trim(), text: text.trim() }))) {
      setMover('');
      setText('');
    }
  };

  return (
    <section class="amendments" aria-labelledby="amendments-heading">
      <h3 id="amendments-heading" class="section-label">
        {t('amend.heading')}
      </h3>
      {amendments.length ? (
        <ol class="amendment-list">
          {amendments.map((m, i) => {
            const poll = validMotionPoll(snapshot, m.id);
            const running = snapshot.polls.some((p) => p.motionId === m.id && p.status === 'open');
            const status = running ? 'running' : poll?.counts ? (pollPassed(poll) ? 'passed' : 'rejected') : 'pending';
            const fixed = locked || voted(m.id);
            return (
              <li key={m.id} class={`amendment is-${status}`}>
                <div class="amendment-body">
                  <p class="amendment-title">
                    {t('amend.title', { n: i + 1, mover: m.mover })}{' '}
                    <span class={`badge amendment-status ${STATUS_BADGE[status]}`}>{t(`amend.${status}`)}</span>
                  </p>
                  <p class="amendment-text">{m.text}</p>
                </div>
                {!fixed && (
                  <div class="amendment-tools">
                    <button type="button" class="btn" disabled={i === 0 || voted(amendments[i - 1]!.id)} aria-label={t('amend.up', { n: i + 1 })} onClick={() => void run(() => conn.send('motion:move', { motionId: m.id, direction: 'up' }))}>
                      ↑
                    </button>
                    <button type="button" class="btn" disabled={i === amendments.length - 1} aria-label={t('amend.down', { n: i + 1 })} onClick={() => void run(() => conn.send('motion:move', { motionId: m.id, direction: 'down' }))}>
                      ↓
                    </button>
                    <button type="button" class="btn btn-danger" aria-label={t('amend.removeLabel', { n: i + 1 })} onClick={() => void run(() => conn.send('motion:remove', { motionId: m.id }))}>
                      {t('amend.remove')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p class="muted amendment-none">{t('amend.none')}</p>
      )}
      {!locked && (
        <details class="amendment-add">
          <summary>{t('amend.add')}</summary>
          <form class="amendment-form" onSubmit={(e) => void add(e)}>
            <label>
              <span>{t('amend.mover')}</span>
              <input type="text" required maxLength={200} value={mover} placeholder={t('amend.moverHint')} onInput={(e) => setMover(e.currentTarget.value)} />
            </label>
            <label>
              <span>{t('amend.text')}</span>
              <textarea required maxLength={4000} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            <button type="submit" class="btn" disabled={!mover.trim() || !text.trim()}>
              {t('amend.add')}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}

const STATUS_BADGE = { running: 'badge-warn', passed: 'badge-ok', rejected: 'badge-danger', pending: '' } as const;
