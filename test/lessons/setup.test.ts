// The world a lesson starts from: setup steps as written in front matter, read and applied to a
// fresh World through the Engine API.

import { describe, expect, it } from 'vitest';
import { applySetup, parseSetup, SetupError, splitWords } from '../../src/lessons';
import { testEngine } from '../support/engine';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('parseSetup', () => {
  it('reads each kind of step, single values or lists', () => {
    expect(
      parseSetup([
        { pull: 'alpine' },
        { pull: ['nginx', 'redis:8'] },
        { run: { name: 'web', image: 'nginx', ports: ['8080:80'] } },
        { create: [{ image: 'alpine', command: "sh -c 'sleep 5'" }] },
        { stop: 'web' },
        { remove: ['web', 'db'] },
        { tag: { source: 'nginx', target: 'mine:v1' } },
        { wait: '1.5s' },
      ]),
    ).toEqual([
      { kind: 'pull', refs: ['alpine'] },
      { kind: 'pull', refs: ['nginx', 'redis:8'] },
      { kind: 'run', containers: [{ name: 'web', image: 'nginx', ports: ['8080:80'] }] },
      { kind: 'create', containers: [{ image: 'alpine', command: ['sh', '-c', 'sleep 5'] }] },
      { kind: 'stop', names: ['web'] },
      { kind: 'remove', names: ['web', 'db'] },
      { kind: 'tag', source: 'nginx', target: 'mine:v1' },
      { kind: 'wait', ms: 1500 },
    ]);
    expect(parseSetup(undefined)).toEqual([]);
    expect(parseSetup(null)).toEqual([]);
  });

  it('refuses mistakes, naming the step', () => {
    const bad: [unknown, RegExp][] = [
      [{ pull: ['a'] }, /expected a list of steps/],
      [[{ pul: ['a'] }], /setup\[0\]: unknown step "pul"/],
      [[{ pull: [] }], /setup\[0\]\.pull: expected at least one value/],
      [[{ pull: 'a', run: {} }], /exactly one kind/],
      [[{ run: { name: 'web' } }], /setup\[0\]\.run\[0\]: missing image/],
      [[{ run: { image: 'nginx', port: ['80:80'] } }], /unknown field "port"/],
      [[{ run: { image: 'nginx', ports: ['80'] } }], /ports: expected "hostPort:containerPort"/],
      [[{ run: { image: 'nginx', restart: 'sometimes' } }], /unknown restart policy/],
      [[{ tag: { source: 'nginx' } }], /expected \{ source: \.\.\., target: \.\.\. \}/],
      [[{ wait: 'soon' }], /expected a duration/],
    ];
    for (const [v, msg] of bad) expect(() => parseSetup(v), JSON.stringify(v)).toThrow(msg);
    expect(() => parseSetup([{ pul: 'a' }])).toThrow(SetupError);
  });
});

describe('applySetup', () => {
  it('builds the world through the Engine API, pulling what run needs', async () => {
    const t = testEngine();
    const start = t.world.now();
    await applySetup(
      parseSetup([
        { run: { name: 'web', image: 'alpine', command: ['sleep', '1000'], ports: ['127.0.0.1:8080:80', '9090:90/udp'], env: ['A=1'], restart: 'on-failure:2' } },
        { create: { name: 'box', image: 'alpine', command: 'echo hi' } },
        { tag: { source: 'alpine', target: 'mine:v1' } },
        { run: { name: 'gone', image: 'alpine', command: ['sleep', '1000'] } },
        { pause: 'web' },
        { remove: 'gone' },
        { wait: '30s' },
      ]),
      { world: t.world, fetch: (r) => t.api.fetch(r), yieldNow: tick },
    );
    const d = t.world.daemon();
    const web = d.findContainer('web')!;
    expect(web.status).toBe('paused');
    expect(web.config.Env).toContain('A=1');
    expect(web.hostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 2 });
    expect(web.boundPorts.map((b) => [b.hostIp, b.hostPort, b.containerPort, b.proto])).toEqual([
      ['127.0.0.1', 8080, 80, 'tcp'],
      ['0.0.0.0', 9090, 90, 'udp'],
      ['::', 9090, 90, 'udp'],
    ]);
    expect(d.findContainer('box')!.status).toBe('created');
    expect([d.findContainer('box')!.path, ...d.findContainer('box')!.args]).toEqual(['echo', 'hi']);
    expect(d.findContainer('gone')).toBeUndefined();
    expect(t.engine().images.find('mine:v1')!.id).toBe(t.engine().images.find('alpine')!.id);
    expect(t.world.now() - start).toBeGreaterThanOrEqual(30_000);
    // the setup went through the API, as a client's requests do
    expect(t.world.trace.all().some((op) => op.op === 'image.pull')).toBe(true);
    expect(d.events.recent().some((e) => e.action === 'tag')).toBe(true);
  });

  it('says which step failed', async () => {
    const t = testEngine();
    const run = (steps: unknown[]) => applySetup(parseSetup(steps), { world: t.world, fetch: (r) => t.api.fetch(r), yieldNow: tick });
    await expect(run([{ pull: 'no-such-image-here' }])).rejects.toThrow(/pull no-such-image-here: .*pull access denied/);
    await expect(run([{ stop: 'nobody' }])).rejects.toThrow(/stop nobody: 404 No such container: nobody/);
    await expect(run([{ run: [{ name: 'a1', image: 'alpine', command: 'true' }, { name: 'a1', image: 'alpine', command: 'true' }] }])).rejects.toThrow(/create a1: 409 Conflict/);
  });
});

describe('splitWords', () => {
  it('splits a command line as a shell would, without expansions', () => {
    expect(splitWords(`docker run -d --name web -p 8080:80 nginx`)).toEqual(['docker', 'run', '-d', '--name', 'web', '-p', '8080:80', 'nginx']);
    expect(splitWords(`sh -c 'echo "hi there"; exit 1'`)).toEqual(['sh', '-c', 'echo "hi there"; exit 1']);
    expect(splitWords(`echo "a \\"b\\" \\$c" d\\ e '' x#y # comment`)).toEqual(['echo', 'a "b" $c', 'd e', '', 'x#y']);
    expect(() => splitWords(`echo 'open`)).toThrow(/unterminated single quote/);
    expect(() => splitWords(`echo "open`)).toThrow(/unterminated double quote/);
  });
});
