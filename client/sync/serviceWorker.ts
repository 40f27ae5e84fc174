import { signal } from '@preact/signals';
import { Workbox } from 'workbox-window';

/** Set when a new version waits; calling it activates the new worker and reloads once. */
export const pendingUpdate = signal<(() => void) | null>(null);

/**
 * Registers the member app's service worker (precached app shell). It needs a secure context:
 * HTTPS, or localhost. On plain http over the LAN the app runs without it and says so.
 */
export function registerServiceWorker(): void {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/member/' });
  wb.addEventListener('waiting', () => {
    pendingUpdate.value = () => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    };
  });
  // Refused (storage turned off, a private window, a policy): the app runs on without its offline start.
  wb.register().catch(() => undefined);
}
