import { render } from 'preact';
import { lang } from '../i18n/i18n.ts';
import '../ui/theme.css';
import { AdminApp } from './AdminApp.tsx';
import './admin.css';

document.documentElement.lang = lang.value;
render(<AdminApp />, document.getElementById('app')!);
