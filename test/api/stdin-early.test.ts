// docker run -i: the client attaches (with stdin) before the start; what it sends then, and its
// end of input, reach the main process once it runs.

import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

describe('stdin sent before the start', () => {
  it('reaches the program: `echo hi | docker run -i alpine cat` prints hi and exits 0', async () => {
    const t = testEngine();
    await t.pull('alpine');
    const c = await t.json('POST', '/containers/create', { Image: 'alpine', Cmd: ['cat'], OpenStdin: true, StdinOnce: true, AttachStdin: true, AttachStdout: true, AttachStderr: true });
    const h = await t.api.hijack(new Request(`http://docker/containers/${c.body.Id}/attach?stream=1&stdin=1&stdout=1&stderr=1`, { method: 'POST' }));
    if (!h || h instanceof Response) throw new Error('no hijack');
    const out: Uint8Array[] = [];
    h.onOutput((b) => out.push(b));
    h.write(new TextEncoder().encode('hi\n'));
    h.closeWrite();
    expect((await t.call('POST', `/containers/${c.body.Id}/start`)).status).toBe(204);
    await t.advance(100);
    const text = new TextDecoder().decode(Buffer.concat(out.map((b) => Buffer.from(b))).subarray(8));
    expect(text).toBe('hi\n');
    expect((await t.json('GET', `/containers/${c.body.Id}/json`)).body.State).toMatchObject({ Status: 'exited', ExitCode: 0 });
  });
});
