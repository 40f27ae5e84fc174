import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { formatDate } from '../ui/format.ts';
import { BrandMark } from '../ui/Icon.tsx';
import { ThemeSwitch } from '../ui/ThemeSwitch.tsx';
import { themeFixed } from './kiosk.ts';
import { namesOrganization } from './organization.ts';
import { QuorumLine } from './QuorumLine.tsx';

/** Who meets and when, and the quorum: two lines, so the item below gets the screen. */
export function DisplayHeader({ snapshot }: { snapshot: MeetingSnapshot }) {
  const { body, organization, name, start } = snapshot.meeting;
  return (
    <header class="display-header">
      <div class="display-id">
        <BrandMark />
        <div>
          <p class="display-body">{namesOrganization(name, organization) ? body : `${body} · ${organization}`}</p>
          <p class="display-meeting">
            {name} · <span class="display-date">{formatDate(start)}</span>
          </p>
        </div>
      </div>
      <div class="display-tools">
        <QuorumLine quorum={snapshot.quorum} />
        {!themeFixed() && <ThemeSwitch />}
      </div>
    </header>
  );
}
