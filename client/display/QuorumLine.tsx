import type { QuorumCount } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import './quorum.css';

/** Attendance and quorum for the audience, in the display's header. */
export function QuorumLine({ quorum }: { quorum: QuorumCount }) {
  return (
    <p class={`display-quorum ${quorum.quorate ? 'is-quorate' : 'not-quorate'}`}>
      {t(quorum.quorate ? 'display.quorum.ok' : 'display.quorum.no', { present: quorum.present, total: quorum.total })}
    </p>
  );
}
