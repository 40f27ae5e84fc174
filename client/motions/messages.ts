import motions from '../i18n/de/motions.ts';
import { registerMessages } from '../i18n/i18n.ts';

// Imported by the subject line itself: on the tablet it is loaded only with a vote that needs it.
registerMessages(motions, () => import('../i18n/en/motions.ts'));
