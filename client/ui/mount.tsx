import { render, type ComponentChildren } from 'preact';
import type { ClientRole } from '../../shared/protocol/snapshot.ts';
import { lang, t } from '../i18n/i18n.ts';
import { connect, type MeetingConnection } from '../sync/connection.ts';
import { takeToken } from '../sync/token.ts';
import './theme.css';

/** Boots a view: pairs the device from its link, connects, renders; `start` adds role-specific sync. */
export function mount(
  role: ClientRole,
  view: (conn: MeetingConnection) => ComponentChildren,
  start?: (conn: MeetingConnection, token: string) => void,
): void {
  document.documentElement.lang = lang.value;
  const root = document.getElementById('app')!;
  const token = takeToken(role);
  if (!token) {
    render(<p class="notice unpaired">{t('pairing.missing')}</p>, root);
    return;
  }
  const conn = connect(role, token);
  start?.(conn, token);
  const App = () => <>{view(conn)}</>;
  render(<App />, root);
}
