import { fail, ok, type Result } from '../../shared/protocol/result.ts';

const ADMIN_KEY = 'handzeichen:admin-token';

/** The admin token, entered once in the admin view and kept on this device. */
export const adminToken = {
  get: (): string | null => localStorage.getItem(ADMIN_KEY),
  set: (token: string): void => localStorage.setItem(ADMIN_KEY, token),
  forget: (): void => localStorage.removeItem(ADMIN_KEY),
};

/**
 * A token handed over in the fragment (`#token=…`) for one page only: taken out of the
 * address bar, not stored, so it cannot replace the device's own pairing.
 */
export function takeFragmentToken(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

/** JSON over HTTP with a bearer token; failures are values, like socket acknowledgements. */
export async function requestJson<T>(method: string, path: string, token: string, body?: unknown): Promise<Result<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json()) as T | { error: string };
    if (!res.ok) {
      const message = (data as { error?: string }).error ?? res.statusText;
      return fail(res.status === 401 ? 'unauthorized' : res.status === 404 ? 'not_found' : res.status === 409 ? 'conflict' : 'invalid_payload', message);
    }
    return ok(data as T);
  } catch (error) {
    return fail('internal', String(error));
  }
}
