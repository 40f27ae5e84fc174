import { describe, expect, it } from 'vitest';
import { dativeName, recordedVoteNote } from './recordedVotes.ts';

describe('§ 68 recorded vote wording', () => {
  it('writes the clerk\'s sentence with the dative after "von"', () => {
    expect(recordedVoteNote('Herr Marotz', 'no')).toBe('Auf Verlangen von Herrn Marotz wird vermerkt: Herr Marotz hat mit Nein gestimmt.');
    expect(recordedVoteNote('Frau Wilke', 'yes')).toBe('Auf Verlangen von Frau Wilke wird vermerkt: Frau Wilke hat mit Ja gestimmt.');
    expect(recordedVoteNote('Klaus Marotz', 'abstain')).toBe('Auf Verlangen von Klaus Marotz wird vermerkt: Klaus Marotz hat sich der Stimme enthalten.');
  });

  it('has an English form', () => {
    expect(recordedVoteNote('Herr Marotz', 'no', 'en')).toBe('Recorded at the request of Herr Marotz: Herr Marotz voted no.');
    expect(recordedVoteNote('Frau Wilke', 'abstain', 'en')).toBe('Recorded at the request of Frau Wilke: Frau Wilke abstained.');
  });

  it('declines only the salutation "Herr", not names that start with it', () => {
    expect(dativeName('Herr Dr. Fricke')).toBe('Herrn Dr. Fricke');
    expect(dativeName('Herrmann Kühn')).toBe('Herrmann Kühn');
  });
});
