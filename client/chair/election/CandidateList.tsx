import { useState } from 'preact/hooks';
import { electionRule } from '../../../shared/elections/electionRules.ts';
import type { Election } from '../../../shared/elections/model.ts';
import type { MeetingSnapshot } from '../../../shared/protocol/snapshot.ts';
import { t } from '../../i18n/i18n.ts';
import type { MeetingConnection } from '../../sync/connection.ts';
import type { RunCommand } from '../runCommand.ts';

/**
 * The proposed candidates, added on the spot as the room proposes them (the members' names are
 * offered, anyone may be typed). Fixed once the first Wahlgang has started.
 */
export function CandidateList({ snapshot, election, locked, conn, run }: { snapshot: MeetingSnapshot; election: Election; locked: boolean; conn: MeetingConnection; run: RunCommand }) {
  const [name, setName] = useState('');
  const itemId = election.itemId;
  const multiSeat = electionRule(snapshot.meeting.rules).multiSeat;
  const add = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    if (await run(() => conn.send('election:addCandidate', { itemId, name: name.trim() }))) setName('');
  };
  return (
    <section class="election-candidates-chair" aria-labelledby="candidates-heading">
      <h3 id="candidates-heading" class="section-label">
        {t('election.candidates')}
      </h3>
      {election.candidates.length === 0 ? (
        <p class="muted">{t('election.noCandidates')}</p>
      ) : (
        <ol class="election-candidate-list">
          {election.candidates.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>
              {!locked && (
                <button type="button" class="btn" onClick={() => void run(() => conn.send('election:withdrawCandidate', { itemId, candidateId: c.id }))}>
                  {t('election.withdraw', { name: c.name })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!locked && (
        <form class="election-add" onSubmit={(e) => void add(e)}>
          <label for="candidate-name">{t('election.candidateName')}</label>
          <div class="election-add-row">
            <input id="candidate-name" list="candidate-members" value={name} autoComplete="off" onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
            <datalist id="candidate-members">
              {snapshot.members.map((m) => (
                <option key={m.id} value={m.name} />
              ))}
            </datalist>
            <button type="submit" class="btn">
              {t('election.add')}
            </button>
          </div>
        </form>
      )}
      {!locked && multiSeat && (
        <label class="election-seats">
          {t('election.seats')}
          <input
            type="number"
            min={1}
            max={50}
            value={election.seats}
            onChange={(e) => {
              const seats = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isInteger(seats) && seats >= 1) void run(() => conn.send('election:setup', { itemId, seats }));
            }}
          />
        </label>
      )}
    </section>
  );
}
