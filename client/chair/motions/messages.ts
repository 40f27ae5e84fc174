import motionsChair from '../../i18n/de/motionsChair.ts';
import { registerMessages } from '../../i18n/i18n.ts';

registerMessages(motionsChair, () => import('../../i18n/en/motionsChair.ts'));
