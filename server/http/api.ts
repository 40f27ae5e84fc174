import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { describeIssues, MEETING_SPEC_MAX_BYTES, MeetingSpec } from '../../shared/protocol/meetingSpec.ts';
import type { Logger } from '../logger.ts';
import { createMeeting } from '../meetings/createMeeting.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { reissueMemberLink } from '../meetings/memberLinks.ts';
import type { TokenStorage } from '../storage/storage.ts';
import { baseUrlOf, type Auth } from './auth.ts';
import { decodePath } from './decodePath.ts';
import { HttpError, readJson, sendJson } from './respond.ts';

export interface ApiDeps {
  service: MeetingService;
  tokens: TokenStorage;
  auth: Auth;
  log: Logger;
  /** Base for absolute links; derived from the request when not configured. */
  publicUrl: string | undefined;
  /** Further route modules (import, export incl. minutes, admin); each returns false for paths not its own. */
  routes?: ((req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>)[];
  /** Disconnects the member's devices still using a revoked link. */
  onLinkReissued?: (meetingId: string, memberId: string) => void;
}

export function createApi(deps: ApiDeps) {
  const { service, tokens, auth, log } = deps;

  /** Returns false when no route owns the path (the static files may). */
  return async function api(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    // Route modules may own a path outside /api/ too (the load balancer's /healthz); every route here matches on its own /api/ path.
    const isApi = pathname.startsWith('/api/');
    try {
      if (pathname === '/api/meetings') {
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
        auth.requireAdmin(req);
        const parsed = v.safeParse(MeetingSpec, await readJson(req, MEETING_SPEC_MAX_BYTES));
        if (!parsed.success) throw new HttpError(400, describeIssues(parsed.issues));
        const created = await createMeeting(service, parsed.output, baseUrlOf(req, deps.publicUrl));
        log.info('meeting created', { meetingId: created.id, members: created.members.length });
        sendJson(res, 201, created);
        return true;
      }
      // Member ids may be OParl URLs: the id is percent-encoded in the path.
      const link = /^\/api\/meetings\/([A-Za-z0-9_-]{1,64})\/members\/([^/]{1,400})\/link$/.exec(pathname);
      if (link) {
        if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
        const [, meetingId, encodedMemberId] = link as unknown as [string, string, string];
        await auth.requireChairOrAdmin(req, meetingId);
        const memberId = decodePath(encodedMemberId);
        if (memberId === null) throw new HttpError(400, 'Member id has a malformed percent-escape');
        const result = await reissueMemberLink(service, tokens, meetingId, memberId, baseUrlOf(req, deps.publicUrl));
        if (!result.ok) throw new HttpError(404, result.error.message);
        deps.onLinkReissued?.(meetingId, memberId);
        log.info('member link re-issued', { meetingId, memberId });
        sendJson(res, 200, result.data);
        return true;
      }
      for (const route of deps.routes ?? []) if (await route(req, res, pathname)) return true;
      if (!isApi) return false;
      throw new HttpError(404, 'Not found');
    } catch (error) {
      if (error instanceof HttpError) sendJson(res, error.status, { error: error.message });
      else {
        log.error('request failed', { path: pathname, error: String(error) });
        sendJson(res, 500, { error: 'Internal error' });
      }
      return true;
    }
  };
}
