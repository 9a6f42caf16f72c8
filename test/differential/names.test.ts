// Names and references: valid and invalid names, duplicates, renames, unknown ids and id prefixes.

import { describe } from 'vitest';
import { create, eventsSince, inspect, scenario } from './harness';
import { ambiguousPrefix } from './texts';

describe('differential: names and references', () => {
  scenario('container names: bad characters, too short, duplicates; the name in inspect', async (s, o) => {
    for (const name of ['a', '-dash', '.dot', 'has space', 'slash/inside', 'é', 'ok_name-1.2', '/with-slash', 'x9']) {
      const r = await create(s, name, { Cmd: ['true'] });
      o.error(`create ${JSON.stringify(name)}`, r);
    }
    o.rec('names', (await s.api('GET', '/containers/json?all=1')).json.map((c: { Names: string[] }) => c.Names).sort());
    o.error('duplicate', await create(s, 'ok_name-1.2', { Cmd: ['true'] }));
    o.error('duplicate with slash', await create(s, '/x9', { Cmd: ['true'] }));
    o.rec('inspect Name', (await inspect(s, 'with-slash')).json.Name);
  });

  scenario('rename: to a free name, to a taken name, to the same name, to a bad name, to nothing; events', async (s, o) => {
    const t0 = s.now();
    await create(s, 'r1', { Cmd: ['true'] });
    await create(s, 'r2', { Cmd: ['true'] });
    o.error('rename to free', await s.api('POST', '/containers/r1/rename?name=r3'));
    o.rec('old name', (await inspect(s, 'r1')).status);
    o.rec('new name', (await inspect(s, 'r3')).json?.Name);
    o.error('rename to taken', await s.api('POST', '/containers/r3/rename?name=r2'));
    o.error('rename to same', await s.api('POST', '/containers/r3/rename?name=r3'));
    o.error('rename to bad', await s.api('POST', '/containers/r3/rename?name=-x'));
    o.error('rename to empty', await s.api('POST', '/containers/r3/rename?name='));
    o.error('rename unknown', await s.api('POST', '/containers/nosuch/rename?name=zz'));
    o.error('rename unknown to empty', await s.api('POST', '/containers/nosuch/rename?name='));
    o.error('rename to slash-bad', await s.api('POST', '/containers/r3/rename?name=/.x'));
    const ev = await eventsSince(s, t0, { event: ['rename'] });
    o.rec('rename events', ev.map((e) => ({ Type: e.Type, Action: e.Action, ID: e.ID, attrs: { name: e.attrs.name, oldName: e.attrs.oldName } })));
  });

  scenario('unknown ids, empty and ambiguous prefixes, unique prefixes, names that look like ids', async (s, o) => {
    o.error('inspect unknown', await inspect(s, 'nosuch'));
    o.error('start unknown', await s.api('POST', '/containers/nosuch/start'));
    o.error('stop unknown', await s.api('POST', '/containers/nosuch/stop'));
    o.error('rm unknown', await s.api('DELETE', '/containers/nosuch'));
    o.error('logs unknown', await s.api('GET', '/containers/nosuch/logs?stdout=1'));
    o.error('wait unknown', await s.api('POST', '/containers/nosuch/wait'));
    // 17 containers: two of them share a first hex digit
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) ids.push((await create(s, `p${i}`, { Cmd: ['true'] })).json.Id);
    const first = new Map<string, string[]>();
    for (const id of ids) first.set(id[0]!, [...(first.get(id[0]!) ?? []), id]);
    const [prefix] = [...first.entries()].find(([, v]) => v.length > 1)!;
    o.error('ambiguous prefix', await inspect(s, prefix), ambiguousPrefix(prefix));
    o.error('ambiguous prefix on start', await s.api('POST', `/containers/${prefix}/start`), ambiguousPrefix(prefix));
    const uniq = ids.find((id) => !ids.some((o2) => o2 !== id && o2.startsWith(id.slice(0, 4))))!;
    o.rec('unique 4-char prefix', (await inspect(s, uniq.slice(0, 4))).json?.Id === uniq);
    o.rec('full id', (await inspect(s, uniq)).json?.Name);
    // a name made of hex digits wins over an id prefix
    const c = await create(s, ids[0]!.slice(0, 6), { Cmd: ['true'] });
    o.rec('hex name', (await inspect(s, ids[0]!.slice(0, 6))).json?.Id === c.json.Id);
  });
});
