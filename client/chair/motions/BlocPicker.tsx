import type { AgendaItem } from '../../../shared/meeting/model.ts';
import { amendmentsOf } from '../../../shared/motions/sequence.ts';
import type { MeetingSnapshot } from '../../../shared/protocol/snapshot.ts';
import { t } from '../../i18n/i18n.ts';
import './messages.ts';
import './amendments.css';

interface Props {
  snapshot: MeetingSnapshot;
  item: AgendaItem;
  /** Further items ticked for the Sammelabstimmung (the current item is always in it). */
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/**
 * Items that may be voted on together with the current one: undecided, without amendments and
 * without a Mitwirkungsverbot, public like it (the server checks the same). Taking an item out
 * on an objection is unticking it.
 */
export function blocCandidates(snapshot: MeetingSnapshot, item: AgendaItem): AgendaItem[] {
  return snapshot.agenda.filter(
    (i) =>
      i.id !== item.id &&
      i.public === item.public &&
      !amendmentsOf(snapshot, i.id).length &&
      !snapshot.exclusions?.[i.id]?.length &&
      !snapshot.polls.some((p) => (p.itemId === i.id || p.blocItemIds?.includes(i.id)) && !p.motionId && p.status !== 'invalid'),
  );
}

export function BlocPicker({ snapshot, item, selected, onChange }: Props) {
  const candidates = blocCandidates(snapshot, item);
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <details class="bloc-picker" open={selected.length > 0}>
      <summary>{t('bloc.heading')}</summary>
      <p class="muted">{t('bloc.hint')}</p>
      {candidates.length ? (
        <ul class="bloc-items">
          {candidates.map((i) => (
            <li key={i.id}>
              <label>
                <input type="checkbox" checked={selected.includes(i.id)} onChange={(e) => toggle(i.id, e.currentTarget.checked)} />
                <span>
                  <span class="item-number">{t('item.number', { number: i.number })}</span> {i.name}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('bloc.none')}</p>
      )}
    </details>
  );
}
