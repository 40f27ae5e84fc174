import { useEffect, useState } from 'preact/hooks';
import { RoundSubject } from '../motions/RoundSubject.tsx';
import type { ItemResult, MeetingResults, RoundResult } from '../../shared/export/results.ts';
import { DECISION_KIND_LABELS } from '../../shared/minutes/decisionKinds.ts';
import { roundTitle } from '../../shared/elections/wording.ts';
import { resultNotes } from '../../shared/minutes/block.ts';
import { bavarianLine, sessionNetLine } from '../../shared/minutes/formats/formats.ts';
import { groupWiseWording } from '../../shared/minutes/groupWise.ts';
import { recordedVoteNote } from '../../shared/minutes/recordedVotes.ts';
import { voteNotes } from '../../shared/minutes/recordNotes.ts';
import type { MinuteFormat } from '../../shared/meeting/model.ts';
import { minuteNumber, resultWording } from '../../shared/minutes/wording.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { verdict } from '../../shared/rules/verdict.ts';
import { followMeetingLanguage, lang, t } from '../i18n/i18n.ts';
import { requestJson } from '../sync/http.ts';
import { formatDate, formatTime } from '../ui/format.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import '../ui/table.css';

/** The whole meeting's results for print (A4, PDF): the body's header, then one block per TOP. */
export function ResultsPage({ meetingId, token }: { meetingId: string; token: string | null }) {
  const [results, setResults] = useState<MeetingResults | null>(null);
  const [error, setError] = useState<string | null>(token ? null : t('results.noToken'));
  useEffect(() => {
    if (!token) return;
    void requestJson<MeetingResults>('GET', `/api/meetings/${encodeURIComponent(meetingId)}/results.json`, token).then((r) =>
      r.ok ? (followMeetingLanguage(r.data.meeting.language), setResults(r.data)) : setError(r.error.message),
    );
  }, [meetingId, token]);

  if (error) return <p class="notice" role="alert">{t('results.error', { message: error })}</p>;
  if (!results) return <p class="notice">{t('conn.connecting')}</p>;
  const m = results.meeting;
  return (
    <div class="results">
      <div class="results-toolbar no-print">
        <button type="button" class="btn btn-primary" onClick={() => window.print()}>
          {t('results.print')}
        </button>
        <LanguageSwitch />
      </div>
      <header class="results-header">
        <p class="results-body">{m.body}</p>
        <p class="results-org">{m.organization}</p>
        <h1>{m.name}</h1>
        <p>
          {formatDate(m.start)}, {formatTime(m.start)} · {m.location}
        </p>
        <p class="muted">
          {t('results.title')} · {t('results.generated', { at: `${formatDate(results.generatedAt)} ${formatTime(results.generatedAt)}` })}
        </p>
      </header>
      {results.items.map((item) => (
        <Item key={item.id} item={item} format={m.minuteFormat ?? 'allris'} />
      ))}
    </div>
  );
}

function Item({ item, format }: { item: ItemResult; format: MinuteFormat }) {
  return (
    <section class="results-item">
      <h2>
        {t('item.number', { number: item.number })} – {item.name}
        {!item.public && <span class="results-tag"> ({t('results.nonPublic')})</span>}
      </h2>
      {item.paper && <p class="muted">{t('item.paper', { paper: item.paper })}</p>}
      {item.rounds.length === 0 ? <p class="muted">{t('results.noVote')}</p> : item.rounds.map((r) => <Round key={r.pollId} round={r} format={format} />)}
    </section>
  );
}

function Round({ round, format }: { round: RoundResult; format: MinuteFormat }) {
  const l = lang.value;
  const rows: [string, string][] = [];
  // The same notes as the minutes, from the same wording functions: print and minutes cannot drift.
  let notes: string[] = [];
  if (round.status === 'invalid') rows.push([t('results.result'), t('results.invalid')]);
  else if (round.election) notes = round.election.wording[l];
  else if (round.counts && round.outcome) {
    const v = verdict(round.counts, { majority: round.majority, statutoryMembers: round.statutoryMembers });
    notes = [
      ...resultNotes(round, v, l),
      ...voteNotes({ ...round, named: round.namedVotes ?? [], notVoted: round.notVoted ?? [] }, l),
      ...(round.recordedVotes ?? []).map((r) => recordedVoteNote(r.name, r.choice, l)),
    ];
    rows.push([t('results.decisionKind'), round.decisionKind ? DECISION_KIND_LABELS[l][round.decisionKind] : '']);
    const wording = round.groupBallots ? groupWiseWording(round.groupBallots, round.outcome, l) : resultWording(round.outcome, round.counts.abstain, l);
    rows.push([t('results.result'), wording]);
    // The counts as the meeting's RIS writes them (minute format chosen per meeting).
    if (format === 'allris') {
      rows.push([t('results.yes'), minuteNumber(round.counts.yes)]);
      rows.push([t('results.no'), minuteNumber(round.counts.no)]);
      if (ruleSet(round.rules).allowsAbstention) rows.push([t('results.abstain'), minuteNumber(round.counts.abstain)]);
    } else {
      const d = { ...round, counts: round.counts, present: round.eligible };
      rows.push([t('results.counts'), format === 'sessionNet' ? sessionNetLine(d, l) : bavarianLine(d, l)]);
    }
  }
  const times = `${formatTime(round.openedAt)}–${round.closedAt ? formatTime(round.closedAt) : ''}`;
  return (
    <div class="results-round">
      <RoundSubject round={round} />
      <p class="results-round-head">
        {round.election ? roundTitle(round.rules, round.election.stage, l) : t('results.round', { round: round.round })} · {t(`results.mode.${round.mode}`)}
        {!round.election && ` · ${t(`results.majority.${round.majority}`)}`} · {times}
        {round.status === 'closed' && <span> · {t('results.notPublished')}</span>}
      </p>
      <dl class="results-table">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {notes.length > 0 && <pre class="results-notes">{notes.join('\n')}</pre>}
    </div>
  );
}
