/**
 * Per-meeting choices with their values. Apart from model.ts so that the tablet, which only
 * reads them, does not carry the lists (its bundle has a size budget).
 */

/** How the minutes write a result: the ALLRIS block, the SessionNet one-liner, the Bavarian line. */
export const MINUTE_FORMATS = ['allris', 'sessionNet', 'bavarian'] as const;
export type MinuteFormat = (typeof MINUTE_FORMATS)[number];

/** The language every device of the meeting starts in. */
export const MEETING_LANGUAGES = ['de', 'en'] as const;
export type MeetingLanguage = (typeof MEETING_LANGUAGES)[number];
