import type { ClientRole } from '../../shared/protocol/snapshot.ts';

const key = (role: ClientRole) => `handzeichen:token:${role}`;

/**
 * Pairing: a link carries its token in the fragment (`#token=…`). It is stored on the device
 * and removed from the address bar, so the member never types it and it is not bookmarked.
 */
export function takeToken(role: ClientRole): string | null {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromLink) {
    localStorage.setItem(key(role), fromLink);
    history.replaceState(null, '', location.pathname + location.search);
    return fromLink;
  }
  return localStorage.getItem(key(role));
}

/** Keeps a token the server has accepted (a typed pairing code). */
export function keepToken(role: ClientRole, token: string): void {
  localStorage.setItem(key(role), token);
}

export function forgetToken(role: ClientRole): void {
  localStorage.removeItem(key(role));
}

/** The device's token for a role, for the few HTTP calls beside the socket (receipt check). */
export function storedToken(role: ClientRole): string | null {
  return localStorage.getItem(key(role));
}
