/**
 * Elections of persons (Wahlen): a different procedure from decisions. An agenda item becomes an
 * election when the chair gives it candidates; each Wahlgang is a poll that carries the
 * `PollElection` part below, so opening, closing, publishing, eligibility and secrecy work as for
 * any vote, while the ballot holds marks for candidates instead of Ja/Nein/Enthaltung.
 */

export interface Candidate {
  id: string;
  /** As the minutes name the person, e.g. "Frau Wilke". */
  name: string;
}

/** A tie decided by lot (Losentscheid). */
export interface Lot {
  /** The Wahlgang whose tie it decides. */
  pollId: string;
  /** `seat`: who is elected; `runoff`: who enters the Stichwahl. */
  purpose: 'seat' | 'runoff';
  /** The tied candidates, in ballot order. */
  among: string[];
  /** How many of them the lot picks. */
  count: number;
  winners: string[];
  /** `server`: drawn in the console with the server's randomness; `hand`: drawn in the room and entered. */
  method: 'server' | 'hand';
  at: string;
}

export interface Election {
  itemId: string;
  /** Seats to fill at once (e.g. three deputies); 1 for most elections. */
  seats: number;
  candidates: Candidate[];
  /** When the chair recorded that a member demanded a secret ballot; null = open. */
  secretDemandedAt: string | null;
  lots: Lot[];
}

/** What makes a poll a Wahlgang. */
export interface PollElection {
  /** 1 = erster Wahlgang, 2 = zweiter Wahlgang / Stichwahl. */
  stage: 1 | 2;
  /** Seats still to fill in this Wahlgang. */
  seats: number;
  /** Candidates on this ballot, in ballot order. */
  candidateIds: string[];
  /** Votes per candidate, fixed when the Wahlgang closes. */
  votes: Record<string, number> | null;
}

/** Ja / Nein / Enthaltung instead of marks: a single candidate for a single seat. */
export const isYesNoBallot = (e: Pick<PollElection, 'seats' | 'candidateIds'>): boolean => e.seats === 1 && e.candidateIds.length === 1;
