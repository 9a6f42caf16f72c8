// What the CLI shows on a terminal, compared with the real docker CLI 28.2.2 run under a
// pseudo-terminal of the same size against a stub daemon that answers with a fixed stream:
// pull progress bars redrawn in place (ESC[nA, ESC[2K, \r, ESC[nB), and the same stream on a pipe.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ptyBackend } from '../support/pty';
import { realCliSkipReason, startDockerTty } from '../support/real-cli';
import { runMine, runTheReal } from './conformance/harness';

const PULL = [
  { status: 'Pulling from library/busybox', id: 'latest' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'f6e5d4c3b2a1' },
  { status: 'Waiting', progressDetail: {}, id: 'f6e5d4c3b2a1' },
  { status: 'Downloading', progressDetail: { current: 1000, total: 2_000_000 }, progress: '[>      ]      1kB/2MB', id: 'a1b2c3d4e5f6' },
  { status: 'Downloading', progressDetail: { current: 1_500_000, total: 2_000_000 }, progress: '[====>  ]    1.5MB/2MB', id: 'a1b2c3d4e5f6' },
  { status: 'Verifying Checksum', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Download complete', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Downloading', progressDetail: { current: 5000, total: 10_000 }, progress: '[==>  ]  5kB/10kB', id: 'f6e5d4c3b2a1' },
  { status: 'Extracting', progressDetail: { current: 32768, total: 2_000_000 }, progress: '[>     ]  32.77kB/2MB', id: 'a1b2c3d4e5f6' },
  { status: 'Extracting', progressDetail: { current: 2_000_000, total: 2_000_000 }, progress: '[======>]      2MB/2MB', id: 'a1b2c3d4e5f6' },
  { status: 'Pull complete', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Download complete', progressDetail: {}, id: 'f6e5d4c3b2a1' },
  { status: 'Extracting', progressDetail: { current: 10_000, total: 10_000 }, id: 'f6e5d4c3b2a1' },
  { status: 'Pull complete', progressDetail: {}, id: 'f6e5d4c3b2a1' },
  { status: 'Digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
  { status: 'Status: Downloaded newer image for busybox:latest' },
];
const FAILING = [...PULL.slice(0, 6), { errorDetail: { message: 'unexpected EOF' }, error: 'unexpected EOF' }];

function stub(): Promise<{ server: Server; host: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const h = { 'Api-Version': '1.50', Ostype: 'linux', Server: 'Docker/28.2.2 (linux)' };
      if (req.method === 'HEAD' || req.url === '/_ping') {
        res.writeHead(200, h);
        res.end();
        return;
      }
      if (req.url?.includes('/images/create')) {
        const msgs = req.url.includes('fromImage=docker.io%2Flibrary%2Ffailing') ? FAILING : PULL;
        res.writeHead(200, { ...h, 'Content-Type': 'application/json' });
        res.end(msgs.map((m) => JSON.stringify(m) + '\r\n').join(''));
        return;
      }
      res.writeHead(404, { ...h, 'Content-Type': 'application/json' });
      res.end('{"message":"page not found"}\n');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, host: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const skip = realCliSkipReason() ?? (ptyBackend() ? undefined : 'no pseudo-terminal backend');

describe.skipIf(skip)('terminal output vs the real docker CLI 28.2.2', () => {
  let s: Awaited<ReturnType<typeof stub>>;
  beforeAll(async () => {
    s = await stub();
  });
  afterAll(() => new Promise<void>((r) => s.server.close(() => r())));

  for (const cols of [120, 100, 80, 50]) {
    for (const image of ['busybox', 'failing']) {
      it(`docker pull ${image} on a ${cols}-column terminal`, async () => {
        const t = startDockerTty(['pull', image], { host: s.host, cols, rows: 30 });
        const real = await t.result();
        const mine = await runMine(s.host, ['pull', image], { tty: { columns: cols, rows: 30 }, displayHost: s.host });
        // the terminal turns each newline into CR LF (onlcr); the CLI writes bare newlines
        expect(mine.stdout).toBe(real.stdout.replace(/\r\n/g, '\n'));
        expect(mine.code).toBe(real.code);
      });
    }
  }

  for (const image of ['busybox', 'failing']) {
    it(`docker pull ${image} on a pipe`, async () => {
      const real = await runTheReal(s.host, ['pull', image]);
      const mine = await runMine(s.host, ['pull', image], { displayHost: s.host });
      expect(mine).toEqual(real);
    });
  }
});
