import type { IncomingMessage, ServerResponse } from 'node:http';
import { meetingResults } from '../../shared/export/results.ts';
import { resultsCsv } from '../../shared/export/resultsCsv.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { minutesText } from '../meetings/minutes.ts';
import type { Auth } from './auth.ts';
import { exportQuery } from './exportQuery.ts';
import { HttpError, sendJson, sendText } from './respond.ts';

const ROUTE = /^\/api\/meetings\/([A-Za-z0-9_-]{1,64})\/(minutes\.txt|results\.json|results\.csv)$/;

/**
 * minutes.txt, results.json and results.csv (chair or admin token). `?scope=public` leaves out
 * non-public items; `?lang=en` words the minutes in English.
 */
export function createExportRoutes(deps: { service: MeetingService; auth: Auth }) {
  return async function exportRoutes(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    const match = ROUTE.exec(pathname);
    if (!match) return false;
    if (req.method !== 'GET') throw new HttpError(405, 'Use GET');
    const meetingId = match[1]!;
    await deps.auth.requireChairOrAdmin(req, meetingId);
    const state = await deps.service.open(meetingId);
    if (!state) throw new HttpError(404, 'Unknown meeting');
    const { scope, lang } = exportQuery(req);
    if (match[2] === 'minutes.txt') {
      sendText(res, 200, minutesText(state, lang, scope));
      return true;
    }
    const results = meetingResults(state, scope, new Date().toISOString());
    if (match[2] === 'results.json') {
      sendJson(res, 200, results);
      return true;
    }
    const date = state.meeting.start.slice(0, 10);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ergebnisse-${date}-${meetingId}.csv"`,
      'cache-control': 'no-store',
    });
    res.end(resultsCsv(results));
    return true;
  };
}
