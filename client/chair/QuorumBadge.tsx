import type { QuorumCount } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';

/** Beschlussfähigkeit at a glance: present voting members of all, and whether it holds. */
export function QuorumBadge({ quorum }: { quorum: QuorumCount }) {
  return (
    <p class={`quorum-badge ${quorum.quorate ? 'is-quorate' : 'not-quorate'}`} role="status" aria-live="polite">
      {quorum.quorate ? '✓ ' : '⚠ '}
      {t(quorum.quorate ? 'quorum.ok' : 'quorum.no', { present: quorum.present, total: quorum.total, required: quorum.required })}
    </p>
  );
}
