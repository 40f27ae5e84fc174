import type { IncomingMessage, ServerResponse } from 'node:http';
import { ballotList } from '../../shared/receipts/ballotList.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import type { Auth } from './auth.ts';
import { HttpError, sendJson } from './respond.ts';

const ROUTE = /^\/api\/meetings\/([A-Za-z0-9_-]{1,64})\/polls\/([A-Za-z0-9_-]{1,64})\/ballots\.json$/;

/** The published ballot list of one poll (members, chair, admin); only once the result is published. */
export function createReceiptRoutes(deps: { service: MeetingService; auth: Auth }) {
  return async function receiptRoutes(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const match = ROUTE.exec(pathname);
    if (!match) return false;
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET');
    const [, meetingId, pollId] = match as unknown as [string, string, string];
    await deps.auth.requireParticipant(req, meetingId);
    const state = await deps.service.open(meetingId);
    if (!state) throw new HttpError(404, 'Unknown meeting');
    const list = ballotList(state, pollId);
    if (!list) throw new HttpError(404, 'No published vote with this id');
    sendJson(res, 200, list);
    return true;
  };
}
