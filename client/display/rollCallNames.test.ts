import { describe, expect, it } from 'vitest';
import { rollCallNames } from './rollCallNames.ts';

const labels = (names: string[]) => rollCallNames(names.map((name, i) => ({ id: `m${i}`, name }))).map((n) => n.label);

describe('roll-call names on the display', () => {
  it('keeps the surname whole, drops salutation and given names, sorts by surname', () => {
    expect(labels(['Herr Marotz', 'Frau Dr. Franziska Müller-Lüdenscheid', 'Herr Hans Albers', 'Frau Ännchen Ahrens'])).toEqual([
      'Ahrens',
      'Albers',
      'Marotz',
      'Dr. Müller-Lüdenscheid',
    ]);
  });

  it('sorts "von" and umlauts as a German list does and keeps the particle in the label', () => {
    expect(labels(['Frau Ursula von der Leyen', 'Herr Lüddecke', 'Herr Ludwig', 'Frau Kirchmann'])).toEqual(['Kirchmann', 'von der Leyen', 'Lüddecke', 'Ludwig']);
  });

  it('tells members with the same surname apart by their initials', () => {
    expect(labels(['Herr Hans Meyer', 'Frau Karla Meyer', 'Herr Meyer-Koch'])).toEqual(['Meyer, H.', 'Meyer, K.', 'Meyer-Koch']);
  });

  it('reads rosters written surname first', () => {
    expect(labels(['Schulze, Dr. Anna', 'Abel, Tom'])).toEqual(['Abel', 'Dr. Schulze']);
  });
});
