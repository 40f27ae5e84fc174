import { useState } from 'preact/hooks';
import { currentItem, latestPollOf } from '../../shared/protocol/selectors.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx';
import { formatDate, formatTime } from '../ui/format.ts';
import { BrandMark, Icon } from '../ui/Icon.tsx';
import { ItemTitle } from '../ui/ItemTitle.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { PageMessage } from '../ui/PageMessage.tsx';
import { ThemeSwitch } from '../ui/ThemeSwitch.tsx';
import { AgendaList } from './AgendaList.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { DecisionKindSelect } from './DecisionKindSelect.tsx';
import { ElectionPanel } from './election/ElectionPanel.tsx';
import { ElectionSetup } from './election/ElectionSetup.tsx';
import { PollPanel } from './PollPanel.tsx';
import { refusalText } from './refusal.ts';
import { ReissueLink } from './ReissueLink.tsx';
import { RoundHistory } from './RoundHistory.tsx';
import { RuleSetInfo } from './RuleSetInfo.tsx';
import { AmendmentList } from './motions/AmendmentList.tsx';
import type { RunCommand } from './runCommand.ts';

export function ChairApp({ conn }: { conn: MeetingConnection }) {
  const [error, setError] = useState<string | null>(null);
  const snapshot = conn.snapshot.value;
  const status = conn.status.value;
  if (status === 'unauthorized') {
    return (
      <PageMessage icon="alert" tone="danger">
        <p>{t('conn.unauthorized')}</p>
      </PageMessage>
    );
  }
  if (!snapshot) {
    return (
      <PageMessage icon="clock">
        <p>{t('conn.connecting')}</p>
      </PageMessage>
    );
  }

  /** Runs a chair command; a refusal is shown, never swallowed. */
  const run: RunCommand = async (action) => {
    const result = await action();
    setError(result.ok ? null : refusalText(result.error, conn.snapshot.value));
    return result.ok;
  };
  const item = currentItem(snapshot);
  // The rounds of what the item votes on now (an amendment or the main motion, en bloc too).
  const covering = item ? snapshot.polls.filter((p) => p.itemId === item.id || p.blocItemIds?.includes(item.id)) : [];
  const latest = covering.at(-1);
  const rounds = covering.filter((p) => (p.motionId ?? null) === (latest?.motionId ?? null));
  const mainRounds = covering.filter((p) => !p.motionId);

  return (
    <div class="chair">
      <header class="chair-header">
        <div class="chair-heading">
          <p class="chair-kicker">
            <span class="brand">
              <BrandMark />
              {t('app.name')}
            </span>
            <span class="muted">
              {snapshot.meeting.body} · {t('chair.title')}
            </span>
          </p>
          <h1 class="chair-meeting">{snapshot.meeting.name}</h1>
          <p class="muted chair-when">
            {formatDate(snapshot.meeting.start)}, {formatTime(snapshot.meeting.start)}
            {snapshot.meeting.location && ` · ${snapshot.meeting.location}`}
          </p>
          <RuleSetInfo rules={snapshot.meeting.rules} />
        </div>
        <div class="toolbar chair-tools">
          <ConnectionBadge status={status} />
          <ThemeSwitch />
          <a class="btn" href={`/results/?meeting=${encodeURIComponent(snapshot.meeting.id)}`} target="_blank" rel="noopener">
            {t('chair.results')}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <div class="chair-body">
        <div class="chair-side">
          <AgendaList
            snapshot={snapshot}
            onSelect={(itemId) => void run(() => conn.send('item:select', { itemId }))}
          />
          <AttendancePanel snapshot={snapshot} conn={conn} run={run} />
        </div>
        <main class="chair-current card" aria-labelledby="current-heading">
          <h2 id="current-heading" class="section-label">
            {t('chair.current')}
          </h2>
          {error && (
            <p class="notice notice-danger chair-error" role="alert">
              <Icon name="alert" />
              <span>{error}</span>
            </p>
          )}
          {item && snapshot.elections?.[item.id] ? (
            <>
              <ItemTitle item={item} />
              <ElectionPanel key={item.id} snapshot={snapshot} item={item} election={snapshot.elections[item.id]!} conn={conn} run={run} />
            </>
          ) : item ? (
            <>
              <ItemTitle item={item} />
              <AmendmentList snapshot={snapshot} item={item} locked={mainRounds.some((p) => p.status !== 'invalid')} conn={conn} run={run} />
              <PollPanel
                key={item.id}
                snapshot={snapshot}
                poll={latestPollOf(snapshot, item.id)}
                item={item}
                next={snapshot.agenda[snapshot.agenda.indexOf(item) + 1]}
                conn={conn}
                run={run}
              />
              {rounds.length === 0 && <ElectionSetup itemId={item.id} conn={conn} run={run} />}
              <RoundHistory polls={rounds} />
              <DecisionKindSelect
                itemId={item.id}
                poll={mainRounds.findLast((p) => p.status !== 'invalid')}
                kind={snapshot.decisionKinds?.[item.id]}
                onChange={(kind) => void run(() => conn.send('item:decisionKind', { itemId: item.id, kind }))}
              />
            </>
          ) : (
            <p class="notice notice-info chair-select">
              <Icon name="info" />
              <span>{t('chair.selectItem')}</span>
            </p>
          )}
          <ReissueLink snapshot={snapshot} conn={conn} />
        </main>
      </div>
    </div>
  );
}
