import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Choice, Member } from '../../shared/meeting/model.ts';
import type { RollCallEntry } from '../../shared/protocol/snapshot.ts';
import { byGroup, groupOf, hasGroups } from '../../shared/meeting/groups.ts';
import { t } from '../i18n/i18n.ts';
import { rollCallNames } from './rollCallNames.ts';
import { fitRollCall } from './fitRollCall.ts';

const ICONS: Record<Choice, string> = { yes: '✓', no: '✗', abstain: '–' };
/** Up to this many the list shows names as written and choices in full words. */
const ROOMY = 16;
export const isRoomy = (entries: RollCallEntry[]) => entries.length <= ROOMY;

/** A long list shows only icons for members who have not voted: this line says what ○ means. */
export function RollCallLegend({ final }: { final: boolean }) {
  return (
    <p class="roll-legend" aria-hidden="true">
      <span class="roll-icon">○</span> {t(final ? 'display.notVoted' : 'display.pending')}
    </p>
  );
}

/**
 * Every member entitled to vote with their choice, sorted by surname and read down the columns.
 * Colour is never the only signal: each row carries an icon and the word (short in a long list).
 * The list is fitted to the space it has (fitRollCall.ts), so every name stays whole at
 * 1920×1080 and 1280×720 and nothing is cut off below.
 */
export function RollCallGrid({ entries, members, final }: { entries: RollCallEntry[]; members: Member[]; final: boolean }) {
  const roomy = isRoomy(entries);
  const rows = useMemo(() => {
    const byId = new Map(members.map((m) => [m.id, m]));
    const choice = new Map(entries.map((e) => [e.memberId, e.choice]));
    const sorted = rollCallNames(entries.map((e) => ({ id: e.memberId, name: byId.get(e.memberId)?.name ?? e.memberId }))).map((n) => ({
      ...n,
      name: roomy ? (byId.get(n.id)?.name ?? n.id) : n.label,
      choice: choice.get(n.id) ?? null,
      group: groupOf(byId.get(n.id)),
    }));
    if (!hasGroups(members)) return sorted;
    // With Fraktionen the list goes group by group (in the roster's order), surnames within.
    const rank = new Map<string | null, number>();
    for (const m of members) if (!rank.has(groupOf(m))) rank.set(groupOf(m), rank.size);
    return byGroup(sorted, (r) => r.group)
      .sort((a, b) => (a.group === null ? 1 : b.group === null ? -1 : rank.get(a.group)! - rank.get(b.group)!))
      .flatMap((g) => g.entries.map((r, i) => ({ ...r, heading: i === 0 ? (g.group ?? t('display.noGroup')) : null })));
  }, [entries, members, roomy]);
  const section = useRef<HTMLElement>(null);
  // Names decide the fit; in the roomy list the choice words do too ("Enthaltung" is long).
  const layoutKey = rows.map((r) => (roomy ? `${r.name}:${r.choice}` : r.name)).join('|');

  useLayoutEffect(() => {
    const el = section.current;
    if (!el) return;
    fitRollCall(el);
    const observer = new ResizeObserver(() => fitRollCall(el));
    observer.observe(el);
    return () => observer.disconnect();
  }, [layoutKey, final]);

  const word = (c: Choice | null) => {
    if (c) return t(roomy ? `choice.${c}` : `display.short.${c}`);
    if (roomy) return t(final ? 'display.notVoted' : 'display.pending');
    return '';
  };
  return (
    <section class="roll-call" ref={section} aria-label={t('display.rollCall')} data-roomy={roomy}>
      <ul class="roll-call-grid">
        {rows.map((r) => [
          'heading' in r && r.heading ? (
            <li key={`group-${r.id}`} class="roll-group" aria-hidden="true">
              <span class="roll-name">{r.heading}</span>
            </li>
          ) : null,
          <li key={r.id} class={`roll-cell roll-${r.choice ?? 'none'}`} data-group={r.group ?? undefined}>
            <span class="roll-icon" aria-hidden="true">
              {r.choice ? ICONS[r.choice] : '○'}
            </span>
            <span class="roll-name">{r.name}</span>
            <span class="roll-choice">{word(r.choice) || <span class="visually-hidden">{t(final ? 'display.notVoted' : 'display.pending')}</span>}</span>
          </li>,
        ])}
      </ul>
    </section>
  );
}
