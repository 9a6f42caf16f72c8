import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine, type TestEngine } from '../support/engine';

const lines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));
const auth = (u: object) => Buffer.from(JSON.stringify(u)).toString('base64url');

describe('push, login and a registry container', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = testEngine();
    await t.pull('alpine');
    await t.pull('registry:3');
    const c = await t.json('POST', '/containers/create?name=reg', { Image: 'registry:3', HostConfig: { PortBindings: { '5000/tcp': [{ HostPort: '5000' }] } } });
    expect(c.status).toBe(201);
    expect((await t.call('POST', '/containers/reg/start')).status).toBe(204);
    await t.advance(100);
  });

  it('pushes to localhost:5000: every layer pushed, then the manifest digest; a second push finds them there', async () => {
    expect((await t.call('POST', '/images/alpine/tag?repo=localhost:5000/myalpine&tag=v1')).status).toBe(201);
    const res = await t.call('POST', '/images/localhost:5000/myalpine/push?tag=v1', undefined, { 'x-registry-auth': auth({}) });
    expect(res.status).toBe(200);
    const msgs = lines(await t.drain(res));
    expect(msgs[0]).toEqual({ status: 'The push refers to repository [localhost:5000/myalpine]' });
    expect(msgs.some((m) => m.status === 'Preparing')).toBe(true);
    expect(msgs.some((m) => m.status === 'Pushed')).toBe(true);
    const done = msgs.find((m) => /^v1: digest: sha256:[0-9a-f]{64} size: \d+$/.test(m.status ?? ''));
    expect(done).toBeDefined();
    expect(msgs.at(-1).aux.Tag).toBe('v1');
    const again = lines(await t.drain(await t.call('POST', '/images/localhost:5000/myalpine/push?tag=v1')));
    expect(again.filter((m) => m.id).every((m) => ['Preparing', 'Layer already exists'].includes(m.status))).toBe(true);
    const ins = await t.json('GET', '/images/localhost:5000/myalpine:v1/json');
    expect(ins.body.RepoDigests).toContain(`localhost:5000/myalpine@${msgs.at(-1).aux.Digest}`);
  });

  it('serves what was pushed: the catalog over HTTP, and a pull after the local copy is gone', async () => {
    const cat = await t.sim('POST', '/_sim/http', { url: 'http://localhost:5000/v2/_catalog' });
    expect(cat.body.ok).toBe(true);
    expect(JSON.parse(cat.body.response.body)).toEqual({ repositories: ['myalpine'] });
    await t.call('DELETE', '/images/localhost:5000/myalpine:v1');
    const pull = lines(await t.pull('localhost:5000/myalpine:v1'));
    expect(pull.at(-1).status).toBe('Status: Downloaded newer image for localhost:5000/myalpine:v1');
    const logs = await t.call('GET', '/containers/reg/logs?stdout=1&stderr=1');
    expect(new TextDecoder().decode(await logs.arrayBuffer())).toContain('"GET /v2/_catalog HTTP/1.1" 200');
  });

  it('refuses a push to a repository that has no tag here, and to Docker Hub without the right login', async () => {
    const none = lines(await t.drain(await t.call('POST', '/images/localhost:5000/nothing/push?tag=latest')));
    expect(none.at(-1).error).toBe('An image does not exist locally with the tag: localhost:5000/nothing:latest');
    await t.call('POST', '/images/alpine/tag?repo=learner/app&tag=1');
    const anon = lines(await t.drain(await t.call('POST', '/images/learner/app/push?tag=1')));
    expect(anon.at(-1).error).toBe('denied: requested access to the resource is denied');
    const login = await t.json('POST', '/auth', { username: 'learner', password: 'secret', serveraddress: 'https://index.docker.io/v1/' });
    expect(login.body).toEqual({ Status: 'Login Succeeded', IdentityToken: '' });
    const ok = lines(await t.drain(await t.call('POST', '/images/learner/app/push?tag=1', undefined, { 'x-registry-auth': auth({ username: 'learner', password: 'secret' }) })));
    expect(ok.some((m) => /^Mounted from library\/alpine$/.test(m.status ?? ''))).toBe(true);
    expect(ok.at(-1).aux.Tag).toBe('1');
  });

  it('is gone when the registry container stops', async () => {
    await t.call('POST', '/containers/reg/stop?t=1');
    const r = await t.json('POST', '/images/create?fromImage=localhost:5000/myalpine&tag=v1');
    expect(r.status).toBe(404);
    expect(r.body.message).toMatch(/connection refused/);
  });
});
