// Where everything goes in the diagram, for a given width, as plain numbers (no DOM), so the
// view only draws and tests can check the geometry. Units are CSS pixels: the SVG is drawn at
// 1:1 so text stays readable whatever the width.
//
// Wide: the pipeline reads left to right (docker CLI → dockerd → containerd → shim → runc) with
// Docker Hub above dockerd; the host's objects below. Compact (phones): the pipeline reads top
// to bottom in a column, Docker Hub and runc's OCI states beside it, the objects stacked below.

import type { Component, ContainerInfo, HostSnapshot, ImageInfo } from '../source';
import { layerBlocks, orderImages, type LayerBlock } from './layers';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type PipelinePart = 'client' | 'dockerd' | 'containerd' | 'shim' | 'runc' | 'registry';
export const PIPELINE: readonly PipelinePart[] = ['client', 'dockerd', 'containerd', 'shim', 'runc', 'registry'];

/** The wires drawn between the parts. */
export const WIRES: readonly [PipelinePart, PipelinePart][] = [
  ['client', 'dockerd'],
  ['dockerd', 'registry'],
  ['dockerd', 'containerd'],
  ['containerd', 'shim'],
  ['shim', 'runc'],
];

export interface ShimRow {
  /** Container id. */
  id: string;
  name: string;
  /** Drawn dashed: the shim of a container shown by a replayed hop, gone now. */
  ghost: boolean;
  box: Box;
}

export interface ImageColumn {
  image: ImageInfo;
  box: Box;
  /** The column's label (first tag, or <none>). */
  label: string;
}

export interface BlockBox extends LayerBlock {
  box: Box;
  shared: boolean;
}

export interface CardBox {
  container: ContainerInfo;
  box: Box;
}

export interface ListRow {
  name: string;
  detail: string;
  members: string[];
  box: Box;
}

export interface Section {
  title: string;
  box: Box;
  /** Shown when the section has nothing: "No containers yet". */
  empty: string | null;
  /** "+3 more" when not everything fits. */
  more: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  compact: boolean;
  parts: Record<PipelinePart, Box>;
  /** Where the REST API's words go, and the point on the client → dockerd wire they name. */
  api: { box: Box; anchor: { x: number; y: number }; align: 'start' | 'end' };
  shims: ShimRow[];
  shimMore: number;
  /** One box per OCI state, in OCI_STATES order: inside runc's box (wide) or beside it (compact). */
  oci: { title: Box; chips: Box[] };
  /** Where a short how-to-read note goes (wide only: the room under the first parts). */
  legend: Box | null;
  host: Box;
  sections: { containers: Section; images: Section; networks: Section; volumes: Section };
  cards: CardBox[];
  columns: ImageColumn[];
  blocks: BlockBox[];
  networks: ListRow[];
  volumes: ListRow[];
}

export interface LayoutOptions {
  /** Force the phone layout (default: when narrower than WIDE_MIN). */
  compact?: boolean;
  /** Containers whose shim is drawn although it is gone (a replayed hop names them). */
  ghostShims?: readonly { id: string; name: string }[];
}

export const WIDE_MIN = 820;
const M = 16;
const BOX_H = 60;
const ROW_H = 22;
const MAX_SHIMS = 4;
/** Where the shim rows start inside the shim box (below its name and role). */
export const SHIM_TOP = 52;
const CHIP_H = 22;
const CHIP_GAP = 4;
const CARD_H = 54;
const CARD_W = 168;

/** Docker's task states with a shim alive: a running or paused container has one. */
export function hasShim(status: string): boolean {
  return status === 'running' || status === 'paused';
}

export function layoutDiagram(snap: HostSnapshot, width: number, opts: LayoutOptions = {}): DiagramLayout {
  const compact = opts.compact ?? width < WIDE_MIN;
  const W = Math.max(compact ? 300 : WIDE_MIN, Math.round(width));
  const shimList = shimRowsOf(snap, opts.ghostShims ?? []);
  const shown = shimList.slice(0, MAX_SHIMS);
  const shimMore = shimList.length - shown.length;
  const shimH = Math.max(BOX_H, SHIM_TOP + Math.max(1, shown.length + (shimMore > 0 ? 1 : 0)) * ROW_H + 6);

  const parts = {} as Record<PipelinePart, Box>;
  let api: DiagramLayout['api'];
  let oci: DiagramLayout['oci'];
  let bottom: number;
  let legend: Box | null = null;

  if (!compact) {
    const gapApi = clamp(W * 0.11, 90, 150);
    const gap = clamp(W * 0.03, 28, 48);
    const colW = Math.min(210, (W - 2 * M - gapApi - 3 * gap) / 5);
    const rowW = 5 * colW + gapApi + 3 * gap;
    const x0 = (W - rowW) / 2;
    const topY = M;
    const pipeY = topY + 56 + 40;
    const xs = [x0, x0 + colW + gapApi];
    for (let i = 2; i < 5; i++) xs.push(xs[i - 1]! + colW + gap);
    parts.client = { x: xs[0]!, y: pipeY, w: colW, h: BOX_H };
    parts.dockerd = { x: xs[1]!, y: pipeY, w: colW, h: BOX_H };
    parts.containerd = { x: xs[2]!, y: pipeY, w: colW, h: BOX_H };
    parts.shim = { x: xs[3]!, y: pipeY, w: colW, h: shimH };
    // runc shows the OCI states inside its box.
    const chipsY = pipeY + 70;
    parts.runc = { x: xs[4]!, y: pipeY, w: colW, h: 70 + 5 * (CHIP_H + CHIP_GAP) + 6 };
    parts.registry = { x: xs[1]!, y: topY, w: colW, h: 56 };
    const wireY = pipeY + BOX_H / 2;
    api = {
      box: { x: xs[0]! + colW * 0.35, y: topY + 8, w: xs[1]! - 10 - (xs[0]! + colW * 0.35), h: 48 },
      anchor: { x: xs[0]! + colW + gapApi / 2, y: wireY },
      align: 'end',
    };
    oci = { title: { x: xs[4]! + 16, y: chipsY - 20, w: colW - 24, h: 18 }, chips: chipBoxes(xs[4]! + 12, chipsY, colW - 24, 'column') };
    bottom = Math.max(pipeY + shimH, parts.runc.y + parts.runc.h);
    legend = { x: xs[0]!, y: pipeY + BOX_H + 34, w: xs[2]! + colW - xs[0]!, h: 44 };
  } else {
    // A column of parts, with Docker Hub and runc's states beside it; centred when there is room.
    const leftW = Math.min(300, Math.round((W - 2 * M) * 0.54));
    const rightW = Math.min(200, W - 2 * M - leftW - 26);
    const x0 = M + Math.max(0, (W - 2 * M - (leftW + 26 + rightW)) / 2);
    const rightX = x0 + leftW + 26;
    const h = 56;
    let y = M;
    parts.client = { x: x0, y, w: leftW, h };
    y += h + 50;
    parts.dockerd = { x: x0, y, w: leftW, h };
    parts.registry = { x: rightX, y, w: rightW, h };
    y += h + 32;
    parts.containerd = { x: x0, y, w: leftW, h };
    y += h + 32;
    parts.shim = { x: x0, y, w: leftW, h: shimH };
    y += shimH + 32;
    parts.runc = { x: x0, y, w: leftW, h };
    const midX = x0 + leftW / 2;
    api = { box: { x: midX + 12, y: parts.client.y + h + 4, w: W - M - (midX + 12), h: 42 }, anchor: { x: midX, y: parts.client.y + h + 25 }, align: 'start' };
    const chipsY = y - 40;
    oci = { title: { x: rightX, y: chipsY - 22, w: rightW, h: 18 }, chips: chipBoxes(rightX, chipsY, rightW, 'column') };
    bottom = Math.max(y + h, chipsY + 5 * (CHIP_H + CHIP_GAP));
  }

  // Shim rows inside the shim box.
  const sb = parts.shim;
  const shims: ShimRow[] = shown.map((s, i) => ({ ...s, box: { x: sb.x + 10, y: sb.y + SHIM_TOP + i * ROW_H, w: sb.w - 18, h: ROW_H - 4 } }));

  // The host and its objects.
  const hostY = bottom + 30;
  const inner = { x: M + 12, y: hostY + 38, w: W - 2 * M - 24 };
  const objects = layoutObjects(snap, inner, compact);
  const host: Box = { x: M, y: hostY, w: W - 2 * M, h: objects.bottom - hostY + 14 };
  return { width: W, height: host.y + host.h + M, compact, parts, api, shims, shimMore, oci, legend, host, ...objects.parts };
}

function shimRowsOf(snap: HostSnapshot, ghosts: readonly { id: string; name: string }[]): Omit<ShimRow, 'box'>[] {
  const rows: Omit<ShimRow, 'box'>[] = snap.containers.filter((c) => hasShim(c.status)).map((c) => ({ id: c.id, name: c.name, ghost: false }));
  for (const g of ghosts) if (!rows.some((r) => r.id === g.id)) rows.unshift({ id: g.id, name: g.name, ghost: true });
  return rows;
}

function chipBoxes(x: number, y: number, w: number, dir: 'column' | 'row'): Box[] {
  const out: Box[] = [];
  for (let i = 0; i < 5; i++) {
    if (dir === 'column') out.push({ x, y: y + i * (CHIP_H + CHIP_GAP), w, h: CHIP_H });
    else {
      const cw = (w - 4 * CHIP_GAP) / 5;
      out.push({ x: x + i * (cw + CHIP_GAP), y, w: cw, h: CHIP_H });
    }
  }
  return out;
}

interface ObjectsLayout {
  bottom: number;
  parts: Pick<DiagramLayout, 'sections' | 'cards' | 'columns' | 'blocks' | 'networks' | 'volumes'>;
}

function layoutObjects(snap: HostSnapshot, inner: { x: number; y: number; w: number }, compact: boolean): ObjectsLayout {
  const gap = 22;
  let boxes: { containers: Box; images: Box; networks: Box; volumes: Box };
  if (!compact) {
    const cw = Math.round(inner.w * 0.4);
    const iw = Math.round(inner.w * 0.33);
    const nw = inner.w - cw - iw - 2 * gap;
    boxes = {
      containers: { x: inner.x, y: inner.y, w: cw, h: 0 },
      images: { x: inner.x + cw + gap, y: inner.y, w: iw, h: 0 },
      networks: { x: inner.x + cw + iw + 2 * gap, y: inner.y, w: nw, h: 0 },
      volumes: { x: inner.x + cw + iw + 2 * gap, y: inner.y, w: nw, h: 0 },
    };
  } else if (inner.w >= 540) {
    // Two columns: containers and images, then networks and volumes.
    const half = (inner.w - gap) / 2;
    const left = (): Box => ({ x: inner.x, y: inner.y, w: half, h: 0 });
    const right = (): Box => ({ x: inner.x + half + gap, y: inner.y, w: half, h: 0 });
    boxes = { containers: left(), images: right(), networks: left(), volumes: right() };
  } else {
    const full = (): Box => ({ x: inner.x, y: 0, w: inner.w, h: 0 });
    boxes = { containers: full(), images: full(), networks: full(), volumes: full() };
  }
  const stacked = compact && inner.w < 540;

  // Containers: cards in a grid.
  const cards: CardBox[] = [];
  const cb = boxes.containers;
  cb.y = inner.y;
  const perRow = Math.max(1, Math.floor((cb.w + 10) / (CARD_W + 10)));
  const cardW = Math.min(CARD_W * 1.25, (cb.w - (perRow - 1) * 10) / perRow);
  const maxCards = perRow * 6;
  const ctrs = snap.containers.slice(0, maxCards);
  ctrs.forEach((c, i) => {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    cards.push({ container: c, box: { x: cb.x + col * (cardW + 10), y: cb.y + 24 + row * (CARD_H + 10), w: cardW, h: CARD_H } });
  });
  const cardRows = Math.ceil(ctrs.length / perRow);
  cb.h = 24 + Math.max(1, cardRows) * (CARD_H + 10) - 10 + (snap.containers.length > maxCards ? 18 : 0);
  if (ctrs.length === 0) cb.h = 24 + 26;

  // Images: stacks of layers.
  const ib = boxes.images;
  if (stacked) ib.y = cb.y + cb.h + gap;
  const colW = 84;
  const colGap = 6;
  const maxCols = Math.max(1, Math.floor((ib.w + colGap) / (colW + colGap)));
  const ordered = orderImages(snap.images);
  const shownImages = ordered.slice(0, maxCols);
  const maxLayers = Math.max(1, ...shownImages.map((i) => i.layers.length));
  const layerH = maxLayers <= 8 ? 12 : Math.max(5, Math.floor(96 / maxLayers));
  const stackH = maxLayers * layerH;
  const baseY = ib.y + 26 + stackH;
  const columns: ImageColumn[] = shownImages.map((image, i) => ({
    image,
    label: image.tags[0] ?? '<none>',
    box: { x: ib.x + i * (colW + colGap), y: baseY - image.layers.length * layerH, w: colW, h: image.layers.length * layerH },
  }));
  const blocks: BlockBox[] = layerBlocks(shownImages).map((b) => ({
    ...b,
    shared: b.to > b.from,
    box: {
      x: ib.x + b.from * (colW + colGap),
      y: baseY - (b.depth + 1) * layerH,
      w: (b.to - b.from + 1) * colW + (b.to - b.from) * colGap,
      h: layerH - 1,
    },
  }));
  const shares = layerBlocks(shownImages).some((b) => b.to > b.from);
  ib.h = shownImages.length === 0 ? 24 + 26 : 26 + stackH + 36 + (shares ? 20 : 0);

  // Networks and volumes: rows with the containers on them.
  const names = new Map(snap.containers.map((c) => [c.id, c.name]));
  const nb = boxes.networks;
  nb.y = !compact ? inner.y : stacked ? ib.y + ib.h + gap : Math.max(cb.y + cb.h, ib.y + ib.h) + gap;
  const networks: ListRow[] = snap.networks.map((n, i) => ({
    name: n.name,
    detail: n.driver === n.name || n.driver === 'null' ? '' : n.driver,
    members: snap.containers.filter((c) => c.networks.includes(n.name)).map((c) => names.get(c.id) ?? c.id),
    box: { x: nb.x, y: nb.y + 24 + i * 26, w: nb.w, h: 22 },
  }));
  nb.h = 24 + Math.max(1, networks.length) * 26;
  const vb = boxes.volumes;
  vb.y = compact && !stacked ? nb.y : nb.y + nb.h + gap;
  const vols = snap.volumes.slice(0, 8);
  const volumes: ListRow[] = vols.map((v, i) => ({
    name: v.anonymous ? `${v.name.slice(0, 12)}…` : v.name,
    detail: v.anonymous ? 'anonymous' : '',
    members: snap.containers.filter((c) => c.volumes.includes(v.name)).map((c) => c.name),
    box: { x: vb.x, y: vb.y + 24 + i * 26, w: vb.w, h: 22 },
  }));
  vb.h = 24 + Math.max(1, volumes.length) * 26 + (snap.volumes.length > vols.length ? 16 : 0);

  const bottom = Math.max(cb.y + cb.h, ib.y + ib.h, nb.y + nb.h, vb.y + vb.h);
  const section = (title: string, box: Box, empty: string, count: number, shownCount: number): Section => ({
    title,
    box,
    empty: count === 0 ? empty : null,
    more: count - shownCount,
  });
  return {
    bottom,
    parts: {
      sections: {
        containers: section('Containers', cb, 'No containers yet — try docker run', snap.containers.length, ctrs.length),
        images: section('Images (stacks of layers)', ib, 'No images yet — try docker pull', snap.images.length, shownImages.length),
        networks: section('Networks', nb, 'No networks', snap.networks.length, networks.length),
        volumes: section('Volumes', vb, 'No volumes yet', snap.volumes.length, vols.length),
      },
      cards,
      columns,
      blocks,
      networks,
      volumes,
    },
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Where a hop starts or ends: a part of the pipeline, a container's shim row or its card. */
export function anchorOf(layout: DiagramLayout, component: Component, object?: string): Box | null {
  if (component === 'shim' && object) {
    const row = layout.shims.find((s) => s.id === object);
    if (row) return row.box;
  }
  if (component === 'container') {
    const card = object ? layout.cards.find((c) => c.container.id === object) : undefined;
    if (card) return card.box;
    const row = object ? layout.shims.find((s) => s.id === object) : undefined;
    return row?.box ?? layout.parts.shim;
  }
  if ((PIPELINE as readonly string[]).includes(component)) return layout.parts[component as PipelinePart];
  return null;
}

/** The straight segment between two boxes, from border to border. */
export function segment(a: Box, b: Box): { x1: number; y1: number; x2: number; y2: number } {
  const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const p1 = clip(a, ca, cb);
  const p2 = clip(b, cb, ca);
  return { x1: p1.x, y1: p1.y, x2: p2.x, y2: p2.y };
}

/** Where the line from the box's centre towards `to` leaves the box. */
function clip(box: Box, c: { x: number; y: number }, to: { x: number; y: number }): { x: number; y: number } {
  const dx = to.x - c.x;
  const dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export type HopPath = { kind: 'move'; x1: number; y1: number; x2: number; y2: number } | { kind: 'self'; box: Box };

/** The way a hop's token goes: along the wire between two parts, or a pulse round one. */
export function hopPath(layout: DiagramLayout, from: Component, to: Component, object?: string): HopPath | null {
  const A = anchorOf(layout, from, object);
  const B = anchorOf(layout, to, object);
  if (!A || !B) return null;
  if (A === B || (A.x === B.x && A.y === B.y && A.w === B.w)) return { kind: 'self', box: A };
  // Parts side by side in the wide row: along their wire, at the height of the first row of text.
  if (!layout.compact && A.y === B.y && A.y === layout.parts.client.y) {
    const y = A.y + 30;
    return A.x < B.x ? { kind: 'move', x1: A.x + A.w, y1: y, x2: B.x, y2: y } : { kind: 'move', x1: A.x, y1: y, x2: B.x + B.w, y2: y };
  }
  return { kind: 'move', ...segment(A, B) };
}

/** Where the label of the hop goes: under a sideways move, beside an upright one, above a pulse. */
export function bubbleAt(layout: DiagramLayout, path: HopPath, textW: number, from: Component, to: Component, object?: string): { x: number; y: number } {
  const h = 22;
  let x: number;
  let y: number;
  if (path.kind === 'self') {
    x = path.box.x + path.box.w / 2 - textW / 2;
    y = path.box.y - h - 6;
  } else if (from === 'container' || to === 'container') {
    // Between a container and its shim: under the shim's box, out of the way of the long arrow.
    const s = layout.parts.shim;
    x = s.x + s.w / 2 - textW / 2;
    y = s.y + s.h + 8;
  } else if (Math.abs(path.x2 - path.x1) >= Math.abs(path.y2 - path.y1)) {
    // Below two short boxes, else above them (tall ones: the shim with its rows, runc).
    const A = anchorOf(layout, from, object)!;
    const B = anchorOf(layout, to, object)!;
    const top = Math.min(A.y, B.y);
    const below = Math.max(A.y + A.h, B.y + B.h);
    x = (path.x1 + path.x2) / 2 - textW / 2;
    y = below - top <= 72 ? below + 8 : top - h - 8;
  } else {
    x = (path.x1 + path.x2) / 2 + 12;
    y = (path.y1 + path.y2) / 2 - h / 2;
  }
  return { x: Math.max(4, Math.min(layout.width - textW - 4, x)), y: Math.max(2, y) };
}

/** Containers named by a hop that have no shim drawn now (for ghost rows while replaying). */
export function ghostFor(snap: HostSnapshot, component: Component, object: string | undefined, names: ReadonlyMap<string, string>): { id: string; name: string }[] {
  if (!object || (component !== 'shim' && component !== 'runc' && component !== 'container')) return [];
  const c = snap.containers.find((x) => x.id === object);
  if (c && hasShim(c.status)) return [];
  return [{ id: object, name: c?.name ?? names.get(object) ?? object.slice(0, 12) }];
}
