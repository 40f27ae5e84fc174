import { useEffect, useState } from 'preact/hooks';
import { isPresent } from '../../shared/meeting/attendance.ts';
import type { AgendaItem } from '../../shared/meeting/model.ts';
import type { MeetingSnapshot, PollView } from '../../shared/protocol/snapshot.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import { CloseVote } from './CloseVote.tsx';
import { HandCountForm } from './HandCountForm.tsx';
import { MinuteRecords } from './MinuteRecords.tsx';
import { MissingMembers } from './MissingMembers.tsx';
import { NextItem } from './NextItem.tsx';
import { PollTerms } from './PollTerms.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { RoundActions } from './RoundActions.tsx';
import type { RunCommand } from './runCommand.ts';
import { StartVoteForm } from './StartVoteForm.tsx';
import type { VoteSubject } from '../../shared/motions/model.ts';
import { amendmentsOf, isAmended, nextSubject } from '../../shared/motions/sequence.ts';
import type { SubjectInput } from '../../shared/protocol/motionCommands.ts';
import { SubjectLine } from '../motions/SubjectLine.tsx';
import { BlocPicker } from './motions/BlocPicker.tsx';

interface Props {
  snapshot: MeetingSnapshot;
  poll: PollView | undefined;
  item: AgendaItem;
  /** The agenda item after this one, offered once the result is out. */
  next: AgendaItem | undefined;
  conn: MeetingConnection;
  run: RunCommand;
}

/** Members who may vote on the item now: a count by hand cannot exceed them. */
function eligibleNow(snapshot: MeetingSnapshot, itemId: string): number {
  const excluded = new Set(snapshot.exclusions?.[itemId] ?? []);
  return snapshot.members.filter((m) => m.votingRight && isPresent(snapshot.attendance?.[m.id]) && !excluded.has(m.id)).length;
}

/** The current item's vote: the one next action is always the big button. */
export function PollPanel({ snapshot, poll, item, next: nextItem, conn, run }: Props) {
  const itemId = item.id;
  const running = snapshot.polls.find((p) => p.status === 'open' && p.itemId !== itemId);
  const runningNumber = running && snapshot.agenda.find((i) => i.id === running.itemId)?.number;
  const allowsAbstention = ruleSet(snapshot.meeting.rules).allowsAbstention;
  // A round declared invalid "then by show of hands" leads straight to the count form.
  const [handCountOpen, setHandCountOpen] = useState(poll?.status === 'invalid');
  const invalidId = poll?.status === 'invalid' ? poll.id : null;
  useEffect(() => {
    if (invalidId) setHandCountOpen(true);
  }, [invalidId]);
  const [bloc, setBloc] = useState<string[]>([]);

  // What the item votes on next: its amendments in order, then the main motion (shared/motions).
  const mainDecided = snapshot.polls.some((p) => (p.itemId === itemId || p.blocItemIds?.includes(itemId)) && !p.motionId && p.status !== 'invalid');
  const next = nextSubject(snapshot, itemId);
  const hasAmendments = amendmentsOf(snapshot, itemId).length > 0;
  const blocIds = snapshot.agenda.filter((i) => bloc.includes(i.id)).map((i) => i.id);
  const subject: SubjectInput | null = mainDecided ? null : next.kind === 'amendment' ? { motionId: next.motion.id } : blocIds.length ? { blocItemIds: [itemId, ...blocIds] } : {};
  const nextCaption: VoteSubject | null =
    next.kind === 'amendment'
      ? { kind: 'amendment', motionId: next.motion.id, number: next.number, mover: next.motion.mover, text: next.motion.text }
      : blocIds.length
        ? { kind: 'bloc', itemIds: [itemId, ...blocIds] }
        : hasAmendments
          ? { kind: 'main', amended: isAmended(snapshot, itemId) }
          : null;

  const startSection = (s: SubjectInput) => (
    <>
      {/* Above the start form: the chair picks the items first, then starts the one vote. */}
      {next.kind === 'main' && !hasAmendments && !running && <BlocPicker snapshot={snapshot} item={item} selected={bloc} onChange={setBloc} />}
      {nextCaption && <SubjectLine subject={nextCaption} itemNumber={item.number} agenda={snapshot.agenda} />}
      <StartVoteForm
        key={`${itemId}-${s.motionId ?? ''}`}
        snapshot={snapshot}
        itemId={itemId}
        conn={conn}
        run={run}
        blockedBy={runningNumber === undefined ? null : t('chair.agendaLocked', { number: runningNumber })}
        secondary={handCountOpen}
        subject={s}
        startLabel={s.blocItemIds ? t('bloc.start', { count: s.blocItemIds.length }) : undefined}
      />
      {!running && (
        <HandCountForm
          open={handCountOpen}
          onOpenChange={setHandCountOpen}
          eligible={eligibleNow(snapshot, itemId)}
          allowsAbstention={allowsAbstention}
          onSubmit={(counts) => run(() => conn.send('poll:handCount', { itemId, counts, ...s }))}
        />
      )}
    </>
  );

  if (!poll || poll.status === 'invalid') {
    return <div class="poll-panel">{subject && startSection(subject)}</div>;
  }
  const pollSubject = poll.subject && <SubjectLine subject={poll.subject} itemNumber={snapshot.agenda.find((i) => i.id === poll.itemId)?.number} agenda={snapshot.agenda} />;

  if (poll.status === 'open') {
    const voted = new Set(poll.votedMemberIds ?? []);
    const eligible = new Set(poll.eligibleMemberIds ?? []);
    const missing = snapshot.members.filter((m) => eligible.has(m.id) && !voted.has(m.id));
    return (
      <div class="poll-panel poll-panel-open">
        {pollSubject}
        {poll.mode === 'secret' && <p class="poll-mode">{t('chair.secretNote')}</p>}
        <div class="poll-live">
          <p class="badge badge-warn poll-running">
            <span class="live-dot" aria-hidden="true" />
            {t('chair.status.open')}
          </p>
          <p class="poll-progress num" role="status" aria-live="polite">
            {t('chair.progress', { cast: poll.castCount, eligible: poll.eligibleCount })}
          </p>
          <progress class="poll-bar" max={poll.eligibleCount} value={poll.castCount} aria-hidden="true" />
        </div>
        {/* The question counts what the chair reads in large type above it. */}
        <CloseVote missing={Math.max(0, poll.eligibleCount - poll.castCount)} onClose={() => void run(() => conn.send('poll:close', { pollId: poll.id }))} />
        <PollTerms poll={poll} />
        {poll.quorumOverridden && <p class="quorum-override">{t('chair.quorumOverridden')}</p>}
        <MissingMembers missing={missing} />
        <MinuteRecords snapshot={snapshot} poll={poll} conn={conn} run={run} />
      </div>
    );
  }

  return (
    <div class="poll-panel">
      {pollSubject}
      <ResultSummary poll={poll} />
      <PollTerms poll={poll} />
      {poll.countedByHand && <p class="poll-mode">{t('chair.handCounted')}</p>}
      {poll.status === 'closed' ? (
        <button type="button" class="btn btn-primary btn-large btn-next" onClick={() => void run(() => conn.send('poll:publish', { pollId: poll.id }))}>
          <Icon name="megaphone" />
          {t(item.public ? 'chair.publish' : 'chair.publishNonPublic')}
        </button>
      ) : (
        <>
          <p class="notice notice-ok published-note">
            <Icon name="check" />
            <span>{t(item.public ? 'chair.published' : 'chair.publishedNonPublic')}</span>
          </p>
          {/* After an amendment the item goes on: the next amendment or the main motion. */}
          {subject ? startSection(subject) : <NextItem next={nextItem} onSelect={(id) => void run(() => conn.send('item:select', { itemId: id }))} />}
        </>
      )}
      <MinuteRecords snapshot={snapshot} poll={poll} conn={conn} run={run} />
      <RoundActions poll={poll} onInvalidate={(repeat) => run(() => conn.send('poll:invalidate', { pollId: poll.id, repeat })).then(() => undefined)} />
    </div>
  );
}
