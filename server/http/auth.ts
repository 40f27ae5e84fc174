import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TokenStorage } from '../storage/storage.ts';
import { bearerToken, HttpError } from './respond.ts';

export type Access = 'admin' | 'chair';

/** Bearer-token checks shared by the setup and export routes. */
export function createAuth(adminToken: string, tokens: TokenStorage) {
  const admin = Buffer.from(adminToken);
  const isAdmin = (token: string | undefined) =>
    token !== undefined && Buffer.byteLength(token) === admin.length && timingSafeEqual(Buffer.from(token), admin);
  return {
    requireAdmin(req: IncomingMessage): void {
      if (!isAdmin(bearerToken(req))) throw new HttpError(401, 'Admin token required');
    },
    /** The admin, or the chair of this meeting. */
    async requireChairOrAdmin(req: IncomingMessage, meetingId: string): Promise<Access> {
      const token = bearerToken(req);
      if (isAdmin(token)) return 'admin';
      const p = await tokens.resolve(token);
      if (p?.role === 'chair' && p.meetingId === meetingId) return 'chair';
      throw new HttpError(401, 'Chair or admin token required');
    },
    /** The admin, the chair or a member of this meeting (not the room display). */
    async requireParticipant(req: IncomingMessage, meetingId: string): Promise<void> {
      const token = bearerToken(req);
      if (isAdmin(token)) return;
      const p = await tokens.resolve(token);
      if ((p?.role === 'chair' || p?.role === 'member') && p.meetingId === meetingId) return;
      throw new HttpError(401, 'Member, chair or admin token required');
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;

/** Base for absolute links; derived from the request when not configured. */
export function baseUrlOf(req: IncomingMessage, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  const tls = (req.socket as { encrypted?: boolean }).encrypted;
  return `${tls ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

/** Errors are values in the core; at the HTTP boundary they become status codes. */
export function statusOf(code: string): number {
  switch (code) {
    case 'invalid_payload':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'poll_already_open':
      return 409;
    default:
      return 500;
  }
}
