// The lifecycle statechart is drawn from the xstate machine the daemon runs: the drawn states
// and arrows are exactly the machine's, and the lit state is the container's.

import { describe, expect, it } from 'vitest';
import { setup } from 'xstate';
import { containerLifecycle } from '../../src/sim/daemon/lifecycle';
import { layoutChart, machineGraph } from '../../web/picture/model/statechart';
import { chartSvg, nextSteps } from '../../web/picture/view/markup';

type Triple = string; // "from -EVENT-> to"

/** The machine's transitions read straight from its configuration object. */
function configTriples(config: { states?: Record<string, { on?: Record<string, unknown> }> }): Triple[] {
  const out: Triple[] = [];
  for (const [from, node] of Object.entries(config.states ?? {})) {
    for (const [event, target] of Object.entries(node.on ?? {})) {
      const targets = Array.isArray(target) ? target : [target];
      for (const t of targets) out.push(`${from} -${event}-> ${typeof t === 'string' ? t : (t as { target: string }).target}`);
    }
  }
  return out.sort();
}

/** States and transitions as drawn in the SVG markup. */
function drawn(svg: string): { states: string[]; triples: Triple[]; current: string[] } {
  const states = [...svg.matchAll(/data-state="([^"]+)"/g)].map((m) => m[1]!).sort();
  const triples: Triple[] = [];
  for (const m of svg.matchAll(/data-from="([^"]+)" data-to="([^"]+)" data-events="([^"]+)"/g)) {
    for (const ev of m[3]!.split(' ')) triples.push(`${m[1]} -${ev}-> ${m[2]}`);
  }
  const current = [...svg.matchAll(/class="dsp-st is-current[^"]*" data-state="([^"]+)"/g)].map((m) => m[1]!);
  return { states, triples: triples.sort(), current };
}

describe('lifecycle statechart', () => {
  const chart = layoutChart(machineGraph(containerLifecycle));

  it('draws every state of the container machine and nothing else', () => {
    const svg = chartSvg(chart, { uid: 't', current: null, taken: null, name: 'web' });
    const want = Object.keys(containerLifecycle.config.states!).sort();
    expect(drawn(svg).states).toEqual(want);
    expect(want).toEqual(expect.arrayContaining(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']));
  });

  it('draws every transition of the machine, each once, with its events', () => {
    const svg = chartSvg(chart, { uid: 't', current: null, taken: null, name: 'web' });
    expect(drawn(svg).triples).toEqual(configTriples(containerLifecycle.config as never));
    // One arrow per pair of states: restarting → exited carries both of its events.
    const arrows = [...svg.matchAll(/data-from="restarting" data-to="exited"/g)];
    expect(arrows).toHaveLength(1);
  });

  it('lights the current state only, and the transition just taken', () => {
    const svg = chartSvg(chart, { uid: 't', current: 'paused', taken: { from: 'running', to: 'paused' }, name: 'web' });
    expect(drawn(svg).current).toEqual(['paused']);
    expect(svg).toMatch(/class="dsp-tr is-taken" data-from="running" data-to="paused"/);
    expect([...svg.matchAll(/is-taken/g)]).toHaveLength(1);
    expect(svg).toContain('aria-current="true"');
  });

  it('follows the machine when it changes: states and arrows come from the definition', () => {
    const other = setup({}).createMachine({
      id: 'm',
      initial: 'idle',
      states: {
        idle: { on: { GO: 'busy' } },
        busy: { on: { DONE: 'idle', FAIL: 'broken', RETRY: 'busy' } },
        broken: { type: 'final' },
      },
    });
    const g = machineGraph(other);
    expect(g.states).toEqual([
      { id: 'idle', initial: true, final: false },
      { id: 'busy', initial: false, final: false },
      { id: 'broken', initial: false, final: true },
    ]);
    const svg = chartSvg(layoutChart(g), { uid: 'u', current: 'busy', taken: null, name: 'x' });
    expect(drawn(svg).states).toEqual(['broken', 'busy', 'idle']);
    expect(drawn(svg).triples).toEqual(configTriples(other.config as never));
  });

  it('places states apart, inside the drawing', () => {
    for (const a of chart.nodes) {
      expect(a.box.x).toBeGreaterThanOrEqual(0);
      expect(a.box.y).toBeGreaterThanOrEqual(0);
      expect(a.box.x + a.box.w).toBeLessThanOrEqual(chart.width);
      expect(a.box.y + a.box.h).toBeLessThanOrEqual(chart.height);
      for (const b of chart.nodes) {
        if (a === b) continue;
        const apart = a.box.x + a.box.w <= b.box.x || b.box.x + b.box.w <= a.box.x || a.box.y + a.box.h <= b.box.y || b.box.y + b.box.h <= a.box.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('says what can happen next from a state, from the machine', () => {
    expect(nextSteps(chart, 'running').map((x) => x.to).sort()).toEqual(['exited', 'paused', 'restarting']);
    expect(nextSteps(chart, 'removed')).toEqual([]);
  });
});
