import { useEffect, useState } from 'preact/hooks';
import electionMessages from '../../i18n/de/election.ts';
import { electionRule } from '../../../shared/elections/electionRules.ts';
import { isYesNoBallot, type Election } from '../../../shared/elections/model.ts';
import type { Choice } from '../../../shared/meeting/model.ts';
import { roundTitle } from '../../../shared/elections/wording.ts';
import type { OwnBallot, PollView } from '../../../shared/protocol/snapshot.ts';
import { lang, registerMessages, t } from '../../i18n/i18n.ts';
import { castBallot, localBallot } from '../../sync/ballots.ts';
import type { MeetingConnection } from '../../sync/connection.ts';
import { Icon } from '../../ui/Icon.tsx';
import { ChoiceButtons } from '../ChoiceButtons.tsx';
import { Receipt } from '../Receipt.tsx';
import { ElectionOutcome } from './ElectionOutcome.tsx';
import './election.css';

registerMessages(electionMessages, () => import('../../i18n/en/election.ts'));

export interface ElectionBallotProps {
  conn: MeetingConnection;
  meetingId: string;
  poll: PollView;
  election: Election | undefined;
  itemNumber: string | undefined;
  serverBallot: OwnBallot | null;
}

const STATE_TEXT = { saved: 'member.saved', sending: 'member.sending', queued: 'member.queued', late: 'member.late' } as const;

/**
 * A Wahlgang on the tablet: one large button per candidate (up to `seats` marks), or Ja / Nein /
 * Enthaltung for a single candidate. An open ballot can be changed until the Wahlgang closes; a
 * secret one is confirmed once and then shows only "Stimme abgegeben".
 */
export function ElectionBallot({ conn, meetingId, poll, election, itemNumber, serverBallot }: ElectionBallotProps) {
  const e = poll.election!;
  const names = new Map(election?.candidates.map((c) => [c.id, c.name]));
  const local = localBallot.value?.pollId === poll.id ? localBallot.value : null;
  const own = serverBallot?.pollId === poll.id ? serverBallot : null;
  const secret = poll.mode === 'secret';
  const saved = local ?? (own && own.choice ? { choice: own.choice, marks: own.marks ?? [], state: 'saved' as const } : null);
  const [marks, setMarks] = useState<string[]>(saved?.marks ?? []);
  const [confirming, setConfirming] = useState<{ choice: Choice; marks: string[] } | null>(null);
  useEffect(() => setMarks(saved?.marks ?? []), [poll.id]);
  const item = itemNumber ? t('item.number', { number: itemNumber }).replace(/ /g, '\u00a0') : '';
  const round = roundTitle(poll.rules, e.stage, lang.value);
  const header = (
    <p class="vote-mode" id="vote-mode">
      <Icon name={secret ? 'lock' : 'info'} />
      <span>{t(secret ? 'election.mode.secret' : 'election.mode.open', { item, round })}</span>
    </p>
  );
  const receipt = own ?? (local?.state === 'saved' ? local : null);

  if (poll.status !== 'open') {
    return (
      <section class="vote vote-over" aria-labelledby="vote-mode">
        {header}
        <p class="notice vote-closed" role="status">
          <Icon name={own || local?.state === 'saved' ? 'check' : 'stop'} />
          <span>{t(poll.status === 'invalid' ? 'member.invalid' : own ? 'election.closedVoted' : 'election.closed')}</span>
        </p>
        {election && <ElectionOutcome poll={poll} election={election} />}
        {receipt && <Receipt meetingId={meetingId} poll={poll} ballot={receipt} />}
      </section>
    );
  }

  const cast = (choice: Choice, chosen: string[]) => {
    if (secret) setConfirming({ choice, marks: chosen });
    else void castBallot(conn, poll.id, choice, chosen);
  };
  const sentSecret = secret && (own || (local && local.state !== 'failed'));
  const describe = (b: { choice: Choice; marks?: string[] }) =>
    b.choice === 'yes' && !isYesNoBallot(e) ? (b.marks ?? []).map((id) => names.get(id)).join(', ') : t(`choice.${b.choice}`);

  return (
    <section class="vote election" aria-labelledby="vote-heading">
      {header}
      <h3 id="vote-heading" class="vote-heading">
        {t(isYesNoBallot(e) ? 'election.ballotOpenSingle' : 'election.ballotOpen')}
      </h3>
      {sentSecret ? (
        <p class="vote-cast-neutral" role="status" aria-live="polite">
          {local && local.state !== 'saved' ? t(local.state === 'queued' ? 'member.queued' : 'member.sending') : `✓ ${t('member.secretCast')}`}
        </p>
      ) : confirming ? (
        <div class="secret-confirm" role="group" aria-labelledby="election-question">
          <p id="election-question" class="secret-question">
            {t('election.confirm', { ballot: describe(confirming) })}
          </p>
          <p class="muted">{t('member.secretConfirmHint')}</p>
          <div class="secret-actions">
            <button
              type="button"
              class="btn btn-large secret-cast"
              onClick={() => {
                setConfirming(null);
                void castBallot(conn, poll.id, confirming.choice, confirming.marks);
              }}
            >
              <Icon name="check" />
              {t('member.confirm')}
            </button>
            <button type="button" class="btn btn-large" onClick={() => setConfirming(null)}>
              {t('member.back')}
            </button>
          </div>
        </div>
      ) : (
        <>
          {!secret && (
            <p class={`vote-status${saved ? ` is-${saved.state}` : ''}`} role="status" aria-live="polite">
              {saved && <Icon name={saved.state === 'failed' ? 'alert' : saved.state === 'saved' ? 'check' : 'clock'} />}
              <span>
                {saved &&
                  (saved.state === 'failed'
                    ? t('member.failed', { reason: t('error.generic') })
                    : `${t('election.yourBallot', { ballot: describe(saved) })} – ${t(STATE_TEXT[saved.state])}`)}
              </span>
            </p>
          )}
          {isYesNoBallot(e) ? (
            <>
              <p class="election-single">{names.get(e.candidateIds[0]!)}</p>
              <ChoiceButtons
                choices={['yes', 'no', 'abstain']}
                chosen={secret ? undefined : (saved?.choice ?? null)}
                onPick={(c) => cast(c, c === 'yes' ? [e.candidateIds[0]!] : [])}
              />
            </>
          ) : (
            <CandidateMarks e={e} names={names} marks={marks} onChange={setMarks} onCast={cast} />
          )}
          {!secret && saved?.state === 'saved' && <p class="muted vote-hint">{t('election.changeHint')}</p>}
          {secret && <p class="muted vote-hint">{t('member.secretHint')}</p>}
          {!secret && receipt && saved?.state === 'saved' && <Receipt meetingId={meetingId} poll={poll} ballot={receipt} />}
        </>
      )}
      {electionRule(poll.rules).alwaysSecret && <p class="muted vote-hint">{t('election.alwaysSecret', { source: electionRule(poll.rules).source })}</p>}
    </section>
  );
}

function CandidateMarks({
  e,
  names,
  marks,
  onChange,
  onCast,
}: {
  e: NonNullable<PollView['election']>;
  names: Map<string, string>;
  marks: string[];
  onChange: (m: string[]) => void;
  onCast: (choice: Choice, marks: string[]) => void;
}) {
  const full = marks.length >= e.seats;
  const toggle = (id: string) => {
    if (marks.includes(id)) onChange(marks.filter((m) => m !== id));
    // One seat: a tap on another person moves the cross, as on paper one would choose again.
    else if (e.seats === 1) onChange([id]);
    else if (!full) onChange([...marks, id]);
  };
  return (
    <>
      <p class="election-hint">{e.seats === 1 ? t('election.markOne') : t('election.markUpTo', { seats: e.seats })}</p>
      <div class="election-candidates">
        {e.candidateIds.map((id) => {
          const on = marks.includes(id);
          return (
            <button type="button" key={id} class={`election-candidate${on ? ' is-marked' : ''}`} aria-pressed={on} disabled={!on && full && e.seats > 1} onClick={() => toggle(id)}>
              <span class="election-box" aria-hidden="true">
                {on && <Icon name="check" />}
              </span>
              <span class="election-name">{names.get(id)}</span>
            </button>
          );
        })}
      </div>
      {e.seats > 1 && <p class="muted election-count">{t('election.marksCount', { count: marks.length, seats: e.seats })}</p>}
      <div class="election-actions">
        <button type="button" class="btn btn-primary btn-large election-cast" disabled={marks.length === 0} onClick={() => onCast('yes', marks)}>
          <Icon name="check" />
          {t('election.cast')}
        </button>
        <button type="button" class="btn btn-large election-abstain" onClick={() => onCast('abstain', [])}>
          {t('election.abstain')}
        </button>
      </div>
    </>
  );
}
