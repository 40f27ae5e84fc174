import { useState } from 'preact/hooks';
import type { Election } from '../../../shared/elections/model.ts';
import { t } from '../../i18n/i18n.ts';
import type { MeetingConnection } from '../../sync/connection.ts';
import type { RunCommand } from '../runCommand.ts';
import '../../ui/forms.css';

/**
 * The due Wahlgang counted in the room (tablets failed, paper ballots): votes per candidate, and
 * the ballots as they were sorted. The server refuses numbers that cannot add up.
 */
export function ElectionHandCount({ election, candidateIds, seats, conn, run }: { election: Election; candidateIds: string[]; seats: number; conn: MeetingConnection; run: RunCommand }) {
  const [open, setOpen] = useState(false);
  const [votes, setVotes] = useState<Record<string, number>>({});
  const [ballots, setBallots] = useState(0);
  const [no, setNo] = useState(0);
  const [abstain, setAbstain] = useState(0);
  if (!open) {
    return (
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        {t('election.handCount.open')}
      </button>
    );
  }
  const single = seats === 1 && candidateIds.length === 1;
  const names = new Map(election.candidates.map((c) => [c.id, c.name]));
  const num = (value: number, set: (n: number) => void, label: string, key: string) => (
    <label key={key} class="hand-count-field">
      {label}
      <input type="number" inputMode="numeric" min={0} step={1} required value={value} onInput={(e) => set(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} />
    </label>
  );
  const submit = async (e: Event) => {
    e.preventDefault();
    const all = Object.fromEntries(candidateIds.map((id) => [id, votes[id] ?? 0]));
    const marked = seats === 1 ? Object.values(all).reduce((a, b) => a + b, 0) : ballots;
    if (await run(() => conn.send('election:handCount', { itemId: election.itemId, votes: all, ballots: marked, no: single ? no : 0, abstain }))) setOpen(false);
  };
  return (
    <form class="hand-count" onSubmit={(ev) => void submit(ev)}>
      <fieldset>
        <legend class="section-label">{t('election.handCount.legend')}</legend>
        <div class="hand-count-fields">
          {candidateIds.map((id) => num(votes[id] ?? 0, (n) => setVotes({ ...votes, [id]: n }), single ? `${names.get(id)}: ${t('choice.yes')}` : (names.get(id) ?? id), id))}
          {single && num(no, setNo, t('choice.no'), 'no')}
          {seats > 1 && num(ballots, setBallots, t('election.handCount.ballots'), 'ballots')}
          {num(abstain, setAbstain, t('election.handCount.blank'), 'abstain')}
        </div>
        <div class="button-row">
          <button type="submit" class="btn btn-primary btn-large">
            {t('chair.handCount.save')}
          </button>
          <button type="button" class="btn" onClick={() => setOpen(false)}>
            {t('chair.handCount.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
