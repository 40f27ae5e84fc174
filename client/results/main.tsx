import { render } from 'preact';
import resultsMessages from '../i18n/de/results.ts';
import { lang, registerMessages } from '../i18n/i18n.ts';
import { adminToken, takeFragmentToken } from '../sync/http.ts';
import '../ui/theme.css';
import { ResultsPage } from './ResultsPage.tsx';
import './results.css';

registerMessages(resultsMessages, () => import('../i18n/en/results.ts'));

// Opened by the admin (token on this device), the chair (paired console) or with `#token=`.
document.documentElement.lang = lang.value;
const meetingId = new URLSearchParams(location.search).get('meeting') ?? '';
const token = takeFragmentToken() ?? adminToken.get() ?? localStorage.getItem('handzeichen:token:chair');
render(<ResultsPage meetingId={meetingId} token={token} />, document.getElementById('app')!);
