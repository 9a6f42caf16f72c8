// SVG markup for the diagram and the statechart, built as strings from the layouts: pure
// functions (tests read what is drawn without a DOM), real text, titles and labels for
// assistive technology. The mounted component (picture.ts) inserts them and moves the token.

import type { DiagramLayout, PipelinePart } from '../model/layout';
import { SHIM_TOP, WIRES } from '../model/layout';
import type { ChartLayout } from '../model/statechart';
import { eventWords, OCI_MEANING, OCI_STATES, PARTS, STATUS_MEANING } from '../model/words';
import type { ContainerInfo } from '../source';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number) => String(Math.round(v * 10) / 10);

/** Cuts text to about `px` pixels at the given font size (a system sans-serif). */
export function fit(text: string, px: number, size = 12): string {
  const max = Math.max(3, Math.floor(px / (size * 0.5)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A text that must stay within `px`: cut by an estimate here, and exactly by the browser once
 * drawn (fitTexts), from the full text kept in data-full.
 */
function txt(cls: string, x: number, y: number, text: string, px: number, size: number, attrs = ''): string {
  return `<text class="${cls}" x="${n(x)}" y="${n(y)}" data-fit="${n(px)}" data-full="${esc(text)}"${attrs ? ` ${attrs}` : ''}>${esc(fit(text, px, size))}</text>`;
}

/** Cuts every data-fit text of a drawn SVG to its width, measured. */
export function fitTexts(root: ParentNode): void {
  for (const t of root.querySelectorAll<SVGTextElement>('text[data-fit]')) {
    const max = Number(t.getAttribute('data-fit'));
    const full = t.getAttribute('data-full') ?? '';
    if (t.textContent !== full) t.textContent = full;
    if (!(t.getComputedTextLength() > max)) continue;
    let lo = 1;
    let hi = full.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      t.textContent = `${full.slice(0, mid)}…`;
      if (t.getComputedTextLength() <= max) lo = mid;
      else hi = mid - 1;
    }
    t.textContent = `${full.slice(0, lo)}…`;
  }
}

function humanBytes(b: number): string {
  if (b < 1000) return `${b} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = b;
  let i = -1;
  do {
    v /= 1000;
    i++;
  } while (v >= 1000 && i < units.length - 1);
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function statusText(c: Pick<ContainerInfo, 'status' | 'exitCode'>): string {
  return c.status === 'exited' ? `exited (${c.exitCode})` : c.status;
}

export interface DiagramView {
  /** The API's transport as the client's hops name it. */
  transport: 'unix' | 'tcp';
  selected: string | null;
  /** A unique prefix for ids in this document. */
  uid: string;
}

/** The whole diagram: parts, wires, the host's objects, and an empty overlay for the token. */
export function diagramSvg(L: DiagramLayout, v: DiagramView): string {
  const out: string[] = [];
  const titleId = `${v.uid}-title`;
  out.push(
    `<svg class="dsp-svg${L.compact ? ' is-compact' : ''}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(L.width)} ${n(L.height)}" width="${n(L.width)}" height="${n(L.height)}" role="group" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">How Docker runs your commands: the docker CLI talks to dockerd, which uses containerd, a shim per container and runc; images come from Docker Hub.</title>`,
    `<defs><marker id="${v.uid}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="dsp-arrowhead"/></marker>`,
    `<pattern id="${v.uid}-shared" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="dsp-shared-bg"/><line x1="0" y1="0" x2="0" y2="6" class="dsp-shared-line"/></pattern></defs>`,
  );

  // Wires first, under the boxes.
  out.push('<g class="dsp-wires">');
  for (const [a, b] of WIRES) {
    const s = wireEnds(L, a, b);
    out.push(`<line class="dsp-wire" data-wire="${a}-${b}" x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}"/>`);
  }
  out.push('</g>');

  // The REST API, named beside the client → dockerd wire.
  const api = L.api;
  const sock = v.transport === 'tcp' ? 'TCP (docker -H tcp://…)' : 'unix socket /var/run/docker.sock';
  const ax = api.align === 'end' ? api.box.x + api.box.w : api.box.x;
  out.push(
    `<g class="dsp-api" role="img" aria-label="The REST API, over ${esc(sock)}"><title>The docker CLI sends HTTP requests (the Docker Engine REST API) to dockerd over ${esc(sock)}</title>`,
    `<text x="${n(ax)}" y="${n(api.box.y + 15)}" text-anchor="${api.align}" class="dsp-api-name">REST API</text>`,
    txt('dsp-api-via', ax, api.box.y + 32, `over ${sock}`, L.compact ? api.box.w : 260, 11, `text-anchor="${api.align}"`),
  );
  if (!L.compact) out.push(`<line class="dsp-leader" x1="${n(api.anchor.x)}" y1="${n(api.box.y + 38)}" x2="${n(api.anchor.x)}" y2="${n(api.anchor.y - 5)}"/>`);
  out.push('</g>');

  // The parts of the pipeline.
  for (const part of ['registry', 'client', 'dockerd', 'containerd', 'shim', 'runc'] as PipelinePart[]) {
    const b = L.parts[part];
    const p = PARTS[part];
    out.push(
      `<g class="dsp-part" data-part="${part}" role="img" aria-label="${esc(`${p.name}: ${p.role}`)}"><title>${esc(partHelp(part))}</title>`,
      `<rect class="dsp-box" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="10"/>`,
      `<rect class="dsp-stripe" x="${n(b.x)}" y="${n(b.y)}" width="6" height="${n(b.h)}" rx="3"/>`,
      txt('dsp-name', b.x + 16, b.y + 23, p.name, b.w - 24, 15),
      txt('dsp-role', b.x + 16, b.y + 41, p.role, b.w - 24, 12),
      '</g>',
    );
  }
  // Shim rows: one shim per running container.
  for (const s of L.shims) {
    out.push(
      `<g class="dsp-shimrow${s.ghost ? ' is-ghost' : ''}" data-shim="${esc(s.id)}"><title>${esc(s.ghost ? `The shim of ${s.name} (gone now: the container stopped)` : `The shim of ${s.name}: it holds the container's input and output and collects its exit code`)}</title>`,
      `<rect x="${n(s.box.x)}" y="${n(s.box.y)}" width="${n(s.box.w)}" height="${n(s.box.h)}" rx="5"/>`,
      `${txt('', s.box.x + 8, s.box.y + s.box.h / 2 + 4, `${s.ghost ? '(was) ' : ''}${s.name}`, s.box.w - 14, 11.5)}</g>`,
    );
  }
  if (L.shims.length === 0) {
    const b = L.parts.shim;
    out.push(txt('dsp-hint', b.x + 16, b.y + SHIM_TOP + 13, 'none: nothing running', b.w - 24, 11.5));
  }
  if (L.shimMore > 0) {
    const b = L.parts.shim;
    out.push(`<text class="dsp-hint" x="${n(b.x + 16)}" y="${n(b.y + b.h - 9)}">+${L.shimMore} more</text>`);
  }

  if (L.legend) {
    const g = L.legend;
    out.push(
      `<g class="dsp-legend-note"><circle class="dsp-legend-dot" cx="${n(g.x + 7)}" cy="${n(g.y + 9)}" r="6"/>`,
      txt('dsp-hint', g.x + 20, g.y + 13, 'Each request travels as a dot along the arrows, step by step.', g.w - 20, 11.5),
      txt('dsp-hint', g.x + 20, g.y + 33, 'Select a container below to see its lifecycle.', g.w - 20, 11.5),
      '</g>',
    );
  }

  // OCI states at runc.
  out.push(`<g class="dsp-ocis" role="list" aria-label="OCI runtime states (runc)">`);
  out.push(`<text class="dsp-oci-title" x="${n(L.oci.title.x)}" y="${n(L.oci.title.y + 13)}">OCI state <tspan class="dsp-oci-of"></tspan></text>`);
  OCI_STATES.forEach((s, i) => {
    const b = L.oci.chips[i]!;
    out.push(
      `<g class="dsp-oci" data-oci="${s}" role="listitem"><title>${esc(`${s}: ${OCI_MEANING[s]}`)}</title><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="11"/>`,
      `<text x="${n(b.x + b.w / 2)}" y="${n(b.y + b.h / 2 + 4)}" text-anchor="middle">${s}</text></g>`,
    );
  });
  out.push('</g>');

  // The host and its objects.
  const h = L.host;
  out.push(
    `<g class="dsp-hostframe"><rect class="dsp-host" x="${n(h.x)}" y="${n(h.y)}" width="${n(h.w)}" height="${n(h.h)}" rx="14"/>`,
    `<text class="dsp-host-title" x="${n(h.x + 14)}" y="${n(h.y + 24)}">${esc(L.compact ? 'On the Docker host' : 'On the Docker host — what dockerd keeps')}</text></g>`,
  );
  for (const key of ['containers', 'images', 'networks', 'volumes'] as const) {
    const s = L.sections[key];
    out.push(`<text class="dsp-section" x="${n(s.box.x)}" y="${n(s.box.y + 14)}">${esc(s.title)}</text>`);
    if (s.empty) out.push(txt('dsp-hint', s.box.x, s.box.y + 40, s.empty, s.box.w, 11.5));
    if (s.more > 0) out.push(`<text class="dsp-hint" x="${n(s.box.x + s.box.w)}" y="${n(s.box.y + 14)}" text-anchor="end">+${s.more} more</text>`);
  }

  for (const c of L.cards) {
    const b = c.box;
    const ct = c.container;
    const sel = v.selected === ct.id;
    const st = statusText(ct);
    out.push(
      `<g class="dsp-card${sel ? ' is-selected' : ''}" data-ctr="${esc(ct.id)}" data-status="${esc(ct.status)}" tabindex="0" role="button" aria-pressed="${sel}" aria-label="${esc(`Container ${ct.name}, ${st}, from image ${ct.image}. Show its lifecycle`)}">`,
      `<title>${esc(`${ct.name}: ${st} — ${STATUS_MEANING[ct.status] ?? ''}${ct.ports.length ? `; ports ${ct.ports.join(', ')}` : ''}`)}</title>`,
      `<rect class="dsp-card-box" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="9"/>`,
      txt('dsp-card-name', b.x + 10, b.y + 20, ct.name, b.w - 20, 13),
      `<circle class="dsp-dot" cx="${n(b.x + 14)}" cy="${n(b.y + 37)}" r="5"/>`,
      `<text class="dsp-card-status" x="${n(b.x + 24)}" y="${n(b.y + 41)}">${esc(st)}</text>`,
      txt('dsp-card-image', b.x + b.w - 10, b.y + 41, ct.image, Math.max(30, b.w - 40 - st.length * 7), 11, 'text-anchor="end"'),
      '</g>',
    );
  }

  // Images: their layers bottom up; a shared layer spans the images that share it.
  const selectedImage = v.selected ? L.cards.find((c) => c.container.id === v.selected)?.container.imageId : undefined;
  for (const col of L.columns) {
    const img = col.image;
    const b = col.box;
    const sel = selectedImage === img.id;
    const tagY = b.y + b.h + 15;
    out.push(
      `<g class="dsp-image${sel ? ' is-selected' : ''}" data-image="${esc(img.id)}" role="img" aria-label="${esc(`Image ${col.label}: ${img.layers.length} layer${img.layers.length === 1 ? '' : 's'}, ${humanBytes(img.size)}`)}">`,
      `<title>${esc(`${col.label}: ${img.layers.length} layers, ${humanBytes(img.size)}`)}</title>`,
      txt('dsp-tag', b.x + b.w / 2, tagY, col.label, b.w, 11.5, 'text-anchor="middle"'),
      `<text class="dsp-size" x="${n(b.x + b.w / 2)}" y="${n(tagY + 14)}" text-anchor="middle">${esc(`${img.layers.length} layer${img.layers.length === 1 ? '' : 's'} · ${humanBytes(img.size)}`)}</text>`,
      '</g>',
    );
  }
  for (const bl of L.blocks) {
    const b = bl.box;
    const owners = L.columns.slice(bl.from, bl.to + 1).map((c) => c.label);
    out.push(
      `<rect class="dsp-layer${bl.shared ? ' is-shared' : ''}" data-layer="${esc(bl.diffId)}" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="2"${bl.shared ? ` fill="url(#${v.uid}-shared)"` : ''}><title>${esc(`layer ${bl.diffId.slice(7, 19)}${bl.shared ? `, shared by ${owners.join(' and ')} (stored once)` : ''}`)}</title></rect>`,
    );
  }
  if (L.blocks.some((b) => b.shared)) {
    const ib = L.sections.images.box;
    const y = ib.y + ib.h - 6;
    out.push(
      `<g class="dsp-legend"><rect x="${n(ib.x)}" y="${n(y - 9)}" width="16" height="10" rx="2" class="dsp-layer is-shared" fill="url(#${v.uid}-shared)"/>`,
      `${txt('dsp-hint', ib.x + 22, y, 'a layer shared by images, stored once', ib.w - 22, 11.5)}</g>`,
    );
  }

  const list = (kind: 'network' | 'volume', rows: DiagramLayout['networks']) => {
    for (const r of rows) {
      const b = r.box;
      const who = r.members.length ? r.members.join(', ') : 'no containers';
      out.push(
        `<g class="dsp-${kind}" data-${kind}="${esc(r.name)}" role="img" aria-label="${esc(`${kind} ${r.name} (${r.detail}): ${who}`)}"><title>${esc(`${kind} ${r.name} (${r.detail}): ${who}`)}</title>`,
        `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="${kind === 'network' ? 11 : 4}"/>`,
        `<text class="dsp-row-name" x="${n(b.x + 10)}" y="${n(b.y + 15)}">${esc(fit(r.name, b.w * 0.5, 12))}<tspan class="dsp-row-kind"> ${esc(r.detail)}</tspan></text>`,
        txt(`dsp-row-detail${r.members.length ? '' : ' is-empty'}`, b.x + b.w - 8, b.y + 15, r.members.length ? r.members.join(', ') : '–', b.w * 0.4, 11, 'text-anchor="end"'),
        '</g>',
      );
    }
  };
  list('network', L.networks);
  list('volume', L.volumes);

  // The token and what it carries (moved by the component).
  out.push(
    `<g class="dsp-overlay" aria-hidden="true"><line class="dsp-trail" x1="0" y1="0" x2="0" y2="0" marker-end="url(#${v.uid}-arrow)"/><rect class="dsp-ring" x="0" y="0" width="0" height="0" rx="12"/>`,
    '<circle class="dsp-token" cx="-20" cy="-20" r="7"/><g class="dsp-bubble"><rect x="0" y="0" width="0" height="22" rx="11"/><text x="0" y="0"></text></g></g>',
  );
  out.push('</svg>');
  return out.join('');
}

function partHelp(part: PipelinePart): string {
  switch (part) {
    case 'client':
      return 'The docker command you type. It turns each command into HTTP requests to dockerd.';
    case 'dockerd':
      return 'dockerd, the Docker daemon: it answers the API, keeps images, containers, networks and volumes, and asks containerd to run containers.';
    case 'containerd':
      return 'containerd: prepares the container’s filesystem and starts a shim for it.';
    case 'shim':
      return 'containerd-shim-runc-v2: one per container. It calls runc, stays as the container’s parent, holds its input/output and exit code, so containers keep running when dockerd restarts.';
    case 'runc':
      return 'runc, the OCI runtime: it creates the container (namespaces, cgroups, mounts), starts its program, and exits.';
    case 'registry':
      return 'Docker Hub, a registry: dockerd downloads image manifests and layers from it (docker pull).';
  }
}

function wireEnds(L: DiagramLayout, a: PipelinePart, b: PipelinePart) {
  const A = L.parts[a];
  const B = L.parts[b];
  if (!L.compact && A.y === B.y) {
    const y = A.y + 30;
    return A.x < B.x ? { x1: A.x + A.w, y1: y, x2: B.x, y2: y } : { x1: A.x, y1: y, x2: B.x + B.w, y2: y };
  }
  const ca = { x: A.x + A.w / 2, y: A.y + A.h / 2 };
  const cb = { x: B.x + B.w / 2, y: B.y + B.h / 2 };
  if (Math.abs(ca.y - cb.y) < 1) return ca.x < cb.x ? { x1: A.x + A.w, y1: ca.y, x2: B.x, y2: ca.y } : { x1: A.x, y1: ca.y, x2: B.x + B.w, y2: ca.y };
  return ca.y < cb.y ? { x1: ca.x, y1: A.y + A.h, x2: ca.x, y2: B.y } : { x1: ca.x, y1: A.y, x2: ca.x, y2: B.y + B.h };
}

export interface ChartView {
  uid: string;
  /** The state to light, or null. */
  current: string | null;
  /** The transition just taken, lit for a moment. */
  taken: { from: string; to: string } | null;
  name: string;
}

/** The lifecycle statechart with the current state lit. */
export function chartSvg(C: ChartLayout, v: ChartView): string {
  const out: string[] = [];
  const titleId = `${v.uid}-chart-title`;
  out.push(
    `<svg class="dsp-chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(C.width)} ${n(C.height)}" role="group" aria-labelledby="${titleId}">`,
    `<title id="${titleId}">${esc(`Lifecycle of container ${v.name}${v.current ? `: now ${v.current}` : ''}`)}</title>`,
    `<defs><marker id="${v.uid}-carrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="dsp-arrowhead"/></marker>`,
    `<marker id="${v.uid}-carrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="dsp-arrowhead-hot"/></marker></defs>`,
  );
  if (C.start) {
    const init = C.nodes.find((s) => s.initial)!;
    out.push(`<circle class="dsp-start" cx="${n(C.start.x)}" cy="${n(C.start.y)}" r="5"/><line class="dsp-tr-line" x1="${n(C.start.x)}" y1="${n(C.start.y + 5)}" x2="${n(C.start.x)}" y2="${n(init.box.y - 1)}" marker-end="url(#${v.uid}-carrow)"/>`);
  }
  for (const e of C.edges) {
    const taken = !!v.taken && v.taken.from === e.from && v.taken.to === e.to;
    const words = e.events.map(eventWords).join(' / ');
    out.push(
      `<g class="dsp-tr${taken ? ' is-taken' : ''}" data-from="${e.from}" data-to="${e.to}" data-events="${e.events.join(' ')}"><title>${esc(`${e.from} → ${e.to}: ${words}`)}</title>`,
      `<path class="dsp-tr-line" d="${e.d}" marker-end="url(#${v.uid}-carrow${taken ? '-hot' : ''})"/>`,
      `<text class="dsp-tr-label" x="${n(e.label.x)}" y="${n(e.label.y)}" text-anchor="${e.label.anchor}">${esc(words)}</text></g>`,
    );
  }
  for (const s of C.nodes) {
    const b = s.box;
    const on = v.current === s.id;
    out.push(
      `<g class="dsp-st${on ? ' is-current' : ''}${s.final ? ' is-final' : ''}" data-state="${s.id}"${on ? ' aria-current="true"' : ''}><title>${esc(`${s.id}: ${STATUS_MEANING[s.id] ?? ''}${on ? ' (now)' : ''}`)}</title>`,
      `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="${s.final ? 17 : 8}"/>`,
      s.final ? `<rect class="dsp-st-inner" x="${n(b.x + 3)}" y="${n(b.y + 3)}" width="${n(b.w - 6)}" height="${n(b.h - 6)}" rx="14"/>` : '',
      `<text x="${n(b.x + b.w / 2)}" y="${n(b.y + b.h / 2 + 5)}" text-anchor="middle">${esc(s.id)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

/** What can happen next from a state, in words: "pause → paused". */
export function nextSteps(C: ChartLayout, state: string): { words: string; to: string }[] {
  return C.edges.filter((e) => e.from === state).map((e) => ({ words: e.events.map(eventWords).join(' / '), to: e.to }));
}
