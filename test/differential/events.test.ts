// Events: what a container's life logs, in order, with the attributes that carry meaning.

import { describe } from 'vitest';
import { create, eventsSince, mark, scenario, waitExit, type EventRec } from './harness';
import { eventsAs28 } from './texts';

/** The attributes compared: those naming things and outcomes (not timing). */
function show(e: EventRec): string {
  const a = e.attrs;
  const keys = ['name', 'image', 'exitCode', 'signal', 'container', 'type', 'driver', 'destination', 'read/write', 'propagation'];
  const attrs = keys.filter((k) => a[k] !== undefined).map((k) => `${k}=${a[k]}`);
  return `${e.Type} ${e.Action} ${e.ID} ${attrs.join(' ')}`.trim();
}

describe('differential: events', () => {
  scenario('a run: create, network connect, start, die, network disconnect, destroy', async (s, o) => {
    const t0 = await mark(s);
    const c = await create(s, 'ev', { Cmd: ['false'], Labels: { tier: 'x' } });
    o.rec('id', c.json.Id);
    const net = (await s.api('GET', '/networks/bridge')).json.Id;
    o.rec('bridge', net);
    await s.api('POST', '/containers/ev/start');
    await waitExit(s, 'ev');
    await s.api('DELETE', '/containers/ev');
    const ev = eventsAs28(s.kind, await eventsSince(s, t0));
    o.rec('events', ev.map(show));
    o.rec('labels on events', ev.filter((e) => e.Type === 'container').map((e) => e.attrs.tier));
    // 28.2 adds execDuration (whole seconds) to die events; 20.10 has none
    const dur = ev.filter((e) => e.Action === 'die').map((e) => e.attrs.execDuration);
    o.rec('execDuration on die', dur.map((d) => (s.kind === 'real' ? d === undefined : /^\d+$/.test(d ?? '')) && 'as its version has it'));
  });

  scenario('pause, unpause, restart, stop and kill of a running container', async (s, o) => {
    await create(s, 'ev2', { Cmd: ['sleep', '1000'] });
    await s.api('POST', '/containers/ev2/start');
    const t0 = await mark(s);
    await s.api('POST', '/containers/ev2/pause');
    await s.api('POST', '/containers/ev2/unpause');
    await s.api('POST', '/containers/ev2/restart?t=1');
    await s.api('POST', '/containers/ev2/kill?signal=SIGUSR2');
    await s.api('POST', '/containers/ev2/stop?t=1');
    const ev = eventsAs28(s.kind, await eventsSince(s, t0));
    o.rec('events', ev.map(show));
  });

  scenario('event filters: type, event, container, label', async (s, o) => {
    const t0 = await mark(s);
    await create(s, 'fa', { Cmd: ['true'], Labels: { team: 'a' } });
    await create(s, 'fb', { Cmd: ['true'], Labels: { team: 'b' } });
    await s.api('POST', '/containers/fa/start');
    await waitExit(s, 'fa');
    await s.sleep(300); // 20.10 releases the network after answering wait
    await s.api('POST', '/containers/fb/start');
    await waitExit(s, 'fb');
    const q = async (f: Record<string, string[]>) => (await eventsSince(s, t0, f)).map((e) => `${e.Type} ${e.Action} ${e.attrs.name ?? ''}`);
    o.rec('type=network', await q({ type: ['network'] }));
    o.rec('event=start', await q({ event: ['start'] }));
    o.rec('event=create,die', await q({ event: ['create', 'die'] }));
    o.rec('container=fb', await q({ container: ['fb'] }));
    o.rec('label=team=a', await q({ label: ['team=a'] }));
    o.rec('type=container,event=die', await q({ type: ['container'], event: ['die'] }));
    const bad = await s.api('GET', `/events?since=${t0 / 1000}&until=${s.now() / 1000}&filters=${encodeURIComponent('{"colour":["red"]}')}`);
    o.rec('unknown filter key', bad.status === 200 ? bad.text.trim().split('\n').length : bad.status);
  });
});
