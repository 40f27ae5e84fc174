import { t } from '../i18n/i18n.ts';
import { BrandMark, Icon, type IconName } from '../ui/Icon.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { ThemeSwitch } from '../ui/ThemeSwitch.tsx';

const ROLES: { icon: IconName; title: 'landing.member.title' | 'landing.chair.title' | 'landing.display.title'; text: 'landing.member.text' | 'landing.chair.text' | 'landing.display.text' }[] = [
  { icon: 'check', title: 'landing.member.title', text: 'landing.member.text' },
  { icon: 'users', title: 'landing.chair.title', text: 'landing.chair.text' },
  { icon: 'megaphone', title: 'landing.display.title', text: 'landing.display.text' },
];

/** The address everyone might type by hand: says what this is and what to do next. */
export function Landing() {
  return (
    <div class="landing">
      <header class="landing-bar">
        <span class="brand">
          <BrandMark />
          {t('app.name')}
        </span>
        <div class="toolbar">
          <ThemeSwitch />
          <LanguageSwitch />
        </div>
      </header>
      <main class="landing-main">
        <section class="landing-hero">
          <h1>{t('landing.title')}</h1>
          <p class="landing-lead">{t('landing.lead')}</p>
          <p class="notice notice-info landing-todo">
            <Icon name="info" />
            <span>{t('landing.todo')}</span>
          </p>
        </section>
        <section class="landing-roles" aria-labelledby="roles-heading">
          <h2 id="roles-heading" class="section-label">
            {t('landing.rolesHeading')}
          </h2>
          <ul class="landing-role-list">
            {ROLES.map((r) => (
              <li key={r.title} class="card landing-role">
                <span class="landing-role-icon">
                  <Icon name={r.icon} />
                </span>
                <h3>{t(r.title)}</h3>
                <p>{t(r.text)}</p>
              </li>
            ))}
          </ul>
        </section>
        <section class="landing-trust" aria-labelledby="trust-heading">
          <h2 id="trust-heading" class="section-label">
            {t('landing.trustHeading')}
          </h2>
          <ul class="landing-facts">
            <li>{t('landing.fact.saved')}</li>
            <li>{t('landing.fact.tally')}</li>
            <li>{t('landing.fact.minutes')}</li>
          </ul>
        </section>
      </main>
      <footer class="landing-footer muted">{t('landing.footer')}</footer>
    </div>
  );
}
