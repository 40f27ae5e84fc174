import { describe, expect, it } from 'vitest';
import { decideInvalidate } from '../../shared/meeting/decideRounds.ts';
import { amend, state, vote } from '../../shared/motions/testMeeting.ts';
import { minutesText } from './minutes.ts';

/** The blocks after the meeting's header. */
const blocks = (text: string) => text.trimEnd().split('\n\n').slice(1);

describe('minutes of amendments', () => {
  it('lists each amendment’s result under the item, then the main motion in the amended form', () => {
    const s = state();
    vote(s, 'i5', 3, { motionId: amend(s, 'i5', 'der SPD-Fraktion', 'Die Frist wird auf den 30.06.2025 verlängert.') });
    vote(s, 'i5', 1, { motionId: amend(s, 'i5', 'der CDU-Fraktion', 'Satz 2 entfällt.\nSatz 3 wird Satz 2.') });
    vote(s, 'i5', 5);
    expect(blocks(minutesText(s))).toEqual([
      [
        'TOP Ö 5 – Radverkehr (Vorlage 2024/017)',
        'Änderungsantrag 1 der SPD-Fraktion:',
        'Die Frist wird auf den 30.06.2025 verlängert.',
        'Abstimmungsergebnis: Mehrheitlich',
        'Ja-Stimmen: 3',
        'Nein-Stimmen: 2',
        'Enthaltung/en: -',
        'Der Änderungsantrag ist angenommen.',
        'Änderungsantrag 2 der CDU-Fraktion:',
        'Satz 2 entfällt.',
        'Satz 3 wird Satz 2.',
        'Abstimmungsergebnis: Abgelehnt',
        'Ja-Stimmen: 1',
        'Nein-Stimmen: 4',
        'Enthaltung/en: -',
        'Der Änderungsantrag ist abgelehnt.',
        'Abstimmung über den Hauptantrag in der geänderten Fassung:',
        'Beschlussart: geändert beschlossen',
        'Abstimmungsergebnis: Einstimmig',
        'Ja-Stimmen: 5',
        'Nein-Stimmen: -',
        'Enthaltung/en: -',
      ].join('\n'),
    ]);
  });

  it('all amendments rejected: the main motion unchanged; the clerk’s Beschlussart still wins; English', () => {
    const s = state();
    vote(s, 'i5', 0, { motionId: amend(s, 'i5', 'der SPD-Fraktion', 'A') });
    vote(s, 'i5', 4);
    const de = blocks(minutesText(s))[0]!;
    expect(de).toContain('Der Änderungsantrag ist abgelehnt.\nAbstimmung über den Hauptantrag:\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Mehrheitlich');
    s.decisionKinds.set('i5', 'referred');
    expect(blocks(minutesText(s))[0]).toContain('Beschlussart: verwiesen');
    expect(blocks(minutesText(s, 'en'))[0]).toContain('Amendment 1 (der SPD-Fraktion):\nA\nResult: Rejected\nYes votes: -\nNo votes: 5\nAbstentions: -\nThe amendment was rejected.\nVote on the main motion:\nDecision: referred');
  });

  it('an amendment voted twice notes its repetition; a main motion not yet voted leaves the amendments minuted', () => {
    const s = state();
    const m = amend(s, 'i5', 'der SPD-Fraktion', 'A');
    const first = vote(s, 'i5', 1, { motionId: m });
    const r = decideInvalidate(s, first.id, false, 'x', '2022-03-22T17:45:00.000Z');
    if (!r.ok) throw new Error(r.error.message);
    s.polls = [{ ...r.data.invalidated, openedAt: '2022-03-22T16:42:00.000Z' }];
    vote(s, 'i5', 4, { motionId: m });
    expect(blocks(minutesText(s))).toEqual([
      [
        'TOP Ö 5 – Radverkehr (Vorlage 2024/017)',
        'Änderungsantrag 1 der SPD-Fraktion:',
        'A',
        'Abstimmungsergebnis: Mehrheitlich',
        'Ja-Stimmen: 4',
        'Nein-Stimmen: 1',
        'Enthaltung/en: -',
        'Der Änderungsantrag ist angenommen.',
        'Die 1. Abstimmung (17:42 Uhr) wurde für ungültig erklärt und wiederholt.',
      ].join('\n'),
    ]);
  });
});

describe('minutes of a Sammelabstimmung', () => {
  it('every item carries the bloc’s result block and says it was voted en bloc', () => {
    const s = state();
    vote(s, 'i3', 4, { blocItemIds: ['i3', 'i4', 'i7'] });
    const bloc = (number: string, name: string) =>
      [
        `TOP ${number} – ${name}`,
        'Beschlussart: ungeändert beschlossen',
        'Abstimmungsergebnis: Mehrheitlich',
        'Ja-Stimmen: 4',
        'Nein-Stimmen: 1',
        'Enthaltung/en: -',
        'Abstimmung in Sammelabstimmung (TOP Ö 3, Ö 4, Ö 7).',
      ].join('\n');
    expect(blocks(minutesText(s))).toEqual([bloc('Ö 3', 'Drei'), bloc('Ö 4', 'Vier'), bloc('Ö 7', 'Sieben')]);
    expect(blocks(minutesText(s, 'en'))[1]).toContain('Voted en bloc (items Ö 3, Ö 4, Ö 7).');
  });
});
