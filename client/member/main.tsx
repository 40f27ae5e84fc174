import memberMessages from '../i18n/de/member.ts';
import { registerMessages } from '../i18n/i18n.ts';
import { startOutbox } from '../sync/ballots.ts';
import { registerServiceWorker } from '../sync/serviceWorker.ts';
import { restoreAndKeepSnapshot } from '../sync/snapshotCache.ts';
import { keepScreenOn } from '../sync/wakeLock.ts';
import { afterFirstPaint } from '../ui/afterFirstPaint.ts';
import { mount } from '../ui/mount.tsx';
import { MemberApp } from './MemberApp.tsx';
import './member.css';

registerMessages(memberMessages, () => import('../i18n/en/member.ts'));

mount(
  'member',
  (conn) => <MemberApp conn={conn} />,
  (conn, token) => {
    void restoreAndKeepSnapshot(conn, token);
    startOutbox(conn, token);
    // Its listeners (a tap anywhere takes the lock again) are no part of the first frame.
    afterFirstPaint(() => keepScreenOn(conn));
  },
);
// The service worker serves the next start; registering it can wait for this one's first frame.
afterFirstPaint(registerServiceWorker);
