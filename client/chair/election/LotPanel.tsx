import { useState } from 'preact/hooks';
import type { Election } from '../../../shared/elections/model.ts';
import type { ElectionNext } from '../../../shared/elections/progress.ts';
import { t } from '../../i18n/i18n.ts';
import type { MeetingConnection } from '../../sync/connection.ts';
import { Icon } from '../../ui/Icon.tsx';
import type { RunCommand } from '../runCommand.ts';

/**
 * A tie is decided by lot: drawn here with the server's randomness (logged), or drawn by hand in
 * the room and entered by naming who won it — one button per candidate when the lot picks one,
 * ticks when it picks several (e.g. two of three tied for a Stichwahl).
 */
export function LotPanel({ election, lot, conn, run }: { election: Election; lot: Extract<ElectionNext, { kind: 'lot' }>; conn: MeetingConnection; run: RunCommand }) {
  const names = new Map(election.candidates.map((c) => [c.id, c.name]));
  const tied = lot.among.map((id) => names.get(id) ?? id).join(', ');
  return (
    <section class="election-lot" aria-labelledby="lot-heading">
      <p id="lot-heading" class="notice notice-warn">
        <Icon name="alert" />
        <span>{t(lot.purpose === 'runoff' ? 'election.lotRunoff' : 'election.lotSeat', { names: tied, count: lot.count })}</span>
      </p>
      <button type="button" class="btn btn-primary btn-large election-draw" onClick={() => void run(() => conn.send('election:drawLot', { pollId: lot.pollId }))}>
        {t('election.lotDraw')}
      </button>
      <div class="election-lot-hand" role="group" aria-labelledby="lot-hand">
        <p id="lot-hand" class="muted">
          {t('election.lotHand')}
        </p>
        {lot.count === 1 ? (
          <div class="button-row">
            {lot.among.map((id) => (
              <button type="button" key={id} class="btn" onClick={() => void run(() => conn.send('election:drawLot', { pollId: lot.pollId, winners: [id] }))}>
                {t('election.lotHandWinner', { name: names.get(id) ?? id })}
              </button>
            ))}
          </div>
        ) : (
          <HandLotPicks key={lot.pollId} lot={lot} names={names} send={(winners) => void run(() => conn.send('election:drawLot', { pollId: lot.pollId, winners }))} />
        )}
      </div>
    </section>
  );
}

/** A lot drawn by hand that picks several of the tied: tick exactly that many, then enter. */
function HandLotPicks({ lot, names, send }: { lot: Extract<ElectionNext, { kind: 'lot' }>; names: Map<string, string>; send: (winners: string[]) => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const complete = picked.length === lot.count;
  const toggle = (id: string, on: boolean) => setPicked(on ? lot.among.filter((x) => x === id || picked.includes(x)) : picked.filter((x) => x !== id));
  return (
    <>
      <ul class="election-lot-picks">
        {lot.among.map((id) => (
          <li key={id}>
            <label>
              <input type="checkbox" checked={picked.includes(id)} disabled={complete && !picked.includes(id)} onChange={(e) => toggle(id, e.currentTarget.checked)} />
              <span>{names.get(id) ?? id}</span>
            </label>
          </li>
        ))}
      </ul>
      <button type="button" class="btn" disabled={!complete} onClick={() => send(picked)}>
        {complete ? t('election.lotHandWinner', { name: picked.map((id) => names.get(id) ?? id).join(', ') }) : t('election.lotHandChoose', { count: lot.count })}
      </button>
    </>
  );
}
