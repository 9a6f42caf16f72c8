// Model-based tests: the container lifecycle machine is the model; every transition it allows
// is driven through the Engine API against a fresh simulated host, and the container's
// State.Status must follow the model at every step.

import { describe, expect, it } from 'vitest';
import { getNextSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { containerLifecycle, type LifecycleEvent } from '../../src/sim/daemon/lifecycle';
import { testEngine, type TestEngine } from '../support/engine';

type Step = { event: LifecycleEvent; to: string };

function transitions(): { path: Step[]; event: LifecycleEvent; from: string; to: string }[] {
  const out: { path: Step[]; event: LifecycleEvent; from: string; to: string }[] = [];
  const paths = getShortestPaths(containerLifecycle);
  const types: LifecycleEvent['type'][] = ['START', 'EXIT', 'EXIT_RESTART', 'RESTART', 'CANCEL_RESTART', 'PAUSE', 'UNPAUSE', 'REMOVE', 'REMOVED', 'REMOVE_FAILED'];
  for (const p of paths) {
    const snap = p.state;
    const from = String(snap.value);
    const steps: Step[] = p.steps.slice(1).map((s) => ({ event: s.event as LifecycleEvent, to: String(s.state.value) }));
    for (const type of types) {
      const event = { type } as LifecycleEvent;
      if (!snap.can(event)) continue;
      const next = getNextSnapshot(containerLifecycle, snap, event);
      out.push({ path: steps, event, from, to: String(next.value) });
    }
  }
  return out;
}

const ALL = transitions();

/** Drives one model event on container `id` of engine `t`; `next` is the event that follows. */
async function drive(t: TestEngine, id: string, step: Step, next: Step | undefined): Promise<void> {
  const c = () => t.engine().containers.get(id);
  switch (step.event.type) {
    case 'START':
      expect((await t.call('POST', `/containers/${id}/start`)).status).toBe(204);
      return;
    case 'EXIT':
      if (c().status === 'restarting') {
        // a restart that cannot start: its host port was taken during the back-off
        const b = await t.json('POST', '/containers/create', { Image: 'debian:bookworm', Cmd: ['sleep', '1000'], HostConfig: { PortBindings: { '80/tcp': [{ HostPort: '8080' }] } } });
        expect((await t.call('POST', `/containers/${b.body.Id}/start`)).status).toBe(204);
        await t.advance(c().restartDelay);
        return;
      }
      expect((await t.call('POST', `/containers/${id}/kill`)).status).toBe(204);
      return;
    case 'EXIT_RESTART':
      await t.advance(1000); // `sleep 1` ends by itself; the policy "always" restarts it
      return;
    case 'RESTART':
      await t.advance(c().restartDelay);
      return;
    case 'CANCEL_RESTART':
      expect((await t.call('POST', `/containers/${id}/stop`)).status).toBe(204);
      return;
    case 'PAUSE':
      expect((await t.call('POST', `/containers/${id}/pause`)).status).toBe(204);
      return;
    case 'UNPAUSE':
      expect((await t.call('POST', `/containers/${id}/unpause`)).status).toBe(204);
      return;
    case 'REMOVE': {
      const fail = next?.event.type === 'REMOVE_FAILED';
      if (fail) expect((await t.sim('POST', '/_sim/faults', { failNextRemoval: true })).status).toBe(200);
      const r = await t.json('DELETE', `/containers/${id}`);
      if (fail) {
        expect(r.status).toBe(500);
        expect(r.body.message).toMatch(/^cannot remove container ".+": unable to remove filesystem: /);
      } else expect(r.status).toBe(204);
      return;
    }
    case 'REMOVED':
    case 'REMOVE_FAILED':
      return; // the second half of a removal: observed after REMOVE
  }
}

async function observed(t: TestEngine, id: string): Promise<string> {
  const r = await t.json('GET', `/containers/${id}/json`);
  if (r.status === 404) return 'removed';
  return r.body.State.Status;
}

describe('container lifecycle, model-based', () => {
  it('the model has every Docker state and every transition is covered below', () => {
    const states = new Set(ALL.flatMap((x) => [x.from, x.to]));
    expect([...states].sort()).toEqual(['created', 'dead', 'exited', 'paused', 'removed', 'removing', 'restarting', 'running']);
    expect(ALL.length).toBeGreaterThanOrEqual(15);
  });

  for (const tr of ALL) {
    it(`${tr.from} --${tr.event.type}--> ${tr.to}`, async () => {
      const t = testEngine({ step: 10 });
      await t.pull('debian:bookworm');
      const created = await t.json('POST', '/containers/create', {
        Image: 'debian:bookworm',
        Cmd: ['sleep', '1'],
        HostConfig: { RestartPolicy: { Name: 'always' }, PortBindings: { '80/tcp': [{ HostPort: '8080' }] } },
      });
      expect(created.status).toBe(201);
      const id = created.body.Id as string;
      const steps = [...tr.path, { event: tr.event, to: tr.to }];
      for (let i = 0; i < steps.length; i++) {
        const s = steps[i]!;
        await drive(t, id, s, steps[i + 1]);
        const want = s.to === 'removing' ? (steps[i + 1]?.to ?? 'removed') : s.to;
        expect(await observed(t, id), `after ${s.event.type}`).toBe(want);
      }
    });
  }
});
