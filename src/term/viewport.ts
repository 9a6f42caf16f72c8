// xterm.js 6.0's viewport (its scrollbar) follows the buffer synchronously on every line that
// scrolls: each line feed at the bottom of the screen sets the scrollable element's dimensions
// and position, re-renders the scrollbar's DOM and re-arms its fade-out timer. A command that
// prints a thousand lines pays that a thousand times inside one write, for a scrollbar that is
// painted once, at the next frame. deferViewportSync moves that work to the terminal's next
// render frame (after the rows are drawn, in the same frame), once however many lines scrolled.
//
// The viewport is not public API: when it cannot be found as expected, nothing changes.

import type { Terminal } from '@xterm/xterm';

interface ViewportLike {
  _sync(ydisp?: number): void;
  _renderService?: { addRefreshCallback(callback: FrameRequestCallback): number };
}

/** Makes the terminal's scrollbar follow output once per frame; false when it could not. */
export function deferViewportSync(terminal: Terminal): boolean {
  const viewport = (terminal as unknown as { _core?: { _viewport?: Partial<ViewportLike> } })._core?._viewport;
  if (!viewport || typeof viewport._sync !== 'function') return false;
  const render = viewport._renderService;
  if (!render || typeof render.addRefreshCallback !== 'function') return false;
  const vp = viewport as ViewportLike;
  const sync = vp._sync;
  let queued = false;
  // The buffer's scroll event calls _sync() without an argument; xterm's own queued sync and
  // resizes pass the position they want, and run as before.
  vp._sync = function (this: ViewportLike, ...args: [number?]): void {
    if (args.length > 0) return sync.apply(this, args);
    if (queued) return;
    queued = true;
    render.addRefreshCallback(() => {
      queued = false;
      sync.call(this);
    });
  };
  return true;
}
