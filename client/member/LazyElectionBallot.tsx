import { useEffect, useState } from 'preact/hooks';
import type { ElectionBallotProps } from './election/ElectionBallot.tsx';

type Module = typeof import('./election/ElectionBallot.tsx');
let loaded: Module | null = null;

/** The election ballot is fetched only when a Wahlgang reaches this tablet: the app has a size budget. */
export function LazyElectionBallot(props: ElectionBallotProps) {
  const [mod, setMod] = useState(loaded);
  useEffect(() => {
    if (!mod) void import('./election/ElectionBallot.tsx').then((m) => setMod((loaded = m)));
  }, []);
  return mod ? <mod.ElectionBallot {...props} /> : <p class="notice member-waiting" aria-busy="true" />;
}
