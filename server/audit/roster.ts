import type { AgendaItem, Member } from '../../shared/meeting/model.ts';

/**
 * Who may vote and on what, as the audit log records it whenever a meeting is created or its
 * setup changes. `verify` compares the newest such entry with the stored members, so a voting
 * right changed behind the application's back shows up.
 */
export interface RosterEntry {
  members: { id: string; name: string; role: string; votingRight: boolean }[];
  agenda: { id: string; number: string; name: string; public: boolean; paper: string | null }[];
}

export function rosterEntry(members: readonly Member[], agenda: readonly AgendaItem[]): RosterEntry {
  return {
    members: members.map(({ id, name, role, votingRight }) => ({ id, name, role, votingRight })),
    agenda: agenda.map(({ id, number, name, public: isPublic, paper }) => ({ id, number, name, public: isPublic, paper })),
  };
}
