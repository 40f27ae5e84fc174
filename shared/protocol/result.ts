/** Errors are values at the boundary: every acknowledgement is one of these. */

export const ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'poll_not_open',
  'poll_already_open',
  'already_voted',
  'result_exists',
  'invalid_counts',
  'not_eligible',
  'choice_not_allowed',
  'not_quorate',
  'conflict',
  'rate_limited',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Failure {
  ok: false;
  error: { code: ErrorCode; message: string };
}
export interface Success<T> {
  ok: true;
  data: T;
}
export type Result<T> = Success<T> | Failure;

export const ok = <T>(data: T): Success<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Failure => ({ ok: false, error: { code, message } });
