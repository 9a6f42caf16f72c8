// How the Node host frames its answers, as Go's net/http frames moby's: an answer written at
// once of up to 2,048 bytes carries a Content-Length, a larger one is chunked (the real
// daemon's transcripts: GET /_ping "Content-Length: 2", GET /containers/json and /info
// "Transfer-Encoding: chunked"); answers without a body (204) carry neither.

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeHost } from '../../src/node/server';
import { testEngine } from '../support/engine';
import { hostWithAlpine } from './support';

interface Answer {
  status: number;
  length?: string;
  encoding?: string;
  body: string;
}

describe('Node host: framing of answers', () => {
  let node: NodeHost;
  let port = 0;
  const t = testEngine({ seed: 'framing', api: { transport: 'tcp' } });
  const send = (method: string, path: string, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, length: res.headers['content-length'], encoding: res.headers['transfer-encoding'], body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    ({ node, port } = await hostWithAlpine(t));
  });
  afterAll(async () => {
    await node?.close();
  });

  it('a small answer has a Content-Length', async () => {
    expect(await send('GET', '/_ping')).toEqual({ status: 200, length: '2', encoding: undefined, body: 'OK' });
    expect(await send('HEAD', '/_ping')).toMatchObject({ status: 200, length: '0', encoding: undefined, body: '' });
    expect(await send('GET', '/v1.50/containers/json')).toEqual({ status: 200, length: '3', encoding: undefined, body: '[]\n' });
    const missing = await send('GET', '/v1.50/containers/nothing/json');
    expect(missing).toMatchObject({ status: 404, encoding: undefined });
    expect(Number(missing.length)).toBe(Buffer.byteLength(missing.body));
    const version = await send('GET', '/v1.50/version');
    expect(Number(version.length)).toBe(Buffer.byteLength(version.body));
    expect(version.body.length).toBeLessThanOrEqual(2048);
  });

  it('a larger one is chunked, the list kept as bytes too', async () => {
    for (let i = 0; i < 4; i++) {
      const created = await send('POST', `/v1.50/containers/create?name=c${i}`, JSON.stringify({ Image: 'alpine', Cmd: ['sleep', 'infinity'] }));
      expect(created).toMatchObject({ status: 201, encoding: undefined });
      const started = await send('POST', `/v1.50/containers/c${i}/start`);
      expect(started).toEqual({ status: 204, length: undefined, encoding: undefined, body: '' });
    }
    const list = await send('GET', '/v1.50/containers/json');
    expect(list).toMatchObject({ status: 200, length: undefined, encoding: 'chunked' });
    expect(list.body.length).toBeGreaterThan(2048);
    expect((JSON.parse(list.body) as unknown[]).length).toBe(4);
    const info = await send('GET', '/v1.50/info');
    expect(info).toMatchObject({ status: 200, length: undefined, encoding: 'chunked' });
    expect((JSON.parse(info.body) as { Containers: number }).Containers).toBe(4);
  });
});
