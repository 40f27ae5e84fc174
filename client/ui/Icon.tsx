/**
 * Inline SVG icons: they render the same on every device, unlike emoji or symbol glyphs
 * that depend on the installed fonts. Decorative by default (the text next to them carries
 * the meaning); pass `label` when an icon stands alone.
 */
const PATHS = {
  check: 'M4.5 12.5l5 5 10-11',
  cross: 'M6 6l12 12M18 6L6 18',
  dash: 'M5 12h14',
  lock: 'M7 10V7.5a5 5 0 0 1 10 0V10M5.5 10h13v10h-13z',
  sun: 'M12 7.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9zM12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8',
  moon: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM3 12h18M12 3c2.5 2.6 3.5 5.6 3.5 9s-1 6.4-3.5 9c-2.5-2.6-3.5-5.6-3.5-9s1-6.4 3.5-9z',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 11v6M12 7.5v.5',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3.5 2',
  alert: 'M12 3.5l9.5 16.5h-19zM12 10v4.5M12 17.5v.5',
  play: 'M8 5.5v13l10.5-6.5z',
  stop: 'M6.5 6.5h11v11h-11z',
  megaphone: 'M4 10v4h3l6 4V6L7 10zM16.5 9a4 4 0 0 1 0 6',
  users: 'M9 11a3.5 3.5 0 1 0 0-7a3.5 3.5 0 1 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6 6 0 0 1 3.5 6',
} as const;

export type IconName = keyof typeof PATHS;

/** Stroke, fill and the solid shapes (play, stop) are styled in theme.css (`.icon`). */
export function Icon({ name, label, class: cls }: { name: IconName; label?: string; class?: string }) {
  return (
    <svg class={`icon icon-${name}${cls ? ` ${cls}` : ''}`} viewBox="0 0 24 24" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : 'true'}>
      <path d={PATHS[name]} />
    </svg>
  );
}

/** The app's mark (same as the favicon): a tick in a rounded square. */
export function BrandMark() {
  return (
    <svg class="brand-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1a56a0" />
      <path d="M18 33l9 9 19-21" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
