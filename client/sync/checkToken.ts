import { io } from 'socket.io-client';

export type TokenCheck = 'ok' | 'unauthorized' | 'unreachable';

/** Asks the server whether a typed code is a valid token before the device keeps it. */
export function checkToken(token: string, url = '/'): Promise<TokenCheck> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, timeout: 5_000 });
  return new Promise<TokenCheck>((resolve) => {
    socket.on('connect', () => resolve('ok'));
    socket.on('connect_error', (error) => resolve(error.message === 'unauthorized' ? 'unauthorized' : 'unreachable'));
  }).finally(() => socket.disconnect());
}
