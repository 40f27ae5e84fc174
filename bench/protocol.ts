/** IPC messages between the bench orchestrator, the server process and the member workers. */

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

export type ServerKind = 'baseline' | 'handzeichen';
/** The voting-session scenario's bare server: the same messages as Handzeichen, none of its work. */
export type ProcessKind = ServerKind | 'session-baseline';

/** A poll's state as a tablet sees it in its snapshot (session scenario). */
export type SeenStatus = 'open' | 'closed' | 'published';

export type ToServer = { type: 'stats' } | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; port: number }
  /** `loopCpuMicros`: the event-loop thread's own CPU time (null where /proc is missing). */
  | { type: 'stats'; rss: number; heapUsed: number; cpuMicros: number; loopCpuMicros: number | null };

export type ToWorker =
  | { type: 'connect'; url: string; tokens: string[]; waitForSnapshot: boolean }
  | { type: 'awaitOpenPoll'; pollId: string }
  /** pollId null: each member votes in the open poll its own snapshot shows (cluster scenario: one per meeting). */
  | { type: 'vote'; pollId: string | null; round: number }
  /** Cluster scenario: reply `pollSeen` once every member's snapshot shows one of these polls open. */
  | { type: 'awaitOpenPolls'; pollIds: string[] }
  /** Session scenario: every member casts a ballot the moment its snapshot shows a new open poll. */
  | { type: 'autoVote'; on: boolean }
  /** Reply once every member has seen the poll in this state (or a later one). */
  | { type: 'awaitStatus'; pollId: string; status: SeenStatus }
  /** Reply once every member's ballot in this poll has been acknowledged (or refused). */
  | { type: 'awaitVotes'; pollId: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'connected'; failures: number; firstError: string | null }
  | { type: 'pollSeen'; lastSeenAt: number }
  | { type: 'voted'; latencies: number[]; lastAckAt: number; failures: number; firstError: string | null }
  | { type: 'statusSeen'; pollId: string; status: SeenStatus; lastSeenAt: number; snapshotBytes: number }
  | { type: 'votesDone'; pollId: string; lastAckAt: number; acks: number; failures: number; firstError: string | null }
  | { type: 'error'; message: string };
