/**
 * The admin's `datetime-local` field speaks the meeting's wall-clock time (Europe/Berlin, as the
 * console, the display and the minutes do), not the time zone of whichever browser edits it.
 */
const ZONE = 'Europe/Berlin';

const parts = (d: Date) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
};

/** An instant as the meeting's local `YYYY-MM-DDTHH:MM`. */
export function toMeetingInput(iso: string): string {
  return iso ? parts(new Date(iso)) : '';
}

/** The meeting's local `YYYY-MM-DDTHH:MM` as an instant (ISO); '' for an empty field. */
export function fromMeetingInput(local: string): string {
  if (!local) return '';
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return '';
  // The zone's offset at that moment (it differs in summer); a second pass settles a DST edge.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) guess = asUtc - (Date.parse(`${parts(new Date(guess))}:00Z`) - guess);
  return new Date(guess).toISOString();
}
