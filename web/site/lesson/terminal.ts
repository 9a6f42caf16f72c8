// The terminal of a lesson page: xterm with the playground's look (Ubuntu's colours and font),
// fitted to its box whenever the box changes size (window resizes, the panes of the layout, a
// tab shown on a phone).

import type { Terminal } from '@xterm/xterm';
import { openTerminal } from '../../look';

export function createTerminal(host: HTMLElement, opts: { screenReader?: boolean } = {}): Terminal {
  const narrow = host.ownerDocument.defaultView?.matchMedia('(max-width: 640px)').matches ?? false;
  const term = openTerminal(host, narrow ? 13 : 14, opts.screenReader ?? false);
  const fit = (): void => {
    const core = (term as unknown as { _core?: { _renderService?: { dimensions?: { css: { cell: { width: number; height: number } } } } } })._core;
    const cell = core?._renderService?.dimensions?.css.cell;
    if (!cell || cell.width === 0 || cell.height === 0) return;
    const box = host.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const cols = Math.max(20, Math.floor((box.width - 12) / cell.width));
    const rows = Math.max(4, Math.floor((box.height - 8) / cell.height));
    if (cols !== term.cols || rows !== term.rows) term.resize(cols, rows);
  };
  fit();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(fit, 30);
  };
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(later).observe(host);
  else window.addEventListener('resize', later);
  return term;
}
