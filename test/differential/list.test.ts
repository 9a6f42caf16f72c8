// GET /containers/json with its filters, and POST /containers/prune.

import { describe } from 'vitest';
import { create, scenario, type Obs, type Side } from './harness';
import { filterBadExited, filterBadJson, filterBadStatus, filterNoSuchContainer, filterUnknownKey, networkModeAs28, type TextPair } from './texts';

/** docker ps's Status column, without the durations that differ by nature. */
function statusClass(s: string): string {
  return s.replace(/^Up .*?( \(Paused\))?$/, 'Up$1').replace(/^(Exited \(\d+\)) .*$/, '$1');
}

/** A list query that must fail: status and message (28.2's text on docksim). */
async function listError(s: Side, o: Obs, label: string, query: string, pair: TextPair): Promise<void> {
  o.error(label, await s.api('GET', `/containers/json${query}`), pair);
}

async function names(s: Side, query: string): Promise<unknown> {
  const r = await s.api('GET', `/containers/json${query}`);
  if (r.status !== 200) return { status: r.status, message: r.json?.message };
  return (r.json as { Names: string[] }[]).map((c) => c.Names[0]);
}

/** Five containers, one per state; made in this order (the list shows newest first). */
async function zoo(s: Side): Promise<void> {
  await create(s, 'z_created', { Cmd: ['true'], Labels: { app: 'web', tier: 'front' } });
  await create(s, 'z_exit0', { Cmd: ['true'], Labels: { app: 'web' } });
  await s.api('POST', '/containers/z_exit0/start');
  await create(s, 'z_exit1', { Cmd: ['false'], Labels: { app: 'db' } });
  await s.api('POST', '/containers/z_exit1/start');
  await create(s, 'z_running', { Cmd: ['sleep', '1000'], Labels: { app: 'db', tier: 'back' } });
  await s.api('POST', '/containers/z_running/start');
  await create(s, 'z_paused', { Cmd: ['sleep', '1000'] });
  await s.api('POST', '/containers/z_paused/start');
  await s.api('POST', '/containers/z_paused/pause');
  await create(s, 'z_killed', { Cmd: ['sleep', '1000'] });
  await s.api('POST', '/containers/z_killed/start');
  await s.api('POST', '/containers/z_killed/kill');
  await s.until(async () => (await s.api('GET', '/containers/z_exit1/json')).json.State.Status === 'exited', 5000);
}

describe('differential: container list and prune', () => {
  scenario('list: running only by default, all, and the summary fields', async (s, o) => {
    await zoo(s);
    o.rec('default', await names(s, ''));
    o.rec('all', await names(s, '?all=1'));
    o.rec('limit=2', await names(s, '?limit=2'));
    const all = (await s.api('GET', '/containers/json?all=1')).json as Record<string, any>[];
    o.rec(
      'summaries',
      all.map((c) => ({
        Names: c.Names,
        Image: c.Image,
        Command: c.Command,
        State: c.State,
        Status: statusClass(c.Status),
        Labels: c.Labels,
        Ports: c.Ports,
        Mounts: c.Mounts,
        NetworkMode: networkModeAs28(s.kind, c.HostConfig?.NetworkMode),
        Networks: Object.keys(c.NetworkSettings?.Networks ?? {}),
        ImageIdIsSha: /^sha256:[0-9a-f]{64}$/.test(c.ImageID),
      })),
    );
  });

  scenario('list filters: status, exited, name, label, id', async (s, o) => {
    await zoo(s);
    for (const st of ['created', 'running', 'paused', 'exited', 'restarting', 'dead']) o.rec(`status=${st}`, await names(s, `?filters=${encodeURIComponent(JSON.stringify({ status: [st] }))}`));
    o.rec('status=running,paused', await names(s, `?filters=${encodeURIComponent(JSON.stringify({ status: ['running', 'paused'] }))}`));
    for (const code of ['0', '1', '137']) o.rec(`exited=${code}`, await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ exited: [code] }))}`));
    o.rec('exited without all', await names(s, `?filters=${encodeURIComponent(JSON.stringify({ exited: ['0'] }))}`));
    o.rec('name=exit', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ name: ['exit'] }))}`));
    o.rec('name=^/z_p', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ name: ['^/z_p'] }))}`));
    o.rec('name=z_exit0$', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ name: ['z_exit0$'] }))}`));
    o.rec('label=app', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ label: ['app'] }))}`));
    o.rec('label=app=db', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ label: ['app=db'] }))}`));
    o.rec('label=app=web,tier', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ label: ['app=web', 'tier'] }))}`));
    const id = (await s.api('GET', '/containers/z_running/json')).json.Id as string;
    o.rec('id prefix', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ id: [id.slice(0, 8)] }))}`));
    o.rec('map form', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ status: { exited: true } }))}`));
  });

  scenario('list filters: ancestor, before, since, and bad filters', async (s, o) => {
    await zoo(s);
    for (const a of ['mini', 'mini:latest', 'nosuch']) o.rec(`ancestor=${a}`, await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ ancestor: [a] }))}`));
    const img = (await s.api('GET', '/images/mini:latest/json')).json.Id as string;
    o.rec('ancestor=image id', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ ancestor: [img] }))}`));
    o.rec('before=z_running', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ before: ['z_running'] }))}`));
    o.rec('since=z_exit1', await names(s, `?all=1&filters=${encodeURIComponent(JSON.stringify({ since: ['z_exit1'] }))}`));
    o.rec('since=z_exit1 running', await names(s, `?filters=${encodeURIComponent(JSON.stringify({ since: ['z_exit1'] }))}`));
    await listError(s, o, 'before=nosuch', `?all=1&filters=${encodeURIComponent(JSON.stringify({ before: ['nosuch'] }))}`, filterNoSuchContainer('nosuch'));
    await listError(s, o, 'status=bogus', `?filters=${encodeURIComponent(JSON.stringify({ status: ['bogus'] }))}`, filterBadStatus('bogus'));
    await listError(s, o, 'exited=abc', `?all=1&filters=${encodeURIComponent(JSON.stringify({ exited: ['abc'] }))}`, filterBadExited('abc'));
    await listError(s, o, 'unknown key', `?filters=${encodeURIComponent(JSON.stringify({ colour: ['red'] }))}`, filterUnknownKey('colour'));
    await listError(s, o, 'bad json', `?filters=${encodeURIComponent('{"status":')}`, filterBadJson);
  });

  scenario('prune removes stopped containers only, with label and until filters', async (s, o) => {
    await zoo(s);
    const ids = async () => Object.fromEntries(((await s.api('GET', '/containers/json?all=1')).json as { Id: string; Names: string[] }[]).map((c) => [c.Id, c.Names[0]]));
    const byId = await ids();
    const pruned = async (filters?: unknown) => {
      const r = await s.api('POST', `/containers/prune${filters ? `?filters=${encodeURIComponent(JSON.stringify(filters))}` : ''}`);
      if (r.status !== 200) return { status: r.status, message: r.json?.message };
      return { deleted: ((r.json.ContainersDeleted ?? []) as string[]).map((id) => byId[id]).sort(), SpaceReclaimed: typeof r.json.SpaceReclaimed };
    };
    o.rec('label=app=db', await pruned({ label: ['app=db'] }));
    o.rec('label!=app', await pruned({ 'label!': ['app'] }));
    o.rec('until=1h', await pruned({ until: ['1h'] }));
    o.rec('all', await pruned());
    o.rec('again', await pruned());
    o.rec('left', Object.values(await ids()).sort());
    o.error('bad filter', await s.api('POST', `/containers/prune?filters=${encodeURIComponent(JSON.stringify({ status: ['exited'] }))}`), filterUnknownKey('status'));
  });
});
