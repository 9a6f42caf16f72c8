// The mounted picture: listens to a source, keeps the animation model, and draws it. All DOM
// work happens in requestAnimationFrame callbacks (at most one per frame, none when nothing
// moves or the picture is off screen), so the terminal beside it stays responsive.

import { containerLifecycle } from '../../../src/sim/daemon/lifecycle';
import { bubbleAt, ghostFor, hopPath, layoutDiagram, WIRES, type Box, type DiagramLayout } from '../model/layout';
import { Player, SPEEDS, type Frame } from '../model/player';
import { layoutChart, machineGraph, type ChartLayout } from '../model/statechart';
import { OCI_MEANING, PARTS, readableLabel, shortLabel, STATUS_MEANING } from '../model/words';
import type { Hop, HostSnapshot, OpInfo, OpRecord, PictureSource } from '../source';
import { chartSvg, diagramSvg, esc, fitTexts, nextSteps, statusText } from './markup';
import { injectStyles } from './styles';

export interface PictureOptions {
  /** The phone layout: always, never, or when the picture is narrower than 820px (default). */
  compact?: boolean | 'auto';
  /** Colours (default: the system's preference). */
  theme?: 'light' | 'dark' | 'auto';
  /** Initial playback speed (0.25 … 4; default 1). */
  speed?: number;
  /** A name for assistive technology (default "Inside Docker"). */
  label?: string;
}

export interface Picture {
  readonly element: HTMLElement;
  /** Shows a container's lifecycle statechart (null closes it). */
  select(containerId: string | null): void;
  setSpeed(speed: number): void;
  setCompact(compact: boolean | 'auto'): void;
  /** A command line the terminal ran: starts a new command titled with it. */
  command(line: string): void;
  /** Stops listening and removes the picture (the source stays open: close it yourself). */
  destroy(): void;
}

let uidCounter = 0;

const ICONS = {
  prev: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h2v12H3zM14 2v12L6 8z"/></svg>',
  next: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11 2h2v12h-2zM2 2v12l8-6z"/></svg>',
  play: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2v12l11-6z"/></svg>',
  pause: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 2h4v12H3zM9 2h4v12H9z"/></svg>',
  replay: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M8 2a6 6 0 1 1-5.7 4.1l1.9.6A4 4 0 1 0 8 4v2.5L4 3l4-3.5z"/></svg>',
  live: '<svg viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="4"/></svg>',
};

export function mountPicture(hostEl: HTMLElement, source: PictureSource, opts: PictureOptions = {}): Picture {
  const doc = hostEl.ownerDocument;
  const win = doc.defaultView!;
  injectStyles(doc);
  const uid = `dsp${++uidCounter}`;
  const player = new Player();
  if (opts.speed) player.setSpeed(opts.speed);
  let compactOpt = opts.compact ?? 'auto';

  // ---- DOM skeleton ----------------------------------------------------------------------------
  const root = doc.createElement('section');
  root.className = 'dsp';
  root.setAttribute('aria-label', opts.label ?? 'Inside Docker');
  const theme = opts.theme ?? 'auto';
  const dark = theme === 'dark' || (theme === 'auto' && win.matchMedia?.('(prefers-color-scheme: dark)').matches);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.innerHTML = `
    <div class="dsp-bar">
      <div class="dsp-now">
        <div class="dsp-cmd"><span class="dsp-cmd-title">Run a docker command to see it travel</span><span class="dsp-pos"></span><span class="dsp-mode is-live">live</span></div>
        <div class="dsp-caption"></div>
      </div>
      <div class="dsp-controls" role="toolbar" aria-label="Replay the last command">
        <button type="button" class="dsp-btn" data-act="prev" aria-label="Previous step" title="Previous step (←)">${ICONS.prev}</button>
        <button type="button" class="dsp-btn" data-act="play" aria-label="Pause">${ICONS.pause}</button>
        <button type="button" class="dsp-btn" data-act="next" aria-label="Next step" title="Next step (→)">${ICONS.next}</button>
        <button type="button" class="dsp-btn" data-act="replay" title="Play the command again from its first step">${ICONS.replay}<span>Replay</span></button>
        <button type="button" class="dsp-btn" data-act="live" aria-pressed="true" title="Follow new commands as they run">${ICONS.live}<span>Live</span></button>
        <label class="dsp-speed">Speed <select data-act="speed">${SPEEDS.map((s) => `<option value="${s}"${s === player.speed ? ' selected' : ''}>${s}×</option>`).join('')}</select></label>
      </div>
    </div>
    <div class="dsp-body">
      <div class="dsp-diagram"></div>
      <div class="dsp-side">
        <section class="dsp-panel dsp-chart" hidden aria-live="polite">
          <h3><span class="dsp-chart-title"></span><button type="button" class="dsp-btn dsp-close" data-act="close" aria-label="Close the lifecycle">Close</button></h3>
          <div class="dsp-chart-body"></div>
          <p class="dsp-chart-note"></p>
          <ul class="dsp-next" aria-label="What can happen next"></ul>
        </section>
        <details class="dsp-panel dsp-steps" open>
          <summary>Steps</summary>
          <ol></ol>
        </details>
        <p class="dsp-sr" aria-live="polite"></p>
      </div>
    </div>`;
  hostEl.appendChild(root);
  const $ = <T extends Element>(sel: string) => root.querySelector(sel) as T;
  const el = {
    title: $<HTMLElement>('.dsp-cmd-title'),
    pos: $<HTMLElement>('.dsp-pos'),
    mode: $<HTMLElement>('.dsp-mode'),
    caption: $<HTMLElement>('.dsp-caption'),
    prev: $<HTMLButtonElement>('[data-act="prev"]'),
    play: $<HTMLButtonElement>('[data-act="play"]'),
    replay: $<HTMLButtonElement>('[data-act="replay"]'),
    next: $<HTMLButtonElement>('[data-act="next"]'),
    live: $<HTMLButtonElement>('[data-act="live"]'),
    speed: $<HTMLSelectElement>('[data-act="speed"]'),
    diagram: $<HTMLElement>('.dsp-diagram'),
    chart: $<HTMLElement>('.dsp-chart'),
    chartTitle: $<HTMLElement>('.dsp-chart-title'),
    chartBody: $<HTMLElement>('.dsp-chart-body'),
    chartNote: $<HTMLElement>('.dsp-chart-note'),
    chartNext: $<HTMLUListElement>('.dsp-next'),
    steps: $<HTMLDetailsElement>('.dsp-steps'),
    stepsSummary: $<HTMLElement>('.dsp-steps summary'),
    list: $<HTMLOListElement>('.dsp-steps ol'),
    sr: $<HTMLElement>('.dsp-sr'),
  };

  // ---- state -----------------------------------------------------------------------------------
  let snapshot: HostSnapshot = { host: '', images: [], containers: [], networks: [], volumes: [] };
  let snapKey = '';
  let dirty = true;
  let fetching = false;
  let selected: string | null = null;
  const names = new Map<string, string>();
  let transport: 'unix' | 'tcp' = 'unix';
  let layout: DiagramLayout | null = null;
  let staticKey = '';
  let stepKey = '';
  let listKey = '';
  let chartKey = '';
  let chart: ChartLayout | null = null;
  let lastStatus: { id: string; status: string } | null = null;
  let taken: { from: string; to: string } | null = null;
  let width = 0;
  let visible = true;
  let raf = 0;
  let lastTime = 0;
  let destroyed = false;
  let overlay: { trail: SVGLineElement; ring: SVGRectElement; token: SVGCircleElement; bubble: SVGGElement; bubbleRect: SVGRectElement; bubbleText: SVGTextElement } | null = null;
  let bubbleFor = '';
  const reducedMotion = !!win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

  // ---- the source --------------------------------------------------------------------------------
  const unsubs: (() => void)[] = [];
  let buffer: [OpInfo, Hop | null][] | null = [];
  const onTrace = (op: OpInfo, hop: Hop | null) => {
    if (buffer) {
      buffer.push([{ id: op.id, host: op.host, op: op.op, t: op.t }, hop ? { ...hop } : null]);
      return;
    }
    take(op, hop);
    schedule();
  };
  const take = (op: OpInfo, hop: Hop | null) => {
    if (hop?.from === 'client' && /\(REST over tcp\)/.test(hop.label)) transport = 'tcp';
    else if (hop?.from === 'client' && /\(REST over unix socket\)/.test(hop.label)) transport = 'unix';
    player.ingest({ id: op.id, host: op.host, op: op.op, t: op.t }, hop);
  };
  unsubs.push(source.subscribe(onTrace));
  unsubs.push(
    source.onChange(() => {
      dirty = true;
      schedule();
    }),
  );
  if (source.onCommand) unsubs.push(source.onCommand((line) => player.line(line)));
  const loaded = (ops: readonly OpRecord[]) => {
    if (destroyed) return;
    const seen = new Set<string>();
    const key = (id: number, h: Hop) => `${id}|${h.from}|${h.to}|${h.t}|${h.label}`;
    const known = new Set(ops.map((o) => o.id));
    for (const o of ops) {
      for (const h of o.hops) {
        seen.add(key(o.id, h));
        if (h.from === 'client') transport = /\(REST over tcp\)/.test(h.label) ? 'tcp' : 'unix';
      }
    }
    player.load(ops);
    const pending = buffer ?? [];
    buffer = null;
    for (const [op, hop] of pending) {
      if (known.has(op.id) && (!hop || seen.has(key(op.id, hop)))) continue;
      take(op, hop);
    }
    schedule();
  };
  try {
    const recent = source.recent();
    if (recent instanceof Promise) recent.then(loaded, () => loaded([]));
    else loaded(recent);
  } catch {
    loaded([]);
  }

  // ---- frames ------------------------------------------------------------------------------------
  function schedule(): void {
    if (!raf && !destroyed) raf = win.requestAnimationFrame(frame);
  }

  function frame(now: number): void {
    raf = 0;
    if (destroyed) return;
    if (!visible) {
      lastTime = 0;
      return;
    }
    const dt = lastTime ? Math.min(100, now - lastTime) : 16;
    lastTime = now;
    if (dirty && !fetching) refresh();
    player.tick(dt);
    const f = player.frame();
    draw(f);
    if (f.playing || dirty || fetching) schedule();
    else lastTime = 0;
  }

  function refresh(): void {
    dirty = false;
    let r: HostSnapshot | Promise<HostSnapshot>;
    try {
      r = source.snapshot();
    } catch {
      return;
    }
    if (r instanceof Promise) {
      fetching = true;
      r.then(
        (s) => {
          fetching = false;
          accept(s);
          schedule();
        },
        () => {
          fetching = false;
          schedule();
        },
      );
    } else accept(r);
  }

  function accept(s: HostSnapshot): void {
    const k = JSON.stringify(s);
    if (k === snapKey) return;
    snapKey = k;
    snapshot = s;
    for (const c of s.containers) names.set(c.id, c.name);
  }

  function draw(f: Frame): void {
    const w = Math.floor(el.diagram.clientWidth || hostEl.clientWidth || 800);
    if (w !== width) width = w;
    const step = f.step;
    const ghosts = step ? [...ghostFor(snapshot, step.hop.from, step.hop.object, names), ...ghostFor(snapshot, step.hop.to, step.hop.object, names)] : [];
    const uniqueGhosts = ghosts.filter((g, i) => ghosts.findIndex((x) => x.id === g.id) === i);
    const compact = compactOpt === 'auto' ? undefined : compactOpt;
    const key = `${snapKey}|${width}|${compact}|${uniqueGhosts.map((g) => g.id).join(',')}|${selected}|${transport}`;
    if (key !== staticKey) {
      staticKey = key;
      layout = layoutDiagram(snapshot, width, { compact, ghostShims: uniqueGhosts });
      renderStatic(layout);
      stepKey = '';
      root.classList.toggle('is-compact', layout.compact);
    }
    const sk = `${staticKey}|${f.command?.id ?? 0}|${f.index}|${f.progress >= 1}|${f.mode}|${f.playing}`;
    if (sk !== stepKey) {
      stepKey = sk;
      renderStep(f);
    }
    renderList(f);
    renderChart();
    moveToken(f);
  }

  function renderStatic(L: DiagramLayout): void {
    const active = doc.activeElement as HTMLElement | null;
    const focusCtr = active && root.contains(active) ? active.getAttribute('data-ctr') : null;
    el.diagram.innerHTML = diagramSvg(L, { transport, selected, uid });
    const svg = el.diagram.querySelector('svg')!;
    fitTexts(svg);
    overlay = {
      trail: svg.querySelector('.dsp-trail')!,
      ring: svg.querySelector('.dsp-ring')!,
      token: svg.querySelector('.dsp-token')!,
      bubble: svg.querySelector('.dsp-bubble')!,
      bubbleRect: svg.querySelector('.dsp-bubble rect')!,
      bubbleText: svg.querySelector('.dsp-bubble text')!,
    };
    bubbleFor = '';
    if (focusCtr) (svg.querySelector(`[data-ctr="${CSS.escape(focusCtr)}"]`) as SVGGElement | null)?.focus();
  }

  function renderStep(f: Frame): void {
    const svg = el.diagram.querySelector('svg');
    const cmd = f.command;
    const step = f.step;
    el.title.textContent = cmd ? cmd.title : 'Run a docker command to see it travel';
    el.pos.textContent = cmd && step ? `step ${f.index + 1} of ${cmd.steps.length}` : '';
    el.mode.textContent = f.mode === 'live' ? 'live' : f.playing ? 'replaying' : 'paused';
    el.mode.classList.toggle('is-live', f.mode === 'live');
    el.live.setAttribute('aria-pressed', String(f.mode === 'live'));
    const atEnd = !!cmd && f.index >= cmd.steps.length - 1 && f.progress >= 1;
    // Pause while something moves (live or a replay); play on from here otherwise.
    const pausing = f.mode === 'live' || f.playing;
    el.play.innerHTML = ICONS[pausing ? 'pause' : 'play'];
    el.play.setAttribute('aria-label', pausing ? 'Pause' : atEnd ? 'Play again' : 'Play on');
    el.play.title = pausing ? 'Pause' : atEnd ? 'Play again' : 'Play on from here';
    el.play.disabled = !cmd;
    el.replay.disabled = !cmd;
    el.prev.disabled = !cmd;
    el.next.disabled = !cmd;
    el.caption.setAttribute('aria-live', f.mode === 'manual' ? 'polite' : 'off');
    el.caption.innerHTML = step ? captionHtml(step.hop, f) : cmd ? '' : 'Each command’s requests will move along the arrows: docker CLI → dockerd → containerd → shim → runc.';

    if (!svg) return;
    for (const n of svg.querySelectorAll('.is-from, .is-to, .is-hot')) n.classList.remove('is-from', 'is-to', 'is-hot');
    if (step) {
      const h = step.hop;
      svg.querySelector(`[data-part="${h.from}"]`)?.classList.add('is-from');
      svg.querySelector(`[data-part="${h.to}"]`)?.classList.add('is-to');
      for (const [a, b] of WIRES) if ((a === h.from && b === h.to) || (a === h.to && b === h.from)) svg.querySelector(`[data-wire="${a}-${b}"]`)?.classList.add('is-hot');
      if (h.object) {
        const id = CSS.escape(h.object);
        svg.querySelector(`[data-ctr="${id}"]`)?.classList.add('is-hot');
        if (h.from === 'shim' || h.to === 'shim' || h.to === 'runc' || h.from === 'runc') svg.querySelector(`[data-shim="${id}"]`)?.classList.add('is-hot');
      }
      const join = /libnetwork: join (\S+)/.exec(h.label);
      if (join) svg.querySelector(`[data-network="${CSS.escape(join[1]!)}"]`)?.classList.add('is-hot');
    }
    // OCI chips at runc.
    for (const chip of svg.querySelectorAll('.dsp-oci')) chip.classList.toggle('is-on', !!f.runc?.state && chip.getAttribute('data-oci') === f.runc.state);
    const of = svg.querySelector('.dsp-oci-of');
    if (of) of.textContent = f.runc ? `of ${names.get(f.runc.object) ?? f.runc.object.slice(0, 12)}` : '';
    if (f.mode === 'live' && cmd && atEnd && !f.playing) el.sr.textContent = summary(cmd.title);
  }

  function summary(title: string): string {
    const running = snapshot.containers.filter((c) => c.status === 'running').length;
    return `${title}: done. ${running} container${running === 1 ? '' : 's'} running.`;
  }

  function captionHtml(h: Hop, f: Frame): string {
    const route = h.from === h.to ? esc(PARTS[h.from].name) : `${esc(PARTS[h.from].name)} → ${esc(PARTS[h.to].name)}`;
    let html = `<b>${route}</b>: ${esc(readableLabel(h.label))}`;
    if (h.oci && f.progress >= 1) html += ` — <span class="dsp-oci-note">OCI state: ${h.oci}</span> (${esc(OCI_MEANING[h.oci])})`;
    return html;
  }

  function renderList(f: Frame): void {
    const cmd = f.command;
    const k = `${cmd?.id ?? 0}:${cmd?.steps.length ?? 0}:${layout?.compact}`;
    if (k !== listKey) {
      const compactNow = !!layout?.compact;
      if (listKey.split(':')[2] !== String(compactNow)) el.steps.open = !compactNow;
      listKey = k;
      el.stepsSummary.textContent = cmd ? `Steps of ${cmd.title} (${cmd.steps.length})` : 'Steps';
      el.list.innerHTML = (cmd?.steps ?? [])
        .map((s, i) => {
          const h = s.hop;
          const route = h.from === h.to ? PARTS[h.from].name : `${PARTS[h.from].name} → ${PARTS[h.to].name}`;
          return `<li data-i="${i}"><button type="button" data-step="${i}"><span class="dsp-n">${i + 1}</span><span class="dsp-route">${esc(route)}${h.oci ? ` · ${h.oci}` : ''}</span><span class="dsp-what">${esc(readableLabel(h.label))}</span></button></li>`;
        })
        .join('');
    }
    const cur = el.list.querySelector('li[aria-current]');
    const want = f.index >= 0 ? el.list.querySelector(`li[data-i="${f.index}"]`) : null;
    if (cur !== want) {
      cur?.removeAttribute('aria-current');
      if (want) {
        want.setAttribute('aria-current', 'step');
        // Keep the current step in sight, unless the learner is using the list.
        const ol = el.list;
        const li = want as HTMLElement;
        const busy = ol.matches(':hover') || ol.contains(doc.activeElement);
        if (!busy && (li.offsetTop < ol.scrollTop || li.offsetTop + li.offsetHeight > ol.scrollTop + ol.clientHeight)) ol.scrollTop = li.offsetTop - ol.clientHeight / 2;
      }
    }
  }

  function renderChart(): void {
    if (!selected) {
      if (chartKey !== '') {
        chartKey = '';
        el.chart.hidden = true;
      }
      return;
    }
    const c = snapshot.containers.find((x) => x.id === selected);
    const status = c ? c.status : 'removed';
    if (lastStatus && lastStatus.id === selected && lastStatus.status !== status) taken = { from: lastStatus.status, to: status };
    lastStatus = { id: selected, status };
    const name = c?.name ?? names.get(selected) ?? selected.slice(0, 12);
    const k = `${selected}|${status}|${taken?.from}|${taken?.to}`;
    if (k === chartKey) return;
    chartKey = k;
    chart ??= layoutChart(machineGraph(containerLifecycle));
    const edgeTaken = taken && chart.edges.some((e) => e.from === taken!.from && e.to === taken!.to) ? taken : null;
    el.chart.hidden = false;
    el.chartTitle.textContent = `Lifecycle of ${name}`;
    el.chartBody.innerHTML = chartSvg(chart, { uid, current: chart.nodes.some((n) => n.id === status) ? status : null, taken: edgeTaken, name });
    el.chartNote.textContent = c ? `Now ${statusText(c)}: ${STATUS_MEANING[status] ?? status}.${status === 'removed' ? '' : ' Next it can:'}` : `${name} was removed.`;
    el.chartNext.innerHTML = nextSteps(chart, status)
      .map((x) => `<li><b>${esc(x.words)}</b> → ${esc(x.to)}</li>`)
      .join('');
  }

  function moveToken(f: Frame): void {
    if (!overlay || !layout) return;
    const o = overlay;
    const step = f.step;
    const path = step ? hopPath(layout, step.hop.from, step.hop.to, step.hop.object) : null;
    if (!step || !path) {
      o.token.style.opacity = '0';
      o.trail.style.opacity = '0';
      o.ring.style.opacity = '0';
      o.bubble.style.opacity = '0';
      return;
    }
    const h = step.hop;
    if (path.kind === 'self') {
      // Work inside one part: a pulse round it.
      const A = path.box;
      const grow = 3 + 6 * Math.sin(Math.PI * Math.min(1, f.progress));
      setBox(o.ring, { x: A.x - grow, y: A.y - grow, w: A.w + 2 * grow, h: A.h + 2 * grow });
      o.ring.style.opacity = String(f.progress >= 1 ? 0.6 : 1);
      o.token.style.opacity = '0';
      o.trail.style.opacity = '0';
    } else {
      const p = reducedMotion ? 1 : ease(f.progress);
      o.trail.setAttribute('x1', String(path.x1));
      o.trail.setAttribute('y1', String(path.y1));
      o.trail.setAttribute('x2', String(path.x2));
      o.trail.setAttribute('y2', String(path.y2));
      o.trail.style.opacity = '0.9';
      o.token.setAttribute('cx', String(path.x1 + (path.x2 - path.x1) * p));
      o.token.setAttribute('cy', String(path.y1 + (path.y2 - path.y1) * p));
      o.token.style.opacity = '1';
      o.ring.style.opacity = '0';
    }
    const text = shortLabel(h.label, layout.compact ? 28 : 36);
    const key = `${text}|${staticKey}|${f.command?.id}:${f.index}`;
    if (bubbleFor !== key) {
      bubbleFor = key;
      o.bubbleText.textContent = text;
      const tw = (o.bubbleText.getComputedTextLength?.() || text.length * 7) + 18;
      const at = bubbleAt(layout, path, tw, h.from, h.to, h.object);
      setBox(o.bubbleRect, { x: at.x, y: at.y, w: tw, h: 22 });
      o.bubbleText.setAttribute('x', String(at.x + 9));
      o.bubbleText.setAttribute('y', String(at.y + 15));
    }
    o.bubble.style.opacity = '1';
  }

  // ---- input -------------------------------------------------------------------------------------
  const act = (name: string | null | undefined, target?: Element) => {
    switch (name) {
      case 'prev':
        player.prev();
        break;
      case 'next':
        player.next();
        break;
      case 'play':
        player.toggle();
        break;
      case 'replay':
        player.replay();
        break;
      case 'live':
        player.live();
        break;
      case 'close': {
        const was = selected;
        api.select(null);
        if (was) (el.diagram.querySelector(`[data-ctr="${CSS.escape(was)}"]`) as SVGGElement | null)?.focus();
        break;
      }
      default:
        if (target?.hasAttribute('data-step')) player.jump(Number(target.getAttribute('data-step')));
        else if (target?.hasAttribute('data-ctr')) {
          const id = target.getAttribute('data-ctr')!;
          api.select(selected === id ? null : id);
        } else return;
    }
    schedule();
  };
  root.addEventListener('click', (e) => {
    const t = (e.target as Element).closest('[data-act], [data-step], [data-ctr]');
    if (!t || t.tagName === 'SELECT') return;
    act(t.getAttribute('data-act'), t);
  });
  root.addEventListener('keydown', (e) => {
    const t = e.target as Element;
    if ((e.key === 'Enter' || e.key === ' ') && t.hasAttribute('data-ctr')) {
      e.preventDefault();
      act(null, t);
      return;
    }
    if (t.tagName === 'SELECT' || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA') return;
    if (e.key === 'ArrowLeft') {
      e.preventDefault();
      act('prev');
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      act('next');
    }
  });
  el.speed.addEventListener('change', () => {
    player.setSpeed(Number(el.speed.value));
    schedule();
  });

  // Size and visibility.
  const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => schedule()) : null;
  ro?.observe(el.diagram);
  const io =
    typeof IntersectionObserver !== 'undefined'
      ? new IntersectionObserver((entries) => {
          const was = visible;
          visible = entries.some((e) => e.isIntersecting);
          if (visible && !was) {
            player.skipToLatest();
            schedule();
          }
        })
      : null;
  io?.observe(root);

  const api: Picture = {
    element: root,
    select(id) {
      selected = id;
      taken = null;
      lastStatus = null;
      if (id) {
        // Show it where the learner looks: beside the diagram on wide screens, below on phones.
        win.requestAnimationFrame(() => el.chart.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' }));
      }
      schedule();
    },
    setSpeed(speed) {
      player.setSpeed(speed);
      el.speed.value = String(player.speed);
      schedule();
    },
    setCompact(c) {
      compactOpt = c;
      schedule();
    },
    command(line) {
      player.line(line);
    },
    destroy() {
      destroyed = true;
      if (raf) win.cancelAnimationFrame(raf);
      for (const u of unsubs) u();
      ro?.disconnect();
      io?.disconnect();
      root.remove();
    },
  };
  schedule();
  return api;
}

function ease(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

function setBox(r: SVGRectElement, b: Box): void {
  r.setAttribute('x', String(b.x));
  r.setAttribute('y', String(b.y));
  r.setAttribute('width', String(Math.max(0, b.w)));
  r.setAttribute('height', String(Math.max(0, b.h)));
}
