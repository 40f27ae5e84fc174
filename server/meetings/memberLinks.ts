import { fail, ok, type Result } from '../../shared/protocol/result.ts';
import type { TokenStorage } from '../storage/storage.ts';
import { links } from './createMeeting.ts';
import type { MeetingService } from './meetingService.ts';
import { groupCode, newPairingCode } from './pairingCards.ts';

export interface ReissuedLink {
  memberId: string;
  joinUrl: string;
  /** The same token grouped for typing (`ABCD-EFGH-JKMN-PQRS`), for a tablet without a camera. */
  code: string;
}

/**
 * A lost or swapped tablet: the member's old links stop working at once and a new one is
 * returned. Ballots already cast stay; they belong to the member, not to the device.
 */
export async function reissueMemberLink(
  service: MeetingService,
  tokens: TokenStorage,
  meetingId: string,
  memberId: string,
  baseUrl: string,
): Promise<Result<ReissuedLink>> {
  const state = await service.open(meetingId);
  if (!state) return fail('not_found', 'Unknown meeting');
  if (!state.meeting.members.some((m) => m.id === memberId)) return fail('not_found', 'Unknown member');
  const token = newPairingCode();
  await tokens.reissueMember(meetingId, memberId, token, new Date().toISOString());
  return ok({ memberId, joinUrl: links.member(baseUrl, token), code: groupCode(token) });
}
