import { t } from '../i18n/i18n.ts';
import { pendingUpdate } from '../sync/serviceWorker.ts';

/** Offers a waiting new version; never reloads while a vote is open (a tap could be mid-flight). */
export function UpdatePrompt({ voteOpen }: { voteOpen: boolean }) {
  const apply = pendingUpdate.value;
  if (!apply) return null;
  if (voteOpen) return <p class="update-prompt muted">{t('pwa.updateAfterVote')}</p>;
  return (
    <button type="button" class="update-prompt" onClick={apply}>
      {t('pwa.update')}
    </button>
  );
}
