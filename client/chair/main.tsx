import chairMessages from '../i18n/de/chair.ts';
import electionMessages from '../i18n/de/election.ts';
import { registerMessages } from '../i18n/i18n.ts';
import { mount } from '../ui/mount.tsx';
// This page connects at once: the socket library comes with the page's own scripts, not
// after them (connection.ts loads it on demand, so a tablet can paint its cached state first).
import 'socket.io-client';
import { ChairApp } from './ChairApp.tsx';
import './chair.css';

registerMessages(chairMessages, () => import('../i18n/en/chair.ts'));
registerMessages(electionMessages, () => import('../i18n/en/election.ts'));

mount('chair', (conn) => <ChairApp conn={conn} />);
