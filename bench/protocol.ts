/** IPC messages between the bench orchestrator, the server process and the member workers. */

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

export type ServerKind = 'baseline' | 'handzeichen';

export type ToServer = { type: 'stats' } | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; port: number }
  | { type: 'stats'; rss: number; heapUsed: number; cpuMicros: number };

export type ToWorker =
  | { type: 'connect'; url: string; tokens: string[]; waitForSnapshot: boolean }
  | { type: 'awaitOpenPoll'; pollId: string }
  | { type: 'vote'; pollId: string; round: number }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'connected'; failures: number; firstError: string | null }
  | { type: 'pollSeen'; lastSeenAt: number }
  | { type: 'voted'; latencies: number[]; lastAckAt: number; failures: number; firstError: string | null }
  | { type: 'error'; message: string };
