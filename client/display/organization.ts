/**
 * Whether a meeting's name already names its body ("2. Sitzung des Ausschusses für Gesundheit,
 * Arbeit und Soziales" names "Ausschuss für Gesundheit, Arbeit und Soziales"): then the display
 * says it once. Every longer word of the body must begin a word of the name, which allows for
 * German genitive endings (Kreistag → Kreistages).
 */
export function namesOrganization(meetingName: string, organization: string): boolean {
  const words = (s: string) => s.toLocaleLowerCase('de').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const inName = words(meetingName);
  const needed = words(organization).filter((w) => w.length > 3);
  return needed.length > 0 && needed.every((w) => inName.some((n) => n.startsWith(w)));
}
