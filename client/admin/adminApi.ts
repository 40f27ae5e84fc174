import { signal } from '@preact/signals';
import type { AgendaItem, Member } from '../../shared/meeting/model.ts';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import type { MeetingSummary } from '../../shared/protocol/meetingSummary.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { adminToken, requestJson } from '../sync/http.ts';

/** The admin view's calls to /api/admin and /api/meetings; the token comes from this device. */


export interface MeetingDetail extends Omit<MeetingSpecInput, 'members' | 'agenda'> {
  id: string;
  statutoryMembers: number;
  members: Member[];
  agenda: AgendaItem[];
  archivedAt: string | null;
  votes: number;
}

export interface PairingCard {
  id: string;
  name: string;
  role: Member['role'];
  votingRight: boolean;
  joinUrl: string;
  code: string;
}

export type EditableItem = Omit<AgendaItem, 'id'> & { id: string | null };
export type MeetingEdit = Omit<MeetingSpecInput, 'agenda'> & { agenda: EditableItem[] };

export const token = signal<string | null>(adminToken.get());

function call<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
  return requestJson<T>(method, path, token.value ?? '', body);
}

export const api = {
  list: () => call<MeetingSummary[]>('GET', '/api/admin/meetings'),
  get: (id: string) => call<MeetingDetail>('GET', `/api/admin/meetings/${id}`),
  create: (spec: MeetingEdit) => call<{ id: string }>('POST', '/api/meetings', spec),
  update: (id: string, spec: MeetingEdit) => call<{ id: string; warnings: string[] }>('PUT', `/api/admin/meetings/${id}`, spec),
  archive: (id: string, archived: boolean) => call<unknown>('POST', `/api/admin/meetings/${id}/archive`, { archived }),
  cards: (id: string) => call<PairingCard[]>('POST', `/api/admin/meetings/${id}/cards`, {}),
  reissue: (id: string, memberId: string) => call<PairingCard>('POST', `/api/admin/meetings/${id}/card`, { memberId }),
};

export function login(value: string): void {
  adminToken.set(value);
  token.value = value;
}

export function logout(): void {
  adminToken.forget();
  token.value = null;
}
