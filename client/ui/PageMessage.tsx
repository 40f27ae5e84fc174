import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n.ts';
import { BrandMark, Icon, type IconName } from './Icon.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** A whole-page message before a view can show anything: unpaired, connecting, refused. */
export function PageMessage({ icon, tone = 'info', children }: { icon: IconName; tone?: 'info' | 'warn' | 'danger'; children: ComponentChildren }) {
  return (
    <main class="page-message">
      <div class="toolbar page-message-bar">
        <span class="brand">
          <BrandMark />
          {t('app.name')}
        </span>
        <LanguageSwitch />
      </div>
      <div class={`notice notice-${tone}`} role="status">
        <Icon name={icon} />
        <div>{children}</div>
      </div>
    </main>
  );
}
