// The Node host's hijacked streams: the client's input reaches the process even when the
// request body (exec start's JSON) arrives in a packet of its own after the headers.

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeHost } from '../../src/node/server';
import { testEngine } from '../support/engine';
import { hostWithAlpine } from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Node host: hijacked exec start', () => {
  let node: NodeHost;
  let port = 0;
  const t = testEngine({ seed: 'hijack', api: { transport: 'tcp' } });
  const api = t.api;
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await api.fetch(new Request(`http://docker${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : null }));
    return { status: r.status, body: r.headers.get('content-type') === 'application/json' ? await r.json() : await r.text() };
  };

  beforeAll(async () => {
    ({ node, port } = await hostWithAlpine(t));
    expect((await call('POST', '/v1.50/containers/create?name=box', { Image: 'alpine', Cmd: ['sleep', 'infinity'] })).status).toBe(201);
    expect((await call('POST', '/v1.50/containers/box/start')).status).toBe(204);
  });
  afterAll(async () => {
    await node?.close();
  });

  it('delivers stdin when the body follows the headers in a separate packet', async () => {
    const exec = await call('POST', '/v1.50/containers/box/exec', { AttachStdin: true, AttachStdout: true, AttachStderr: true, Cmd: ['sh', '-c', 'read l; echo got $l'] });
    expect(exec.status).toBe(201);
    const body = JSON.stringify({ Detach: false, Tty: false });
    const sock = connect(port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    let out = Buffer.alloc(0);
    sock.on('data', (d: Buffer) => (out = Buffer.concat([out, d])));
    const ended = new Promise<void>((r) => sock.once('close', () => r()));
    sock.write(
      `POST /v1.50/exec/${exec.body.Id}/start HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    await sleep(30);
    sock.write(body);
    await sleep(30);
    sock.write('hi\n');
    await Promise.race([ended, sleep(3000)]);
    sock.destroy();
    const text = out.toString('latin1');
    expect(text.startsWith('HTTP/1.1 101 UPGRADED\r\n')).toBe(true);
    const payload = text.slice(text.indexOf('\r\n\r\n') + 4);
    // one stdout frame: [1,0,0,0,len] + "got hi\n"
    expect(payload).toBe('\x01\x00\x00\x00\x00\x00\x00\x07got hi\n');
  });
});
