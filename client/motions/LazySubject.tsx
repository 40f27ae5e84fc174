import { lazy } from '../ui/lazy.tsx';
import type { SubjectProps } from './SubjectLine.tsx';

/** The subject line for the tablet, fetched only when a vote is on an amendment or en bloc. */
export const LazySubject = lazy<SubjectProps>(() => import('../member/lazyParts.ts').then((m) => m.SubjectLine));
