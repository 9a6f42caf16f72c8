// A container's lifecycle statechart, read from the xstate machine the daemon runs
// (src/sim/daemon/lifecycle.ts): its states and transitions come from the machine's definition,
// so the drawing changes when the machine does. Only the placement is chosen here; a state the
// placement does not know goes in an extra row.

import type { AnyStateMachine } from 'xstate';
import type { Box } from './layout';

export interface ChartState {
  id: string;
  initial: boolean;
  final: boolean;
}

export interface ChartTransition {
  from: string;
  to: string;
  /** Event types that take this path (several events can share one arrow). */
  events: string[];
}

export interface ChartGraph {
  states: ChartState[];
  transitions: ChartTransition[];
}

/** States and transitions of a flat machine, in definition order. */
export function machineGraph(machine: AnyStateMachine): ChartGraph {
  const root = machine.root;
  const initial = root.initial?.target?.[0]?.key;
  const states: ChartState[] = [];
  const transitions: ChartTransition[] = [];
  for (const node of Object.values(root.states)) {
    states.push({ id: node.key, initial: node.key === initial, final: node.type === 'final' });
    for (const [event, defs] of Object.entries(node.on)) {
      for (const def of defs) {
        for (const target of def.target ?? []) {
          const existing = transitions.find((t) => t.from === node.key && t.to === target.key);
          if (existing) existing.events.push(event);
          else transitions.push({ from: node.key, to: target.key, events: [event] });
        }
      }
    }
  }
  return { states, transitions };
}

/** Grid places (column, row) for the container lifecycle: top to bottom, no two arrows cross. */
const PLACES: Record<string, [number, number]> = {
  created: [1, 0],
  paused: [0, 1],
  running: [1, 1],
  restarting: [2, 1],
  exited: [1, 2],
  removing: [1, 3],
  dead: [2, 3],
  removed: [1, 4],
};

/** Arrows that would cut through other states go round the left. */
const AROUND_LEFT = new Set(['created→removing']);

export interface ChartNode extends ChartState {
  box: Box;
}

export interface ChartEdge extends ChartTransition {
  /** SVG path data. */
  d: string;
  /** Where the label sits, and which end of the text is there. */
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export interface ChartLayout {
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
  /** The dot the initial arrow starts from. */
  start: { x: number; y: number } | null;
}

const CELL_W = 170;
const CELL_H = 80;
const NODE_W = 124;
const NODE_H = 34;
const PAD_X = 40;
const PAD_Y = 30;

export function layoutChart(graph: ChartGraph): ChartLayout {
  const places = new Map<string, [number, number]>();
  let extraRow = Math.max(...Object.values(PLACES).map((p) => p[1])) + 1;
  let extraCol = 0;
  for (const s of graph.states) {
    const p = PLACES[s.id];
    if (p) places.set(s.id, p);
    else {
      places.set(s.id, [extraCol, extraRow]);
      if (++extraCol > 2) {
        extraCol = 0;
        extraRow++;
      }
    }
  }
  const used = [...places.values()];
  const cols = Math.max(...used.map((p) => p[0])) + 1;
  const rows = Math.max(...used.map((p) => p[1])) + 1;
  const nodes: ChartNode[] = graph.states.map((s) => {
    const [c, r] = places.get(s.id)!;
    return { ...s, box: { x: PAD_X + c * CELL_W + (CELL_W - NODE_W) / 2, y: PAD_Y + r * CELL_H + (CELL_H - NODE_H) / 2, w: NODE_W, h: NODE_H } };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const leftmost = Math.min(...nodes.map((n) => n.box.x));
  const centroid = { x: nodes.reduce((s, n) => s + n.box.x + n.box.w / 2, 0) / nodes.length, y: nodes.reduce((s, n) => s + n.box.y + n.box.h / 2, 0) / nodes.length };
  const pairs = new Set(graph.transitions.map((t) => `${t.from}→${t.to}`));
  const edges: ChartEdge[] = graph.transitions.map((t) => {
    const a = byId.get(t.from)!.box;
    const b = byId.get(t.to)!.box;
    const key = `${t.from}→${t.to}`;
    if (t.from === t.to) return { ...t, ...loop(a) };
    if (AROUND_LEFT.has(key)) return { ...t, ...aroundLeft(a, b, leftmost - 22) };
    const paired = pairs.has(`${t.to}→${t.from}`);
    return { ...t, ...arc(a, b, paired ? 14 : 0, centroid) };
  });
  const init = nodes.find((n) => n.initial);
  const start = init ? { x: init.box.x + init.box.w / 2, y: init.box.y - 22 } : null;
  return { width: PAD_X + cols * CELL_W + 10, height: PAD_Y + rows * CELL_H + 6, nodes, edges, start };
}

function centre(b: Box) {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
}

/** Where the line from the box's centre in direction (dx, dy) meets its border. */
function border(b: Box, dx: number, dy: number) {
  const c = centre(b);
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

type Anchor = 'start' | 'middle' | 'end';
type Label = { x: number; y: number; anchor: Anchor };

/**
 * A straight arrow, or a gentle curve to one side when the reverse arrow exists too. Labels of
 * sideways arrows sit above or below the row of states; a lone arrow's label goes on the side
 * away from the middle of the chart.
 */
function arc(a: Box, b: Box, bend: number, centroid: { x: number; y: number }): { d: string; label: Label } {
  const ca = centre(a);
  const cb = centre(b);
  const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
  // Unit normal, to the left of the direction of travel.
  let nx = (cb.y - ca.y) / len;
  let ny = -(cb.x - ca.x) / len;
  const shift = { x: nx * bend * 0.6, y: ny * bend * 0.6 };
  const p1 = border({ ...a, x: a.x + shift.x, y: a.y + shift.y }, cb.x - ca.x, cb.y - ca.y);
  const p2 = border({ ...b, x: b.x + shift.x, y: b.y + shift.y }, ca.x - cb.x, ca.y - cb.y);
  const mid = { x: (p1.x + p2.x) / 2 + nx * bend, y: (p1.y + p2.y) / 2 + ny * bend };
  const d = bend === 0 ? `M${f(p1.x)},${f(p1.y)} L${f(p2.x)},${f(p2.y)}` : `M${f(p1.x)},${f(p1.y)} Q${f(mid.x)},${f(mid.y)} ${f(p2.x)},${f(p2.y)}`;
  const m = { x: (p1.x + p2.x) / 2, y: (p1.y + p2.y) / 2 };
  if (bend === 0 && (m.x - centroid.x) * nx + (m.y - centroid.y) * ny < 0) {
    nx = -nx;
    ny = -ny;
  }
  const sideways = Math.abs(ny) > 0.7;
  const off = sideways ? 27 : bend / 2 + 9;
  const anchor: Anchor = nx > 0.5 ? 'start' : nx < -0.5 ? 'end' : 'middle';
  return { d, label: { x: m.x + nx * off, y: m.y + ny * off + 4, anchor } };
}

/** Out of the left side, down the margin, into the target's left side, with round corners. */
function aroundLeft(a: Box, b: Box, xl: number): { d: string; label: Label } {
  const p1 = { x: a.x, y: a.y + a.h / 2 };
  const p2 = { x: b.x, y: b.y + b.h / 2 };
  const r = 10;
  const d = `M${f(p1.x)},${f(p1.y)} H${f(xl + r)} Q${f(xl)},${f(p1.y)} ${f(xl)},${f(p1.y + r)} V${f(p2.y - r)} Q${f(xl)},${f(p2.y)} ${f(xl + r)},${f(p2.y)} H${f(p2.x)}`;
  return { d, label: { x: xl - 6, y: (p1.y + p2.y) / 2 + 4, anchor: 'end' } };
}

function loop(a: Box): { d: string; label: Label } {
  const x = a.x + a.w;
  const y = a.y + a.h / 2;
  return { d: `M${f(x)},${f(y - 8)} C${f(x + 36)},${f(y - 30)} ${f(x + 36)},${f(y + 30)} ${f(x)},${f(y + 8)}`, label: { x: x + 40, y: y + 4, anchor: 'start' } };
}

function f(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}
