import { useEffect, useState } from 'preact/hooks';
import type { OwnBallot, PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { computeReceiptCode } from '../sync/receiptCode.ts';
import { fetchBallotList } from '../sync/receipts.ts';

type Check = 'pending' | 'counted' | 'missing' | 'unavailable';

/**
 * The receipt of the member's accepted ballot, computed on the tablet from what it sent. Once
 * the result is published the tablet looks itself up in the published list.
 */
export function Receipt({ meetingId, poll, ballot }: { meetingId: string; poll: PollView; ballot: OwnBallot }) {
  const [code, setCode] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>('pending');
  useEffect(() => {
    let live = true;
    computeReceiptCode(poll.id, ballot.ballotId).then(
      (receipt) => live && setCode(receipt),
      () => undefined,
    );
    return () => void (live = false);
  }, [poll.id, ballot.ballotId]);
  useEffect(() => {
    if (poll.status !== 'published' || !code) return;
    void fetchBallotList(meetingId, poll.id).then((r) => {
      if (!r.ok) return setCheck('unavailable');
      const list = r.data;
      const counted = list.mode === 'secret' ? list.receipts.includes(code) : list.ballots.some((b) => b.receipt === code && b.choice === ballot.choice);
      setCheck(counted ? 'counted' : 'missing');
    });
  }, [meetingId, poll.id, poll.status, code, ballot.choice]);
  if (!code) return null;
  return (
    <p class="receipt muted">
      {t('member.receipt')} <span class="receipt-code">{code}</span>
      {check === 'counted' && <span class="receipt-ok"> · ✓ {t(poll.mode === 'secret' ? 'member.receiptIncluded' : 'member.receiptCounted')}</span>}
      {check === 'missing' && (
        <span class="receipt-missing" role="alert">
          {' '}
          · {t('member.receiptMissing')}
        </span>
      )}
    </p>
  );
}
