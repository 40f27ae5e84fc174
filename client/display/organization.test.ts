import { describe, expect, it } from 'vitest';
import { namesOrganization } from './organization.ts';

describe('the display names the body once', () => {
  it('sees the body in the meeting name, genitive endings included', () => {
    expect(namesOrganization('2. Sitzung des Ausschusses für Gesundheit, Arbeit und Soziales', 'Ausschuss für Gesundheit, Arbeit und Soziales')).toBe(true);
    expect(namesOrganization('5. Sitzung des Kreistages', 'Kreistag')).toBe(true);
  });
  it('keeps the body when the name does not say it', () => {
    expect(namesOrganization('Sitzung 12/2026', 'Kreistag')).toBe(false);
    expect(namesOrganization('3. Sitzung des Ausschusses für Finanzen', 'Ausschuss für Gesundheit, Arbeit und Soziales')).toBe(false);
  });
});
