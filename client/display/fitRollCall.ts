/**
 * Sizes the roll-call list to the box it is given: tries every sensible number of columns and
 * keeps the one with the largest type at which every row fits below the others and every name
 * fits whole on its line. Everything in a row is sized in em, so one measurement per column
 * count tells how large the type may grow: height and width both scale with the font size.
 */
export function fitRollCall(section: HTMLElement): void {
  const list = section.querySelector<HTMLElement>('.roll-call-grid');
  if (!list) return;
  const cells = [...list.children] as HTMLElement[];
  const n = cells.length;
  if (!n) return;
  const vh = window.innerHeight / 100;
  const roomy = section.dataset.roomy === 'true';
  const largest = (roomy ? 4.4 : 3.4) * vh;
  const probe = 2 * vh;
  const height = section.clientHeight;

  let best = { cols: 1, font: 0 };
  for (let cols = 1; cols <= 8; cols++) {
    const rows = Math.ceil(n / cols);
    // Another column that does not save a row only makes every name narrower.
    if (cols > 1 && Math.ceil(n / (cols - 1)) === rows) continue;
    apply(list, cols, rows, probe);
    let font = Math.min(largest, (probe * height) / list.offsetHeight);
    for (const cell of cells) {
      // At size f a row needs f·(its content at size 1) px; the column is as wide whatever f is.
      font = Math.min(font, cell.getBoundingClientRect().width / (contentWidth(cell) / probe));
    }
    if (font > best.font) best = { cols, font };
    if (rows === 1) break;
  }
  // A hair below the limit: sub-pixel rounding must not clip the last letter.
  apply(list, best.cols, Math.ceil(n / best.cols), Math.floor(best.font * 0.97 * 10) / 10);
}

/** What a row needs without squeezing: the whole name, icon, word, gaps, padding and border. */
function contentWidth(cell: HTMLElement): number {
  const style = getComputedStyle(cell);
  const parts = [...cell.children] as HTMLElement[];
  const px = (v: string) => parseFloat(v) || 0;
  const own = px(style.paddingLeft) + px(style.paddingRight) + px(style.borderLeftWidth) + px(style.borderRightWidth);
  const gaps = px(style.columnGap) * (parts.length - 1);
  return parts.reduce((sum, p) => sum + (p.classList.contains('roll-name') ? p.scrollWidth : p.getBoundingClientRect().width), own + gaps);
}

function apply(list: HTMLElement, cols: number, rows: number, font: number): void {
  list.style.setProperty('--roll-cols', String(cols));
  list.style.setProperty('--roll-rows', String(rows));
  list.style.setProperty('--roll-font', `${font}px`);
}
