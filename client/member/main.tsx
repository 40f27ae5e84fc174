import memberMessages from '../i18n/de/member.ts';
import { registerMessages } from '../i18n/i18n.ts';
import { startOutbox } from '../sync/ballots.ts';
import { registerServiceWorker } from '../sync/serviceWorker.ts';
import { restoreAndKeepSnapshot } from '../sync/snapshotCache.ts';
import { keepScreenOn } from '../sync/wakeLock.ts';
import { mount } from '../ui/mount.tsx';
import { MemberApp } from './MemberApp.tsx';
import './member.css';

registerMessages(memberMessages, () => import('../i18n/en/member.ts'));

registerServiceWorker();
mount(
  'member',
  (conn) => <MemberApp conn={conn} />,
  (conn, token) => {
    void restoreAndKeepSnapshot(conn, token);
    void startOutbox(conn, token);
    keepScreenOn(conn);
  },
);
