import type { Choice } from '../../shared/meeting/model.ts';
import type { IconName } from './Icon.tsx';

/** ✓ / ✗ / – : the same icon for a choice on the tablet, the console and the display. */
export const CHOICE_ICON: Record<Choice, IconName> = { yes: 'check', no: 'cross', abstain: 'dash' };
