// Mounts the picture without making the page wait for it: the component's code (and the
// statechart's xstate machine) load in their own chunk once the browser is idle or the element
// comes into view, whichever is first. Calls made before it is ready are kept and replayed.
//
//   import { mountPictureLazy } from './picture/lazy';
//   import { worldSource } from './picture/world-source';
//   const picture = mountPictureLazy(element, () => worldSource(world), { compact: 'auto' });

import type { Picture, PictureOptions } from './view/picture';
import type { PictureSource } from './source';

export interface LazyPicture {
  /** Resolves with the picture once it is mounted. */
  readonly ready: Promise<Picture>;
  select(containerId: string | null): void;
  setSpeed(speed: number): void;
  setCompact(compact: boolean | 'auto'): void;
  command(line: string): void;
  destroy(): void;
}

/** The component's chunk; a failed fetch (a flaky network) is tried again a few times. */
async function importPicture(tries = 4): Promise<typeof import('./view/picture')> {
  for (let i = 1; ; i++) {
    try {
      return await import('./view/picture');
    } catch (e) {
      if (i >= tries) throw e;
      await new Promise((r) => setTimeout(r, 300 * 2 ** i));
    }
  }
}

export function mountPictureLazy(element: HTMLElement, source: () => PictureSource | Promise<PictureSource>, opts: PictureOptions & { eager?: boolean } = {}): LazyPicture {
  const queued: ((p: Picture) => void)[] = [];
  let picture: Picture | null = null;
  let cancelled = false;
  let cleanup = () => {};

  const ready = new Promise<Picture>((resolve, reject) => {
    let started = false;
    const load = () => {
      if (started || cancelled) return;
      started = true;
      cleanup();
      cleanup = () => {};
      Promise.all([importPicture(), source()]).then(([mod, src]) => {
        if (cancelled) return;
        picture = mod.mountPicture(element, src, opts);
        for (const q of queued.splice(0)) q(picture);
        resolve(picture);
      }, reject);
    };
    if (opts.eager) return load();
    const win = element.ownerDocument.defaultView as (Window & typeof globalThis) | null;
    const idle = win?.requestIdleCallback ? win.requestIdleCallback(load, { timeout: 3000 }) : win?.setTimeout(load, 200);
    const io = typeof IntersectionObserver !== 'undefined' ? new IntersectionObserver((e) => e.some((x) => x.isIntersecting) && load()) : null;
    io?.observe(element);
    cleanup = () => {
      io?.disconnect();
      if (idle !== undefined && win) (win.cancelIdleCallback ?? win.clearTimeout)(idle as number);
    };
  });

  const call = (f: (p: Picture) => void) => (picture ? f(picture) : queued.push(f));
  return {
    ready,
    select: (id) => call((p) => p.select(id)),
    setSpeed: (s) => call((p) => p.setSpeed(s)),
    setCompact: (c) => call((p) => p.setCompact(c)),
    command: (line) => call((p) => p.command(line)),
    destroy() {
      cancelled = true;
      cleanup();
      picture?.destroy();
    },
  };
}
