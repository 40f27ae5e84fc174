/**
 * The theme switch is for a screen someone can click. A projector's link fixes the theme
 * (`?theme=dark`), and a screen without a fine pointer (a kiosk, a TV) has nobody to click it.
 */
export function themeFixed(): boolean {
  return new URLSearchParams(location.search).has('theme') || !matchMedia('(any-pointer: fine)').matches;
}
