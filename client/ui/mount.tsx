import { effect } from '@preact/signals';
import { render, type ComponentChildren } from 'preact';
import type { ClientRole } from '../../shared/protocol/snapshot.ts';
import { lang, t } from '../i18n/i18n.ts';
import { connect, type MeetingConnection } from '../sync/connection.ts';
import { takeToken } from '../sync/token.ts';
import { afterFirstPaint } from './afterFirstPaint.ts';
import { PageMessage } from './PageMessage.tsx';
import { applyTheme, theme } from './theme.ts';
import './theme.css';

/** Boots a view: pairs the device from its link, connects, renders; `start` adds role-specific sync. */
export function mount(
  role: ClientRole,
  view: (conn: MeetingConnection) => ComponentChildren,
  start?: (conn: MeetingConnection, token: string) => void,
): void {
  effect(() => {
    document.documentElement.lang = lang.value;
    document.title = t(`title.${role}`);
    applyTheme(theme.value);
  });
  const root = document.getElementById('app')!;
  const token = takeToken(role);
  if (!token) {
    render(<Unpaired />, root);
    // Typing the card's code is for a member's tablet, once: loaded only then (size budget).
    if (role === 'member') void import('./PairByCode.tsx').then(({ PairByCode }) => render(<Unpaired form={<PairByCode />} />, root));
    return;
  }
  const conn = connect(role, token);
  start?.(conn, token);
  const App = () => <>{view(conn)}</>;
  // Nothing known yet: connect at once. A cached state (the tablet's) is painted first and the
  // handshake follows a frame later, so a started tablet shows its buttons before it connects.
  if (!conn.snapshot.value) conn.socket.connect();
  render(<App />, root);
  afterFirstPaint(() => conn.socket.active || conn.socket.connect());
}

/** Not paired yet: the card's link or QR code pairs; a member may also type the code printed on it. */
function Unpaired({ form }: { form?: ComponentChildren }) {
  return (
    <PageMessage icon="info">
      <p class="unpaired">{t('pairing.missing')}</p>
      {form}
    </PageMessage>
  );
}
