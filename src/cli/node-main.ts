// `npx tsx src/cli/node-main.ts <docker args>`: the emulated docker CLI in a Node process,
// talking to DOCKER_HOST (tcp://… or unix://…) like the real one. For trying it side by side
// with the real CLI against the Node host (src/node/main.ts).

import { EngineClient } from '../engine-client';
import { runDocker } from './docker';
import type { CliSignal, CliStdin } from './io';
import { httpTransport } from './transport-http';

function nodeStdin(): CliStdin {
  const queue: (Uint8Array | null)[] = [];
  let waiting: ((v: Uint8Array | null) => void) | null = null;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    process.stdin.on('data', (d: Buffer) => {
      const v = new Uint8Array(d);
      if (waiting) {
        const w = waiting;
        waiting = null;
        w(v);
      } else queue.push(v);
    });
    process.stdin.on('end', () => {
      if (waiting) {
        const w = waiting;
        waiting = null;
        w(null);
      } else queue.push(null);
    });
  };
  return {
    isTTY: !!process.stdin.isTTY,
    read(signal) {
      start();
      if (queue.length > 0) return Promise.resolve(queue.shift()!);
      return new Promise((resolve) => {
        waiting = resolve;
        signal?.addEventListener('abort', () => {
          if (waiting === resolve) {
            waiting = null;
            resolve(null);
          }
        });
      });
    },
    setRawMode(raw) {
      if (process.stdin.isTTY) process.stdin.setRawMode(raw);
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const host = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  const engine = new EngineClient(httpTransport({ host }));
  const ctrl = new AbortController();
  const listeners = new Set<(s: CliSignal) => void>();
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const) {
    process.on(sig, () => {
      if (sig === 'SIGINT') ctrl.abort();
      for (const l of listeners) l(sig);
    });
  }
  const stdin = nodeStdin();
  const code = await runDocker(argv, {
    stdout: { write: (d) => process.stdout.write(d) },
    stderr: { write: (d) => process.stderr.write(d) },
    isTTY: !!process.stdout.isTTY,
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stdout.columns,
    rows: process.stdout.rows,
    env: process.env,
    stdin,
    signal: ctrl.signal,
    onSignal: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onResize: (l) => {
      const h = () => l(process.stdout.columns, process.stdout.rows);
      process.stdout.on('resize', h);
      return () => process.stdout.off('resize', h);
    },
    cwd: process.cwd(),
    engine,
  });
  return code;
}

const isMain = process.argv[1] && /node-main\.[tj]s$/.test(process.argv[1]);
if (isMain) {
  void main(process.argv.slice(2)).then(
    (code) => {
      process.stdout.write('', () => process.exit(code));
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
