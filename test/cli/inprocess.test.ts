// The emulator against an in-process World (the page's setup: no network), for what the
// comparisons with the real CLI cannot drive: signals (sig-proxy, Ctrl-C), terminal sizes and raw
// mode, the detach keys, live redrawing, prompts, files.

import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../src/api/app';
import { runDocker } from '../../src/cli/docker';
import type { CliIo, CliSignal, CliStdin } from '../../src/cli/io';
import { stdinFromText } from '../../src/cli/io';
import { EngineClient } from '../../src/engine-client';
import { createWorld } from '../../src/sim/engine';
import type { World } from '../../src/sim/world';
import { MemoryFs } from '../../src/vfs';
import { inProcessTransport } from '../../web/transport';

const tick = () => new Promise<void>((r) => setImmediate(r));

interface Session {
  world: World;
  engine: EngineClient;
  /** runs `docker <args>` while the virtual clock moves; `during` acts while it runs */
  docker(args: string[], opts?: Partial<CliIo> & { during?: (ctl: Control) => Promise<void> }): Promise<{ out: string; err: string; code: number }>;
}

interface Control {
  signal(sig: CliSignal): void;
  abort(): void;
  resize(columns: number, rows: number): void;
  /** waits (advancing the clock, and letting real time pass) until `pred` holds */
  until(pred: () => boolean | Promise<boolean>): Promise<void>;
  out(): string;
}

function session(): Session {
  const world = createWorld({ seed: 'inprocess', start: Date.UTC(2026, 0, 1) });
  const api = createEngineApi(world);
  const engine = new EngineClient(inProcessTransport(api));
  return {
    world,
    engine,
    async docker(args, opts = {}) {
      let out = '';
      let err = '';
      const dec = new TextDecoder();
      const listeners = new Set<(s: CliSignal) => void>();
      const resizes = new Set<(c: number, r: number) => void>();
      const ctrl = new AbortController();
      const io: CliIo = {
        stdout: { write: (d) => (out += typeof d === 'string' ? d : dec.decode(d)) },
        stderr: { write: (d) => (err += typeof d === 'string' ? d : dec.decode(d)) },
        isTTY: false,
        engine,
        env: { HOME: '/root' },
        signal: ctrl.signal,
        onSignal: (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        onResize: (l) => {
          resizes.add(l);
          return () => resizes.delete(l);
        },
        now: () => world.now(),
        ...opts,
      };
      let done = false;
      const p = runDocker(args, io).finally(() => {
        done = true;
      });
      const control: Control = {
        signal: (s) => {
          if (s === 'SIGINT') ctrl.abort();
          for (const l of listeners) l(s);
        },
        abort: () => ctrl.abort(),
        resize: (c, r) => {
          io.columns = c;
          io.rows = r;
          for (const l of resizes) l(c, r);
        },
        async until(pred) {
          for (let i = 0; i < 10_000 && !(await pred()); i++) {
            world.advance(20);
            await new Promise((r) => setTimeout(r, 1));
          }
          if (!(await pred())) throw new Error('condition never held');
        },
        out: () => out,
      };
      const during = opts.during ? opts.during(control) : Promise.resolve();
      for (let i = 0; i < 100_000 && !done; i++) {
        world.advance(20);
        await tick();
      }
      await during;
      const code = await p;
      return { out, err, code };
    },
  };
}

async function withImages(s: Session): Promise<void> {
  const r = await s.docker(['pull', '-q', 'busybox']);
  expect(r.code).toBe(0);
}

describe('docker CLI emulator in process', () => {
  it('docker run proxies SIGINT to the container as POST /kill?signal=INT', async () => {
    const s = session();
    await withImages(s);
    const r = await s.docker(['run', '--name', 'sleepy', 'busybox', 'sleep', '30'], {
      during: async (c) => {
        // once the container runs, Ctrl-C
        await c.until(async () => {
          try {
            return (await s.engine.json<{ State: { Running: boolean } }>('GET', '/containers/sleepy/json')).State.Running;
          } catch {
            return false;
          }
        });
        c.signal('SIGINT');
      },
    });
    const events = await s.docker(['events', '--since', '0', '--until', String(Math.floor(s.world.now() / 1000)), '--filter', 'event=kill', '--format', '{{.Actor.Attributes.name}} {{.Actor.Attributes.signal}}']);
    expect(events.out).toBe('sleepy 2\n');
    // sleep (PID 1) has no handler for SIGINT: it ran on until it finished
    expect(r.code).toBe(0);
  });

  it('Ctrl-C ends docker logs -f with status 130 and nothing printed', async () => {
    const s = session();
    await withImages(s);
    await s.docker(['run', '-d', '--name', 'quiet', 'busybox', 'sleep', '1000']);
    const r = await s.docker(['logs', '-f', 'quiet'], { during: async (c) => c.until(() => true).then(() => c.signal('SIGINT')) });
    expect(r).toEqual({ out: '', err: '', code: 130 });
  });

  it('Ctrl-C stops a pull with status 130, after the lines already shown', async () => {
    const s = session();
    const r = await s.docker(['pull', 'golang'], { during: async (c) => c.until(() => c.out().includes('Pulling fs layer')).then(() => c.signal('SIGINT')) });
    expect(r.code).toBe(130);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/golang\n/);
    expect(r.out).not.toContain('Status:');
  });

  it('docker stats on a terminal redraws the table in place until Ctrl-C', async () => {
    const s = session();
    await withImages(s);
    await s.docker(['run', '-d', '--name', 'busy', 'busybox', 'sleep', '1000']);
    const r = await s.docker(['stats', '--format', 'table {{.Name}}\t{{.PIDs}}', 'busy'], {
      isTTY: true,
      columns: 100,
      rows: 20,
      during: async (c) => {
        await c.until(() => c.out().split('\x1b[J').length >= 3);
        c.signal('SIGINT');
      },
    });
    expect(r.code).toBe(130);
    const frames = r.out.split('\x1b[J').filter((f) => f !== '');
    expect(frames.length).toBeGreaterThanOrEqual(2);
    // each frame: cursor home, the table, then the table again line by line with erase-to-end
    expect(frames[0]).toMatch(/^\x1b\[HNAME      PIDS\nbusy      (\d+)\n\x1b\[HNAME      PIDS \x1b\[K\nbusy      \1 \x1b\[K\n \x1b\[K\n$/);
  });

  it('docker stats --no-stream prints one table without escapes', async () => {
    const s = session();
    await withImages(s);
    await s.docker(['run', '-d', '--name', 'busy', 'busybox', 'sleep', '1000']);
    const r = await s.docker(['stats', '--no-stream', '--format', '{{.Name}}: {{.PIDs}} pids', 'busy']);
    expect(r).toEqual({ out: 'busy: 1 pids\n', err: '', code: 0 });
  });

  it('docker run -it puts the terminal in raw mode, and ctrl-p ctrl-q detaches', async () => {
    const s = session();
    await withImages(s);
    const modes: boolean[] = [];
    const keys: (string | null)[] = ['\x10', '\x11'];
    let wakeup: (() => void) | null = null;
    const stdin: CliStdin = {
      isTTY: true,
      setRawMode: (on) => modes.push(on),
      read: (signal) =>
        new Promise((resolve) => {
          const give = () => resolve(keys.length ? keys.shift()! : null);
          if (keys.length) return give();
          wakeup = give;
          signal?.addEventListener('abort', () => resolve(null));
        }),
    };
    const r = await s.docker(['run', '-it', '--name', 'inter', 'busybox', 'sleep', '1000'], { isTTY: true, columns: 80, rows: 24, stdin });
    void wakeup;
    expect(r.code).toBe(0);
    expect(modes).toEqual([true, false]);
    const ps = await s.docker(['ps', '--format', '{{.Names}} {{.State}}']);
    expect(ps.out).toBe('inter running\n');
  });

  it('docker run -t on a terminal sizes the container TTY to the terminal', async () => {
    const s = session();
    await withImages(s);
    await s.docker(['run', '-t', '--name', 'sized', 'busybox', 'true'], { isTTY: true, columns: 132, rows: 43, stdin: { ...stdinFromText(''), isTTY: true } });
    const r = await s.docker(['inspect', '-f', '{{.HostConfig.ConsoleSize}}', 'sized']);
    expect(r.out).toBe('[43 132]\n');
  });

  it('prune asks first: "y" prunes, anything else cancels silently', async () => {
    const s = session();
    await withImages(s);
    await s.docker(['create', '--name', 'gone', 'busybox']);
    const no = await s.docker(['container', 'prune'], { stdin: stdinFromText('nope\n') });
    expect(no).toEqual({ out: 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ', err: '', code: 0 });
    const yes = await s.docker(['container', 'prune'], { stdin: stdinFromText('y\n') });
    expect(yes.out).toMatch(/^WARNING! This will remove all stopped containers\.\nAre you sure you want to continue\? \[y\/N\] Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: \d+(\.\d+)?[kM]?B\n$/);
  });

  it('--env-file and --label-file are read from the CLI host filesystem, --cidfile written to it', async () => {
    const s = session();
    await withImages(s);
    const fs = new MemoryFs({ now: () => s.world.now() });
    fs.mkdir('/home/me', { recursive: true });
    fs.writeFile('/home/me/app.env', '# comment\nA=1\n  B=two words\nFROM_HOST\n');
    fs.writeFile('/home/me/labels', 'tier=web\n');
    const r = await s.docker(['create', '--name', 'cfg', '--env-file', 'app.env', '--label-file', 'labels', '--cidfile', 'cid', 'busybox'], {
      fs,
      cwd: '/home/me',
      env: { HOME: '/root', FROM_HOST: 'yes' },
    });
    expect(r.code).toBe(0);
    expect(fs.readFile('/home/me/cid')).toBe(r.out.trim());
    const i = await s.docker(['inspect', '-f', '{{json .Config.Env}} {{json .Config.Labels}}', 'cfg']);
    expect(i.out).toMatch(/^\["A=1","B=two words","FROM_HOST=yes"(,.*)?\] \{"tier":"web"\}\n$/);
    const again = await s.docker(['create', '--cidfile', 'cid', 'busybox'], { fs, cwd: '/home/me' });
    // create returns the error as it is (run would wrap it: docker: ... exit 125)
    expect(again).toEqual({ out: '', err: "container ID file found, make sure the other container isn't running or delete cid\n", code: 1 });
    const missing = await s.docker(['create', '--env-file', 'nope.env', 'busybox'], { fs, cwd: '/home/me' });
    expect(missing).toEqual({ out: '', err: "docker: open nope.env: no such file or directory\n\nRun 'docker create --help' for more information\n", code: 125 });
  });

  it('docker login on a terminal: the web login cannot start, the prompts ask, the password is read in raw mode', async () => {
    const s = session();
    const fs = new MemoryFs({ now: () => s.world.now() });
    const modes: boolean[] = [];
    const chunks = ['bob\n', 'p', 'x\x7fw', '\r'];
    const stdin: CliStdin = { isTTY: true, setRawMode: (on) => modes.push(on), read: async () => chunks.shift() ?? null };
    const r = await s.docker(['login'], { isTTY: true, stderrIsTTY: false, columns: 100, rows: 30, stdin, fs, env: { HOME: '/home/me', DOCKER_CLI_HINTS: 'false' } });
    expect(r.err).toBe(
      'Failed to start web-based login - falling back to command line login...\n\n' +
        '\n Info -> A Personal Access Token (PAT) can be used instead.\n         To create a PAT, visit \x1b[4mhttps://app.docker.com/settings\x1b[0m\n         \n         \n' +
        "\nWARNING! Your credentials are stored unencrypted in '/home/me/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n",
    );
    expect(r.out).toBe(
      "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.\n" +
        'Username: Password: \nLogin Succeeded\n',
    );
    expect(r.code).toBe(0);
    expect(modes).toEqual([true, false]);
    expect(fs.readFile('/home/me/.docker/config.json')).toBe('{\n\t"auths": {\n\t\t"https://index.docker.io/v1/": {\n\t\t\t"auth": "Ym9iOnB3"\n\t\t}\n\t}\n}');
  });

  it('help and usage errors come from the grammar without a daemon request', async () => {
    const s = session();
    const r = await s.docker(['ps', '--bogus']);
    expect(r.code).toBe(125);
    expect(r.err).toBe("unknown flag: --bogus\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n");
    const h = await s.docker(['version', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/^Usage:  docker version \[OPTIONS\]\n/);
  });
});
