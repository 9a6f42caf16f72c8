// Image tags and removal: tag, untag, the conflicts containers cause (stopped: must force;
// running: cannot be forced), several repositories, and the events.

import { describe } from 'vitest';
import { create, eventsSince, mark, scenario, type Side } from './harness';
import { imageInspectMissing, tagBadTag, tagEventName, tagUppercase } from './texts';

async function tags(s: Side): Promise<string[]> {
  const list = (await s.api('GET', '/images/json')).json as { RepoTags: string[] | null }[];
  return list.flatMap((i) => i.RepoTags ?? []).filter((t) => !t.startsWith('busybox:')).sort();
}

/** docksim pulled busybox:latest and tagged it mini:latest; the real daemon only has mini. */
async function dropBusybox(s: Side): Promise<void> {
  if (s.kind === 'sim') await s.api('DELETE', '/images/busybox:latest');
}

describe('differential: images', () => {
  scenario('tag: new names for the same image; bad names; unknown images', async (s, o) => {
    await dropBusybox(s);
    const id = (await s.api('GET', '/images/mini:latest/json')).json.Id as string;
    o.rec('id', id);
    o.status('tag mini:v2', await s.api('POST', '/images/mini:latest/tag?repo=mini&tag=v2'));
    o.status('tag other/repo', await s.api('POST', '/images/mini/tag?repo=other/repo'));
    o.status('tag by id', await s.api('POST', `/images/${id.slice(7, 19)}/tag?repo=byid&tag=x`));
    o.rec('tags', await tags(s));
    o.rec('same image', (await s.api('GET', '/images/other/repo:latest/json')).json.Id === id);
    o.rec('RepoTags', ((await s.api('GET', '/images/mini:v2/json')).json.RepoTags as string[]).sort());
    o.error('tag upper case', await s.api('POST', '/images/mini/tag?repo=UPPER'), tagUppercase('UPPER'));
    o.error('tag bad tag', await s.api('POST', '/images/mini/tag?repo=ok&tag=-bad'), tagBadTag);
    o.error('tag unknown', await s.api('POST', '/images/nosuch/tag?repo=x&tag=y'));
    o.error('inspect unknown', await s.api('GET', '/images/nosuch/json'), imageInspectMissing('nosuch', 'nosuch:latest'));
  });

  scenario('delete: a tag of several goes alone (Untagged); the last one with a stopped container is a conflict unless forced', async (s, o) => {
    await dropBusybox(s);
    const id = (await s.api('GET', '/images/mini:latest/json')).json.Id as string;
    o.rec('id', id);
    const t0 = await mark(s);
    await s.api('POST', '/images/mini/tag?repo=mini&tag=v2');
    o.rec('delete v2', (await s.api('DELETE', '/images/mini:v2')).json);
    const c = await create(s, 'user1', { Cmd: ['true'] });
    o.rec('container', c.json.Id);
    o.error('delete last tag, stopped user', await s.api('DELETE', '/images/mini:latest'));
    o.error('delete by id, stopped user', await s.api('DELETE', `/images/${id}`));
    await s.api('POST', '/images/mini/tag?repo=again');
    o.error('delete by id, two repos', await s.api('DELETE', `/images/${id}`));
    o.rec('delete one of two tags', (await s.api('DELETE', '/images/again:latest')).json);
    o.rec('force delete last tag, stopped user', (await s.api('DELETE', '/images/mini:latest?force=1')).json);
    const img = (await s.api('GET', `/images/${id}/json`)).json;
    o.rec('image kept without tags', { RepoTags: img.RepoTags, Id: img.Id });
    o.rec('container Image field', (await s.api('GET', '/containers/user1/json')).json.Config.Image);
    o.rec('list shows <none>', ((await s.api('GET', '/images/json')).json as { Id: string; RepoTags: string[] | null }[]).filter((i) => i.Id === id).map((i) => i.RepoTags));
    const ev = await eventsSince(s, t0, { type: ['image'] });
    o.rec('events', ev.map((e) => `${e.Action} ${e.ID} ${e.Action === 'tag' ? tagEventName(s.kind, e.attrs.name ?? '') : (e.attrs.name ?? '')}`));
  });

  scenario('delete with a running container: refused even with force', async (s, o) => {
    await dropBusybox(s);
    const id = (await s.api('GET', '/images/mini:latest/json')).json.Id as string;
    o.rec('id', id);
    const c = await create(s, 'runner', { Cmd: ['sleep', '1000'] });
    o.rec('container', c.json.Id);
    await s.api('POST', '/containers/runner/start');
    o.error('delete tag', await s.api('DELETE', '/images/mini:latest'));
    o.error('force delete by id', await s.api('DELETE', `/images/${id}?force=1`));
    o.rec('force delete tag', (await s.api('DELETE', '/images/mini:latest?force=1')).json);
    o.rec('tags after', await tags(s));
    await s.api('POST', '/images/' + id + '/tag?repo=mini&tag=latest');
    await s.api('DELETE', '/containers/runner?force=1');
    o.rec('delete after rm', ((await s.api('DELETE', '/images/mini:latest')).json as Record<string, string>[]).map((r) => Object.keys(r)[0]));
    o.error('delete unknown', await s.api('DELETE', '/images/mini:latest'));
  });
});
