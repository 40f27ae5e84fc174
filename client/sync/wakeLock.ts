import type { MeetingConnection } from './connection.ts';

/**
 * Keeps the screen on while the member app shows a meeting, where the browser supports the
 * Screen Wake Lock API (secure contexts only). The lock is dropped by the browser whenever the
 * page is hidden, so it is taken again when the page becomes visible.
 */
export function keepScreenOn(conn: MeetingConnection): void {
  if (!('wakeLock' in navigator) || !window.isSecureContext) return;
  let held = false;
  const acquire = async () => {
    if (held || document.visibilityState !== 'visible' || !conn.snapshot.value) return;
    try {
      held = true;
      const lock = await navigator.wakeLock.request('screen');
      lock.addEventListener('release', () => (held = false));
    } catch {
      // Refused (battery saver, no user gesture yet): the tablet simply sleeps as usual.
      held = false;
    }
  };
  document.addEventListener('visibilitychange', () => void acquire());
  conn.socket.on('meeting:snapshot', () => void acquire());
  document.addEventListener('pointerdown', () => void acquire(), { passive: true });
  // Set up after the first frame: a snapshot may have come before.
  void acquire();
}
