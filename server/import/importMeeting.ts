import * as v from 'valibot';
import { openPoll } from '../../shared/meeting/state.ts';
import { describeIssues, MeetingSpec, type MeetingSpecData } from '../../shared/protocol/meetingSpec.ts';
import { fail, ok, type Result } from '../../shared/protocol/result.ts';
import { createMeeting, type CreatedMeeting } from '../meetings/createMeeting.ts';
import { issueLinks } from '../meetings/issueLinks.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { planSetup } from '../meetings/setupPlan.ts';
import type { SetupStorage, TokenStorage } from '../storage/storage.ts';
import { parseAgendaCsv, parseMembersCsv } from './csv.ts';
import { mapOParlBundle } from './oparl.ts';

export interface ImportDeps {
  service: MeetingService;
  tokens: TokenStorage;
  setup: SetupStorage;
}

/** The answer of POST /api/meetings, plus whether an earlier import was updated and what to check. */
export interface ImportAnswer extends CreatedMeeting {
  updated: boolean;
  warnings: string[];
}

export interface ImportSource {
  id: string;
  itemSourceIds: (string | null)[];
}

/**
 * Creates the meeting, or — when a meeting from the same source exists — replaces its setup
 * without touching recorded votes. Refused while a vote is open: members and agenda must not
 * move under a running vote.
 */
export async function importSpec(deps: ImportDeps, spec: MeetingSpecData, source: ImportSource | null, baseUrl: string, warnings: string[] = []): Promise<Result<ImportAnswer>> {
  const existingId = source ? await deps.setup.findBySource(source.id) : undefined;
  if (!existingId) {
    const created = await createMeeting(deps.service, spec, baseUrl, source ? { sourceId: source.id, itemSourceIds: source.itemSourceIds } : undefined);
    return ok({ ...created, updated: false, warnings });
  }

  const state = (await deps.service.open(existingId))!;
  if (openPoll(state)) return fail('conflict', 'A vote is open in this meeting; import again after it is closed');
  const bySource = await deps.setup.itemSources(existingId);
  const plan = planSetup(state, {
    ...spec,
    statutoryMembers: spec.statutoryMembers ?? spec.members.filter((m) => m.votingRight).length,
    agenda: spec.agenda.map((item, i) => {
      const sourceId = source?.itemSourceIds[i] ?? null;
      return { ...item, paper: item.paper || null, sourceId, id: sourceId ? bySource.get(sourceId) : undefined };
    }),
  });
  const info = {
    body: spec.body,
    organization: spec.organization,
    name: spec.name,
    start: spec.start,
    location: spec.location,
    rules: spec.rules,
    minuteFormat: spec.minuteFormat,
    language: spec.language,
    statutoryMembers: spec.statutoryMembers ?? spec.members.filter((m) => m.votingRight).length,
  };
  await deps.setup.replaceSetup(existingId, info, plan);
  await deps.service.reload(existingId);
  const links = await issueLinks(deps.tokens, existingId, plan.members, baseUrl, new Date().toISOString());
  return ok({ ...links, updated: true, warnings: [...warnings, ...plan.warnings] });
}

/** POST /api/import/oparl: bundle → spec → meeting. Errors name the OParl field. */
export async function importOParl(deps: ImportDeps, bundle: unknown, baseUrl: string): Promise<Result<ImportAnswer>> {
  const mapped = mapOParlBundle(bundle);
  if (!mapped.ok) return mapped;
  const { spec, sourceId, itemSourceIds, origins, warnings } = mapped.data;
  const parsed = v.safeParse(MeetingSpec, spec);
  if (!parsed.success) {
    // Name the OParl object, not our spec: `members[3].name` is `persons[5].name` to the clerk.
    const message = describeIssues(parsed.issues).replace(/^(members|agenda)\[(\d+)\]/, (whole, list: string, i: string) => {
      const origin = (list === 'members' ? origins.members : origins.agenda)[Number(i)];
      return origin ?? whole;
    });
    return fail('invalid_payload', message);
  }
  return importSpec(deps, parsed.output, { id: sourceId, itemSourceIds }, baseUrl, warnings);
}

/**
 * POST /api/import/csv: the meeting fields of POST /api/meetings, with `members` and `agenda`
 * as CSV text. Creates a new meeting each time (a CSV carries no ids to recognise it by).
 */
export async function importCsv(deps: ImportDeps, body: unknown, baseUrl: string): Promise<Result<ImportAnswer>> {
  if (typeof body !== 'object' || body === null) return fail('invalid_payload', 'body: must be an object');
  const b = body as Record<string, unknown>;
  if (typeof b.members !== 'string') return fail('invalid_payload', 'members: must be the CSV text of the members');
  if (typeof b.agenda !== 'string') return fail('invalid_payload', 'agenda: must be the CSV text of the agenda');
  const members = parseMembersCsv(b.members);
  if (!members.ok) return members;
  const agenda = parseAgendaCsv(b.agenda);
  if (!agenda.ok) return agenda;
  const parsed = v.safeParse(MeetingSpec, { ...b, members: members.data, agenda: agenda.data });
  if (!parsed.success) return fail('invalid_payload', describeIssues(parsed.issues));
  return importSpec(deps, parsed.output, null, baseUrl);
}
