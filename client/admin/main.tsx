import { render } from 'preact';
import adminMessages from '../i18n/de/admin.ts';
import { lang, registerMessages } from '../i18n/i18n.ts';
import '../ui/theme.css';
import { AdminApp } from './AdminApp.tsx';
import './admin.css';

registerMessages(adminMessages, () => import('../i18n/en/admin.ts'));

document.documentElement.lang = lang.value;
render(<AdminApp />, document.getElementById('app')!);
