import type { IncomingMessage, ServerResponse } from 'node:http';
import { importCsv, importOParl, type ImportDeps } from '../import/importMeeting.ts';
import type { Logger } from '../logger.ts';
import { baseUrlOf, statusOf, type Auth } from './auth.ts';
import { HttpError, readJson, sendJson } from './respond.ts';

export interface SetupRouteDeps extends ImportDeps {
  auth: Auth;
  log: Logger;
  publicUrl: string | undefined;
}

/** A whole RIS bundle with 1000 persons is a few MB; a meeting spec stays far below. */
const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

/** Import routes (admin token). Returns false when the path is not one of them. */
export function createSetupRoutes(deps: SetupRouteDeps) {
  return async function setupRoutes(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (pathname === '/api/import/oparl') {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
      deps.auth.requireAdmin(req);
      const result = await importOParl(deps, await readJson(req, IMPORT_MAX_BYTES), baseUrlOf(req, deps.publicUrl));
      if (!result.ok) throw new HttpError(statusOf(result.error.code), result.error.message);
      deps.log.info(result.data.updated ? 'meeting re-imported' : 'meeting imported', { meetingId: result.data.id, members: result.data.members.length });
      sendJson(res, result.data.updated ? 200 : 201, result.data);
      return true;
    }
    if (pathname === '/api/import/csv') {
      if (req.method !== 'POST') throw new HttpError(405, 'Use POST');
      deps.auth.requireAdmin(req);
      const result = await importCsv(deps, await readJson(req, IMPORT_MAX_BYTES), baseUrlOf(req, deps.publicUrl));
      if (!result.ok) throw new HttpError(statusOf(result.error.code), result.error.message);
      deps.log.info('meeting imported from CSV', { meetingId: result.data.id, members: result.data.members.length });
      sendJson(res, 201, result.data);
      return true;
    }
    return false;
  };
}
