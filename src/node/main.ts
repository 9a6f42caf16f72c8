// `node src/node/main.ts` (via tsx): a World and its Engine API on tcp://127.0.0.1:2375, for the
// real docker CLI. Environment: DOCKSIM_DOCKER_PORT (2375), DOCKSIM_DOCKER_HOST (127.0.0.1),
// DOCKSIM_DOCKER_SOCKET (also listen on a unix socket), DOCKSIM_SPEED (virtual time per real
// time, 1), DOCKSIM_SEED, DOCKSIM_LOG=1 (log requests), DOCKSIM_PUBLISH=0 (do not open the
// containers' published ports on this machine).

import { existsSync, unlinkSync } from 'node:fs';
import { RealtimeDriver } from '../clock/realtime';
import { createWorld } from '../sim/engine';
import { createEngineApi } from '../api/app';
import { PortForwarder } from './ports';
import { createNodeHost } from './server';

export async function main(): Promise<void> {
  const port = Number(process.env.DOCKSIM_DOCKER_PORT ?? '2375');
  const host = process.env.DOCKSIM_DOCKER_HOST ?? '127.0.0.1';
  const speed = Number(process.env.DOCKSIM_SPEED ?? '1');
  const fresh = () => createWorld({ seed: process.env.DOCKSIM_SEED ?? 'docksim', start: Date.now() });
  const world = fresh();
  let driver = new RealtimeDriver(world, { speed });
  const sock = process.env.DOCKSIM_DOCKER_SOCKET;
  const listeners = [`tcp://${host}:${port}`, ...(sock ? [`unix://${sock}`] : [])];
  let forwarder: PortForwarder | null = null;
  const reset = () => {
    driver.stop();
    const w = fresh();
    driver = new RealtimeDriver(w, { speed });
    forwarder?.watch(w);
    return w;
  };
  // one API for both sockets, so they share the world (and a reset)
  const api = createEngineApi(world, { transport: 'tcp', sync: () => driver.sync(), listeners, reset });
  const log = process.env.DOCKSIM_LOG === '1' ? (l: string) => console.error(l) : undefined;
  const node = createNodeHost(api, { log });
  if (process.env.DOCKSIM_PUBLISH !== '0') {
    forwarder = new PortForwarder(api, { host, log: (l) => console.error(l) });
    forwarder.watch(world);
  }
  await new Promise<void>((resolve, reject) => {
    node.server.once('error', reject);
    node.server.listen(port, host, () => resolve());
  });
  if (sock) {
    if (existsSync(sock)) unlinkSync(sock);
    const unixHost = createNodeHost(api, { log, transport: 'unix' });
    unixHost.server.listen(sock);
  }
  console.log(`docksim Docker endpoint on tcp://${host}:${port}`);
  console.log(`export DOCKER_HOST=tcp://${host}:${port}`);
  const stop = () => {
    driver.stop();
    void Promise.all([node.close(), forwarder?.close()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // one bad request must not take the endpoint down with everyone's containers
  process.on('unhandledRejection', (e) => console.error('docksim: unhandled rejection:', e));
  process.on('uncaughtException', (e) => console.error('docksim: uncaught exception:', e));
}

void main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
