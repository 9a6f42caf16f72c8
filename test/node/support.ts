// The Node host in tests: over a test engine's API, on a free port of 127.0.0.1, with alpine
// pulled.

import { createNodeHost, type NodeHost } from '../../src/node/server';
import type { TestEngine } from '../support/engine';

export async function hostWithAlpine(t: TestEngine): Promise<{ node: NodeHost; port: number }> {
  const node = createNodeHost(t.api);
  await new Promise<void>((resolve) => node.server.listen(0, '127.0.0.1', () => resolve()));
  const addr = node.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  await t.pull('alpine');
  return { node, port };
}
