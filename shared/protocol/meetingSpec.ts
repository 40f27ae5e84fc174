import * as v from 'valibot';
import { MEETING_LANGUAGES, MINUTE_FORMATS } from '../meeting/meetingOptions.ts';
import { ROLES } from '../meeting/model.ts';
import { DEFAULT_RULE_SET, RULE_SET_IDS } from '../rules/ruleSets.ts';

/** The JSON body of `POST /api/meetings` (documented in the README). */

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max));

const isoDateTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO 8601 date-time with offset'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'is not a valid date'),
);

/**
 * A member id: short (`p1`) or the OParl person id, an absolute URL, so a result can be taken
 * back into the RIS by the id it already knows. Ids travel only inside JSON and room names,
 * never in a path, so URL characters are harmless; 300 covers real RIS URLs with room to spare.
 */
export const MEMBER_ID_PATTERN = /^(?:[A-Za-z0-9._:-]{1,64}|https?:\/\/[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{1,292})$/;
export const MemberId = v.pipe(v.string(), v.regex(MEMBER_ID_PATTERN, 'must be 1–64 letters, digits or . _ : -, or an http(s) URL of at most 300 characters'));

const MemberSpec = v.pipe(
  v.object({
    id: MemberId,
    name: text(200),
    role: v.optional(v.picklist(ROLES), 'member'),
    votingRight: v.boolean(),
    /** Fraktion or Gruppe as the minutes name it ("CDU-Fraktion"); empty = none. */
    group: v.optional(
      v.pipe(
        v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(100))),
        v.transform((g) => g || null),
      ),
      null,
    ),
  }),
  // Advisory members (beratende Mitglieder) sit and speak but never vote: a spec that says
  // otherwise is a mistake in the source data, not something to count.
  v.check((m) => !(m.role === 'advisory' && m.votingRight), 'an advisory member (beratend) cannot have a voting right'),
);

const AgendaItemSpec = v.object({
  number: text(20),
  name: text(500),
  public: v.optional(v.boolean(), true),
  paper: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(50))), null),
});

/**
 * The request body limit for a meeting spec, derived from the maxima above: 20,000 members with
 * 300-character ids and 200-character names (up to 2 bytes each in UTF-8) are about 15 MB.
 */
export const MEETING_SPEC_MAX_BYTES = 16 * 1024 * 1024;

export const MeetingSpec = v.pipe(
  v.object({
    body: text(200),
    organization: text(200),
    name: text(300),
    start: isoDateTime,
    location: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300)), ''),
    rules: v.optional(v.picklist(RULE_SET_IDS), DEFAULT_RULE_SET),
    /** Gesetzliche Mitgliederzahl; defaults to the number of voting members. */
    statutoryMembers: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000))),
    /** How the minutes write a result (shared/minutes/formats/formats.ts). */
    minuteFormat: v.optional(v.picklist(MINUTE_FORMATS), 'allris'),
    /** The language every device of the meeting starts in. */
    language: v.optional(v.picklist(MEETING_LANGUAGES), 'de'),
    members: v.pipe(v.array(MemberSpec), v.minLength(1, 'needs at least one member'), v.maxLength(20_000)),
    agenda: v.pipe(v.array(AgendaItemSpec), v.minLength(1, 'needs at least one item'), v.maxLength(1_000)),
  }),
  v.check((m) => new Set(m.members.map((x) => x.id)).size === m.members.length, 'members: ids must be unique'),
);

export type MeetingSpecInput = v.InferInput<typeof MeetingSpec>;
export type MeetingSpecData = v.InferOutput<typeof MeetingSpec>;

/** One line naming the field and what is wrong with it, e.g. `members[2].votingRight: …`. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = (first.path ?? [])
    .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
    .join('')
    .replace(/^\./, '');
  return path ? `${path}: ${first.message}` : first.message;
}
