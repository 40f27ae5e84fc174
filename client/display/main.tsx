import displayMessages from '../i18n/de/display.ts';
import electionMessages from '../i18n/de/election.ts';
import { registerMessages } from '../i18n/i18n.ts';
import { mount } from '../ui/mount.tsx';
// This page connects at once: the socket library comes with the page's own scripts, not
// after them (connection.ts loads it on demand, so a tablet can paint its cached state first).
import 'socket.io-client';
import { DisplayApp } from './DisplayApp.tsx';
import './display.css';

registerMessages(displayMessages, () => import('../i18n/en/display.ts'));
registerMessages(electionMessages, () => import('../i18n/en/election.ts'));

mount('display', (conn) => <DisplayApp conn={conn} />);
