import { lang } from '../i18n/i18n.ts';

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(lang.value === 'en' ? 'en-GB' : 'de-DE', {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/** Building a formatter loads locale and time-zone data (tens of ms on a tablet); one per language. */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

export function formatTime(iso: string): string {
  const locale = lang.value === 'en' ? 'en-GB' : 'de-DE';
  let format = timeFormats.get(locale);
  if (!format) timeFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' })));
  return format.format(new Date(iso));
}
