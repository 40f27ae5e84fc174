import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { openPoll } from '../../shared/meeting/state.ts';
import { describeIssues, MEETING_SPEC_MAX_BYTES, MeetingSpec } from '../../shared/protocol/meetingSpec.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { issueCards, reissueCard } from '../meetings/pairingCards.ts';
import { planSetup } from '../meetings/setupPlan.ts';
import type { SetupStorage, TokenStorage } from '../storage/storage.ts';
import { baseUrlOf, type Auth } from './auth.ts';
import { HttpError, readJson, sendJson } from './respond.ts';

export interface AdminRouteDeps {
  service: MeetingService;
  setup: SetupStorage;
  tokens: TokenStorage;
  auth: Auth;
  publicUrl: string | undefined;
  /** Disconnects the member's devices still using a revoked card. */
  onCardReissued: (meetingId: string, memberId: string) => void;
}

const MEETING = /^\/api\/admin\/meetings\/([A-Za-z0-9_-]{1,64})(\/archive|\/cards|\/card)?$/;
const ItemIds = v.object({ agenda: v.array(v.object({ id: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64)))) })) });
const Archive = v.object({ archived: v.boolean() });
const CardFor = v.object({ memberId: v.string() });

/** The admin view's API (admin token): list, read, edit, archive meetings; pairing cards. */
export function createAdminRoutes(deps: AdminRouteDeps) {
  const { service, setup, tokens, auth } = deps;
  return async function adminRoutes(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (pathname === '/api/admin/meetings') {
      if (req.method !== 'GET') throw new HttpError(405, 'Use GET');
      auth.requireAdmin(req);
      sendJson(res, 200, await setup.list());
      return true;
    }
    const match = MEETING.exec(pathname);
    if (!match) return false;
    auth.requireAdmin(req);
    const meetingId = match[1]!;
    const state = await service.open(meetingId);
    if (!state) throw new HttpError(404, 'Unknown meeting');
    const now = new Date().toISOString();
    const base = baseUrlOf(req, deps.publicUrl);

    switch (match[2]) {
      case undefined: {
        if (req.method === 'GET') {
          const summary = (await setup.list()).find((m) => m.id === meetingId);
          const { members, agenda, currentItemId: _current, ...info } = state.meeting;
          sendJson(res, 200, { ...info, statutoryMembers: state.statutoryMembers, members, agenda, archivedAt: summary?.archivedAt ?? null, sourceId: summary?.sourceId ?? null, votes: state.polls.length });
          return true;
        }
        if (req.method !== 'PUT') throw new HttpError(405, 'Use GET or PUT');
        const body = await readJson(req, MEETING_SPEC_MAX_BYTES);
        const parsed = v.safeParse(MeetingSpec, body);
        if (!parsed.success) throw new HttpError(400, describeIssues(parsed.issues));
        const ids = v.safeParse(ItemIds, body);
        if (openPoll(state)) throw new HttpError(409, 'A vote is open in this meeting');
        const spec = parsed.output;
        const statutoryMembers = spec.statutoryMembers ?? spec.members.filter((m) => m.votingRight).length;
        const plan = planSetup(state, {
          ...spec,
          statutoryMembers,
          agenda: spec.agenda.map((item, i) => ({ ...item, paper: item.paper || null, id: ids.success ? ids.output.agenda[i]?.id : null })),
        });
        const sources = await setup.itemSources(meetingId);
        const sourceOf = new Map([...sources].map(([source, id]) => [id, source]));
        const { members: _m, agenda: _a, ...info } = spec;
        await setup.replaceSetup(meetingId, { ...info, statutoryMembers }, { ...plan, agenda: plan.agenda.map((i) => ({ ...i, sourceId: sourceOf.get(i.id) ?? null })) });
        await service.reload(meetingId);
        sendJson(res, 200, { id: meetingId, warnings: plan.warnings });
        return true;
      }
      case '/archive': {
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
        const parsed = v.safeParse(Archive, await readJson(req));
        if (!parsed.success) throw new HttpError(400, describeIssues(parsed.issues));
        await setup.setArchived(meetingId, parsed.output.archived ? now : null);
        sendJson(res, 200, { id: meetingId, archived: parsed.output.archived });
        return true;
      }
      case '/cards': {
        // The pairing sheet: one fresh card per member; earlier links stay valid.
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
        sendJson(res, 200, await issueCards(tokens, meetingId, state.meeting.members, base, now));
        return true;
      }
      default: {
        // Re-issue one card: the member's earlier links and codes stop working.
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
        const parsed = v.safeParse(CardFor, await readJson(req));
        if (!parsed.success) throw new HttpError(400, describeIssues(parsed.issues));
        const member = state.meeting.members.find((m) => m.id === parsed.output.memberId);
        if (!member) throw new HttpError(404, 'Unknown member');
        const card = await reissueCard(tokens, meetingId, member, base, now);
        // A revoked token only stops the next handshake; the lost tablet's open socket must go now.
        deps.onCardReissued(meetingId, member.id);
        sendJson(res, 200, card);
        return true;
      }
    }
  };
}
