// A World that has run things, and its trace in the shape a picture source hands over.

import type { OpRecord } from '../../web/picture/source';
import { testEngine, type TestEngine } from '../support/engine';

/** Deep copies of the traced operations (the trace's own records keep growing). */
export function opsOf(t: TestEngine, since = 0): OpRecord[] {
  return t.world.trace.since(since).map((o) => ({ id: o.id, host: o.host, op: o.op, t: o.t, hops: o.hops.map((h) => ({ ...h })) }));
}

/** The Engine API calls of `docker run -d --name <name> alpine sleep 1000`. */
export async function dockerRun(t: TestEngine, name = 'web', cmd = ['sleep', '1000']): Promise<string> {
  const created = await t.json<{ Id: string }>('POST', `/containers/create?name=${name}`, { Image: 'alpine', Cmd: cmd });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const started = await t.call('POST', `/containers/${created.body.Id}/start`);
  if (started.status !== 204) throw new Error(`start: ${started.status}`);
  return created.body.Id;
}

/** An engine with alpine pulled, a few seconds of quiet after it. */
export async function engineWithAlpine(): Promise<TestEngine> {
  const t = testEngine();
  await t.pull('alpine');
  await t.advance(5000);
  return t;
}
