// Volumes: named and anonymous, Mounts in inspect, copy-up of the image's content into an empty
// volume (and nocopy), data shared between containers, rm -v, volume removal while in use, prune.

import { describe } from 'vitest';
import { create, eventsSince, inspect, mark, scenario, waitExit, type Side } from './harness';

const sh = (script: string, extra: Record<string, unknown> = {}) => ({ Cmd: ['sh', '-c', script], ...extra });

/** A mount as compared: the Source only by its tail under the data root. */
function mount(m: Record<string, unknown>): Record<string, unknown> {
  const src = String(m.Source ?? '');
  const i = src.indexOf('/volumes/');
  return { ...m, Source: i >= 0 ? `…${src.slice(i)}` : src };
}

async function volumeNames(s: Side): Promise<string[]> {
  return (((await s.api('GET', '/volumes')).json.Volumes ?? []) as { Name: string }[]).map((v) => v.Name).sort();
}

async function output(s: Side, name: string, config: Record<string, unknown>): Promise<string> {
  await create(s, name, config);
  await s.api('POST', `/containers/${name}/start`);
  await waitExit(s, name);
  const res = await s.open('GET', `/containers/${name}/logs?stdout=1&stderr=1`);
  const bytes = await s.read(res);
  let out = '';
  for (let i = 0; i + 8 <= bytes.length; ) {
    const len = new DataView(bytes.buffer, bytes.byteOffset + i + 4, 4).getUint32(0);
    out += new TextDecoder().decode(bytes.subarray(i + 8, i + 8 + len));
    i += 8 + len;
  }
  return out;
}

describe('differential: volumes', () => {
  scenario('a named volume: created on first use, Mounts in inspect, events, the volume itself', async (s, o) => {
    const t0 = await mark(s);
    const c = await create(s, 'v1', { Cmd: ['true'], HostConfig: { Binds: ['data:/data'] } });
    o.rec('id', c.json.Id);
    const i = (await inspect(s, 'v1')).json;
    o.rec('Mounts', i.Mounts.map(mount));
    o.rec('HostConfig.Binds', i.HostConfig.Binds);
    o.rec('Config.Volumes', i.Config.Volumes);
    const v = (await s.api('GET', '/volumes/data')).json;
    o.rec('volume', { Name: v.Name, Driver: v.Driver, Scope: v.Scope, Mountpoint: mount({ Source: v.Mountpoint }).Source, Options: v.Options });
    o.rec('volume Labels', v.Labels ?? {}); // 20.10 writes null, 28.2 {}
    const ev = await eventsSince(s, t0, { type: ['volume'] });
    o.rec('events', ev.map((e) => `${e.Action} ${e.ID} ${e.attrs.driver ?? ''}`));
    await s.api('POST', '/containers/v1/start');
    await waitExit(s, 'v1');
    const ev2 = await eventsSince(s, t0, { type: ['volume'] });
    o.rec('events after run', ev2.map((e) => `${e.Action} ${e.ID} ${e.attrs.container ?? ''} ${e.attrs.destination ?? ''} ${e.attrs['read/write'] ?? ''}`));
    o.rec('read-only', (await create(s, 'v1ro', { Cmd: ['true'], HostConfig: { Binds: ['data:/data:ro'] } })).status);
    o.rec('read-only Mounts', (await inspect(s, 'v1ro')).json.Mounts.map(mount));
  });

  scenario(
    'copy-up: an empty volume gets the image content at its mount point; nocopy leaves it empty; data is shared',
    async (s, o) => {
      o.rec('copied', await output(s, 'cu1', sh('head -n 1 /etc/passwd; ls /etc | grep -c passwd', { HostConfig: { Binds: ['etcvol:/etc'] } })));
      o.rec('seen from another mount point', await output(s, 'cu2', sh('head -n 1 /mnt/passwd', { HostConfig: { Binds: ['etcvol:/mnt'] } })));
      o.rec('nocopy', await output(s, 'cu3', sh('ls -A /etc | wc -l', { HostConfig: { Binds: ['emptyvol:/etc:nocopy'] } })));
      o.rec('written', await output(s, 'cu4', sh('echo hello > /data/f; echo ok', { HostConfig: { Binds: ['shared:/data'] } })));
      o.rec('read back', await output(s, 'cu5', sh('cat /data/f', { HostConfig: { Binds: ['shared:/data'] } })));
      o.rec('not copied into a non-empty volume', await output(s, 'cu6', sh('ls /etc', { HostConfig: { Binds: ['shared:/etc'] } })));
    },
    { shell: true },
  );

  scenario('anonymous volumes: from Config.Volumes, removed by rm -v, kept by rm; named ones always kept', async (s, o) => {
    await create(s, 'an1', { Cmd: ['true'], Volumes: { '/anon': {} }, HostConfig: { Binds: ['named:/named'] } });
    const m = (await inspect(s, 'an1')).json.Mounts as Record<string, unknown>[];
    const anon = m.find((x) => x.Destination === '/anon')!;
    o.rec('anonymous name', anon.Name);
    o.rec('Mounts', m.map(mount).sort((a, b) => String(a.Destination).localeCompare(String(b.Destination))));
    const av = (await s.api('GET', `/volumes/${anon.Name}`)).json;
    // volume/service/service.go: 28.2 labels the volumes it names itself
    o.versioned('anonymous volume labels', av.Labels, { v20: null, v28: { 'com.docker.volume.anonymous': '' } });
    o.rec('volumes', await volumeNames(s));
    o.status('rm -v', await s.api('DELETE', '/containers/an1?v=1'));
    o.rec('after rm -v', await volumeNames(s));
    await create(s, 'an2', { Cmd: ['true'], Volumes: { '/anon': {} } });
    const anon2 = ((await inspect(s, 'an2')).json.Mounts as { Name: string }[])[0]!.Name;
    o.rec('anonymous name 2', anon2);
    o.status('rm', await s.api('DELETE', '/containers/an2'));
    o.rec('after rm', await volumeNames(s));
  });

  scenario('removing a volume in use is refused; unused ones go; prune takes anonymous ones only by default', async (s, o) => {
    const id = (await create(s, 'u1', { Cmd: ['true'], HostConfig: { Binds: ['busy:/data'] } })).json.Id as string;
    o.rec('id', id);
    o.error('rm busy', await s.api('DELETE', '/volumes/busy'));
    o.error('rm unknown', await s.api('DELETE', '/volumes/nosuch'));
    o.status('create volume', await s.api('POST', '/volumes/create', { Name: 'spare' }));
    o.status('rm spare', await s.api('DELETE', '/volumes/spare'));
    await s.api('DELETE', '/containers/u1');
    await create(s, 'u2', { Cmd: ['true'], Volumes: { '/a': {} } });
    await s.api('DELETE', '/containers/u2');
    const vols = await volumeNames(s);
    o.rec('volumes before prune', vols.length);
    const p = (await s.api('POST', '/volumes/prune')).json;
    // the daemon walks its volumes in no set order: compared as a set
    o.rec('pruned', (p.VolumesDeleted ?? []).map((n: string) => (n === 'busy' ? n : '(anonymous)')).sort());
    o.rec('left', await volumeNames(s));
    const all = await s.api('POST', `/volumes/prune?filters=${encodeURIComponent(JSON.stringify({ all: ['true'] }))}`);
    o.note(`prune all=true: ${all.status} ${all.text}`);
    // the all filter exists since API 1.42 (28.2 sets it itself for older clients)
    o.versioned('prune with all filter', { status: all.status, deleted: all.json?.VolumesDeleted ?? null }, { v20: { status: 400, deleted: null }, v28: { status: 200, deleted: null } });
  });
});
