// The Node host writes GET /containers/json from the list's cached bytes and gives them back
// once written; the next body may be written in the same buffer. Every body, through the host
// or read in process in between, is the one made afresh from the containers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerSummary } from '../../src/api/views/containers';
import type { NodeHost } from '../../src/node/server';
import { engineOf } from '../../src/sim/engine';
import { testEngine } from '../support/engine';
import { hostWithAlpine } from './support';

describe('Node host: GET /containers/json as time passes', () => {
  let node: NodeHost;
  let port = 0;
  const t = testEngine({ seed: 'list-body', api: { transport: 'tcp', sync: () => step > 0 && t.world.advance(step) } });
  const { world, api } = t;
  let step = 0;
  const call = async (method: string, path: string, body?: unknown) =>
    (await api.fetch(new Request(`http://docker${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : null }))).status;
  const afresh = () => {
    const d = world.daemon();
    const e = engineOf(d);
    return `[${d.containerList().map((c) => JSON.stringify(containerSummary(d, c, false, e.images.displayRef(c)))).join(',')}]\n`;
  };

  beforeAll(async () => {
    ({ node, port } = await hostWithAlpine(t));
    step = 173;
    for (let i = 0; i < 40; i++) {
      expect(await call('POST', `/v1.50/containers/create?name=c${i}`, { Image: 'alpine', Cmd: ['sleep', 'infinity'], Labels: { n: 'ü'.repeat(i) } })).toBe(201);
      expect(await call('POST', `/v1.50/containers/c${i}/start`)).toBe(204);
    }
  });
  afterAll(async () => {
    await node?.close();
  });

  it('answers each instant with its own Statuses, through the host and in process', async () => {
    step = 0;
    const seen = new Set<string>();
    const held: { chunk: Uint8Array; text: string }[] = [];
    for (let i = 0; i < 60; i++) {
      world.advance(i < 30 ? 1_100 : i % 3 === 0 ? 61_000 : 333);
      const res = await fetch(`http://127.0.0.1:${port}/v1.50/containers/json`);
      const text = await res.text();
      expect(text).toBe(afresh());
      seen.add(text);
      if (i % 5 === 0) {
        // a reader in process keeps the bytes it read: they stay as they were
        const kept = await (await api.fetch(new Request('http://docker/v1.50/containers/json'))).text();
        expect(kept).toBe(text);
        const reader = (await api.fetch(new Request('http://docker/v1.50/containers/json'))).body!.getReader();
        const chunk = (await reader.read()).value!;
        held.push({ chunk, text });
        world.advance(1_000);
        expect(await (await fetch(`http://127.0.0.1:${port}/v1.50/containers/json`)).text()).toBe(afresh());
      }
    }
    expect(seen.size).toBeGreaterThan(30);
    // the bytes those readers hold were never written over
    for (const h of held) expect(new TextDecoder().decode(h.chunk)).toBe(h.text);
  });
});
