/**
 * What the tablet loads only when it shows it (an amendment's subject line, the § 68 control),
 * in one chunk: one more file and one entry in the preload list instead of one per part.
 */
export { SubjectLine } from '../motions/SubjectLine.tsx';
export { RecordOwnVote } from './RecordOwnVote.tsx';
