import chairMessages from '../i18n/de/chair.ts';
import { registerMessages } from '../i18n/i18n.ts';
import { mount } from '../ui/mount.tsx';
import { ChairApp } from './ChairApp.tsx';
import './chair.css';

registerMessages(chairMessages, () => import('../i18n/en/chair.ts'));

mount('chair', (conn) => <ChairApp conn={conn} />);
