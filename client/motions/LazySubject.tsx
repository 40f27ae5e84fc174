import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SubjectProps } from './SubjectLine.tsx';

/**
 * The subject line for the tablet, fetched only when a vote is on an amendment or en bloc:
 * the member app has a size budget, and most votes are plain ones. (The browser fetches the
 * chunk once; a later mount gets it from the module cache.)
 */
export function LazySubject(props: SubjectProps) {
  const [Line, setLine] = useState<ComponentType<SubjectProps>>();
  useEffect(() => void import('./SubjectLine.tsx').then((m) => setLine(() => m.SubjectLine)), []);
  return Line ? <Line {...props} /> : null;
}
