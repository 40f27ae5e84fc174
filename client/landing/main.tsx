import { effect } from '@preact/signals';
import { render } from 'preact';
import landingMessages from '../i18n/de/landing.ts';
import { lang, registerMessages } from '../i18n/i18n.ts';
import { applyTheme, theme } from '../ui/theme.ts';
import '../ui/theme.css';
import { Landing } from './Landing.tsx';
import './landing.css';

registerMessages(landingMessages, () => import('../i18n/en/landing.ts'));

effect(() => {
  document.documentElement.lang = lang.value;
  applyTheme(theme.value);
});
const root = document.getElementById('app')!;
// The static German text in index.html is the fallback without JavaScript; replace it.
root.textContent = '';
render(<Landing />, root);
