// Driving program models through the engine: images pulled from the Hub catalog, containers
// created and started over the Engine API, their logs split into stdout and stderr, HTTP from
// the host (/_sim/http), and commands run inside a container as docker exec runs them.

import { testEngine, type TestEngine } from '../../support/engine';

export interface ProgramEngine extends TestEngine {
  /** Creates a container (JSON config of POST /containers/create) and starts it; returns its id. */
  run(config: Record<string, unknown>, name?: string): Promise<string>;
  /** The container's log, as docker logs splits it into frames. */
  logs(id: string): Promise<{ stdout: string; stderr: string; frames: { stream: 'stdout' | 'stderr'; text: string }[] }>;
  inspect(id: string): Promise<any>;
  /** An HTTP request from the host (curl on the Docker host). */
  http(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<any>;
  /** docker exec without a TTY: the command's output and exit code. */
  exec(id: string, cmd: string[], opts?: { env?: string[]; user?: string }): Promise<{ stdout: string; stderr: string; code: number }>;
  /** docker top */
  top(id: string): Promise<string[][]>;
  /** Runs a program model inside a container as an extra process (one no image names yet). */
  runProgram(id: string, program: import('../../../src/sh/types').Command, argv: string[]): Promise<{ stdout: string; stderr: string; code: number }>;
  /** The container's filesystem (test setup and checks, as `docker cp` would see it). */
  fs(id: string): import('../../../src/vfs/types').FileSystem;
}

/** A test engine with these images pulled. */
export async function programEngine(pulls: string[] = []): Promise<ProgramEngine> {
  const t = testEngine();
  for (const p of pulls) await t.pull(p);

  const pe: ProgramEngine = {
    ...t,
    async run(config, name) {
      const c = await t.json('POST', `/v1.50/containers/create${name ? `?name=${name}` : ''}`, config);
      if (c.status !== 201) throw new Error(`create: ${c.status} ${JSON.stringify(c.body)}`);
      const s = await t.call('POST', `/v1.50/containers/${c.body.Id}/start`);
      if (s.status !== 204) throw new Error(`start: ${s.status} ${await s.text()}`);
      return c.body.Id as string;
    },
    async logs(id) {
      const res = await t.call('GET', `/v1.50/containers/${id}/logs?stdout=1&stderr=1`);
      const frames = demux(new Uint8Array(await res.arrayBuffer()));
      return {
        frames,
        stdout: frames.filter((f) => f.stream === 'stdout').map((f) => f.text).join(''),
        stderr: frames.filter((f) => f.stream === 'stderr').map((f) => f.text).join(''),
      };
    },
    async inspect(id) {
      return (await t.json('GET', `/v1.50/containers/${id}/json`)).body;
    },
    async http(url, init = {}) {
      return (await t.sim('POST', '/_sim/http', { url, ...init })).body;
    },
    async exec(id, cmd, opts = {}) {
      const ex = await t.json('POST', `/v1.50/containers/${id}/exec`, { Cmd: cmd, AttachStdout: true, AttachStderr: true, Env: opts.env, User: opts.user });
      if (ex.status !== 201) throw new Error(`exec create: ${ex.status} ${JSON.stringify(ex.body)}`);
      // the attached start needs a hijacked connection: drive the exec service as the hijack does
      const e = t.engine();
      const frames: { stream: 'stdout' | 'stderr'; text: string }[] = [];
      let code: number | null = null;
      e.execs.start(ex.body.Id, { output: (stream, text) => frames.push({ stream, text }), done: (c) => (code = c) }, e.daemon.op('exec.start'));
      for (let i = 0; code === null && i < 72_000; i++) await t.advance(50);
      return {
        stdout: frames.filter((f) => f.stream === 'stdout').map((f) => f.text).join(''),
        stderr: frames.filter((f) => f.stream === 'stderr').map((f) => f.text).join(''),
        code: code ?? -1,
      };
    },
    fs(id) {
      const d = t.engine().daemon;
      const c = d.containers.get(id) ?? [...d.containers.values()].find((x) => x.bareName === id);
      if (!c) throw new Error(`no container ${id}`);
      return c.fs;
    },
    async runProgram(id, program, argv) {
      const e = t.engine();
      const c = e.daemon.containers.get(id) ?? [...e.daemon.containers.values()].find((x) => x.bareName === id)!;
      let stdout = '';
      let stderr = '';
      let code: number | null = null;
      const env = e.runtime.envOf(c);
      const proc = e.runtime.spawn(c, { argv, env, cwd: c.config.WorkingDir || '/', tty: false, program, init: false }, { container: c, execId: 'test', onOutput: (s, text) => (s === 'stdout' ? (stdout += text) : (stderr += text)), onExit: (n) => (code = n) });
      proc.stdin.close();
      proc.start();
      for (let i = 0; code === null && i < 72_000; i++) await t.advance(50);
      return { stdout, stderr, code: code ?? -1 };
    },
    async top(id) {
      const r = await t.json('GET', `/v1.50/containers/${id}/top`);
      return r.body.Processes;
    },
  };
  return pe;
}

/** Splits a stdcopy stream into frames. */
export function demux(bytes: Uint8Array): { stream: 'stdout' | 'stderr'; text: string }[] {
  const out: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const dec = new TextDecoder();
  let i = 0;
  while (i + 8 <= bytes.length) {
    const kind = bytes[i]!;
    const len = (bytes[i + 4]! << 24) | (bytes[i + 5]! << 16) | (bytes[i + 6]! << 8) | bytes[i + 7]!;
    out.push({ stream: kind === 2 ? 'stderr' : 'stdout', text: dec.decode(bytes.slice(i + 8, i + 8 + len)) });
    i += 8 + len;
  }
  return out;
}
