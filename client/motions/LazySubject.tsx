import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SubjectProps } from './SubjectLine.tsx';

let chunk: Promise<ComponentType<SubjectProps>> | undefined;

/**
 * The subject line for the tablet, fetched only when a vote is on an amendment or en bloc:
 * the member app has a size budget, and most votes are plain ones.
 */
export function LazySubject(props: SubjectProps) {
  const [Line, setLine] = useState<ComponentType<SubjectProps> | null>(null);
  useEffect(() => {
    void (chunk ??= import('./SubjectLine.tsx').then((m) => m.SubjectLine)).then((c) => setLine(() => c));
  }, []);
  return Line ? <Line {...props} /> : null;
}
