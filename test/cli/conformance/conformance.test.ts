// Byte-for-byte conformance of the emulated docker CLI with the real docker CLI 28.2.2: every
// command line of the corpus runs through the real CLI against one simulated host and through
// the emulator against an identical twin host; stdout, stderr and the exit code must match.
//
// The only normalisations (`normalize` in corpus.ts; masks.test.ts shows why each is needed):
// - `docker info` lists runtimes in Go map order (random in the real CLI): the names of that one
//   line are sorted;
// - an image tagged in several repositories is listed in Go map order (random): rows sorted;
// - `docker info --format json` carries SystemTime, the daemon's clock at the instant of the
//   request: its value is replaced.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryFs } from '../../../src/vfs';
import { realCliSkipReason } from '../../support/real-cli';
import { CORPUS, buildWorld, worldStart, type Entry } from './corpus';
import { runMine, runTheReal, startSimHost, syncClocks, type CliResult, type SimHost } from './harness';

const skip = realCliSkipReason();
const realNow = Date.now();

function normalize(r: CliResult, entry: Entry): CliResult {
  const fix = (s: string) => {
    let out = s;
    if (entry.normalize === 'info-runtimes') out = out.replace(/^( Runtimes:) (.*)$/m, (_m, l: string, names: string) => `${l} ${names.split(' ').sort().join(' ')}`);
    if (entry.normalize === 'info-systemtime') out = out.replace(/"SystemTime":"[^"]*"/g, '"SystemTime":"<instant>"');
    if (entry.normalize === 'image-rows') {
      const lines = out.split('\n');
      const head = lines[0]!.startsWith('REPOSITORY') ? [lines.shift()!] : [];
      const tail = lines[lines.length - 1] === '' ? [lines.pop()!] : [];
      out = [...head, ...lines.sort(), ...tail].join('\n');
    }
    return out;
  };
  return { stdout: fix(r.stdout), stderr: fix(r.stderr), code: r.code };
}

describe.skipIf(skip)('docker CLI conformance (real docker 28.2.2 vs emulator, twin simulated hosts)', () => {
  let real: SimHost;
  let mine: SimHost;
  // the config directory of `config` entries: a real one for the real CLI, the same path in a
  // filesystem of the emulator's
  const configDir = mkdtempSync(join(tmpdir(), 'docksim-cli-config-'));
  const fs = new MemoryFs({ now: () => Date.now() });
  fs.mkdir(configDir, { recursive: true });

  beforeAll(async () => {
    const start = worldStart(realNow);
    real = await startSimHost({ seed: 'cli-conformance', start });
    mine = await startSimHost({ seed: 'cli-conformance', start });
    await buildWorld(real, realNow);
    await buildWorld(mine, realNow);
  }, 120_000);

  afterAll(async () => {
    await real?.close();
    await mine?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('the corpus has at least 150 command lines', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
  });

  it('both worlds start identical', async () => {
    const a = await real.call('GET', '/v1.50/containers/json?all=1');
    const b = await mine.call('GET', '/v1.50/containers/json?all=1');
    expect(b.text).toBe(a.text);
  });

  CORPUS.forEach((entry, i) => {
    const name = `${String(i + 1).padStart(3, '0')} ${entry.env ? Object.entries(entry.env).map(([k, v]) => `${k}=${v} `).join('') : ''}docker ${entry.args.map((x) => (/[\s'"{}]/.test(x) || x === '' ? JSON.stringify(x) : x)).join(' ')}${entry.note ? ` (${entry.note})` : ''}`;
    it(name, async () => {
      syncClocks(real.world, mine.world, entry.advanceMs ?? 0);
      const now = String(Math.floor(real.world.now() / 1000));
      const args = entry.args.map((x) => x.replace('{NOW}', now));
      const r = await runTheReal(real.host, args, { stdin: entry.stdin ?? '', env: entry.env, configDir: entry.config ? configDir : undefined });
      real.dropHijacks();
      const m = await runMine(mine.host, args, {
        stdin: entry.stdin ?? '',
        env: { ...(entry.config ? { DOCKER_CONFIG: configDir } : {}), ...entry.env },
        fs: entry.config ? fs : undefined,
        displayHost: real.host,
        timeoutMs: 30_000,
      });
      // nothing the emulator started may still be running (it would move its world's clock)
      for (let t = 0; t < 50 && mine.inflight().some((x) => !x.startsWith('HIJACK')); t++) await new Promise((res) => setTimeout(res, 10));
      mine.dropHijacks();
      expect(mine.inflight(), 'requests left open by the emulator').toEqual([]);
      expect(normalize(m, entry)).toEqual(normalize(r, entry));
      if (entry.config) {
        const read = (f: () => string) => {
          try {
            return f();
          } catch {
            return '<none>';
          }
        };
        const file = join(configDir, 'config.json');
        expect(read(() => fs.readFile(file)), 'config.json').toBe(read(() => readFileSync(file, 'utf8')));
      }
    }, 60_000);
  });
});

describe.skipIf(skip)('docker CLI conformance with no daemon listening', () => {
  // a port nothing listens on: every command fails to connect the way docker reports it
  const host = 'tcp://127.0.0.1:9';
  const lines = [['ps'], ['version'], ['info'], ['run', 'busybox'], ['inspect', 'x'], ['pull', 'busybox'], ['images'], ['rm', 'x', 'y'], ['logs', 'x'], ['network', 'ls'], ['volume', 'create', 'v'], ['exec', 'c', 'ls'], ['system', 'df'], ['start', 'a', 'b']];
  it.each(lines.map((l) => [l.join(' '), l] as const))('docker %s', async (_n, args) => {
    const r = await runTheReal(host, args);
    const m = await runMine(host, args);
    expect(m).toEqual(r);
  });
});
