import { startOutbox } from '../sync/ballots.ts';
import { registerServiceWorker } from '../sync/serviceWorker.ts';
import { restoreAndKeepSnapshot } from '../sync/snapshotCache.ts';
import { keepScreenOn } from '../sync/wakeLock.ts';
import { mount } from '../ui/mount.tsx';
import { MemberApp } from './MemberApp.tsx';
import './member.css';

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
