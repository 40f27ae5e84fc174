import { signal } from '@preact/signals';
import type { ElectionBallotProps } from './election/ElectionBallot.tsx';

const loaded = signal<typeof import('./election/ElectionBallot.tsx') | null>(null);

/** The election ballot is fetched only when a Wahlgang reaches this tablet: the app has a size budget. */
export function LazyElectionBallot(props: ElectionBallotProps) {
  const mod = loaded.value;
  if (!mod) void import('./election/ElectionBallot.tsx').then((m) => (loaded.value = m));
  return mod ? <mod.ElectionBallot {...props} /> : null;
}
