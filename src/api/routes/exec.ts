// Exec routes (moby api/server/router/container/exec.go). Starting an exec attached needs a
// hijacked connection (see hijack.ts); here are create, inspect, resize, and detached start.

import type { Hono } from 'hono';
import { DaemonError } from '../../sim/core/errors';
import { ExecConfig } from '../../sim/daemon/apitypes';
import type { ExecOptions } from '../../sim/daemon/exec';
import { ctxOf, readJson, traceOp, type Env } from '../app';
import { hijackExec } from '../hijack';
import { detachKeyBytes } from '../../sim/runtime/detach-keys';
import { intValue, json } from '../http';

export function execRoutes(app: Hono<Env>): void {
  app.post('/containers/:id/exec', async (c) => {
    const { e } = ctxOf(c);
    traceOp(c, 'exec.create');
    const body = await readJson<ExecOptions>(c, ExecConfig, 'ExecOptions', { required: true });
    if (!body) throw new DaemonError('invalid', 'invalid JSON: got EOF while reading request body');
    const id = e.execs.create(c.req.param('id'), body);
    return json(201, { Id: id });
  });

  app.post('/exec/:id/start', async (c) => {
    const ctx = ctxOf(c);
    const res = await hijackExec(ctx, c.req.param('id'), c.req.raw);
    if (res instanceof Response) return res;
    // not hijackable here: moby needs the connection upgrade for an attached exec
    res.abort();
    throw new DaemonError('invalid', 'exec start requires an HTTP connection upgrade (Connection: Upgrade, Upgrade: tcp)');
  });

  app.post('/exec/:id/resize', (c) => {
    const { e } = ctxOf(c);
    e.execs.resize(c.req.param('id'), intValue(c.req.query('h'), 0, 'h'), intValue(c.req.query('w'), 0, 'w'));
    return new Response('', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  });

  app.get('/exec/:id/json', (c) => {
    const { e } = ctxOf(c);
    const x = e.execs.get(c.req.param('id'));
    const [entrypoint, ...args] = x.opts.Cmd ?? [];
    return json(200, {
      ID: x.id,
      Running: x.running,
      ExitCode: x.exitCode,
      ProcessConfig: { tty: x.opts.Tty, entrypoint: entrypoint ?? '', arguments: args, privileged: x.opts.Privileged },
      OpenStdin: x.opts.AttachStdin,
      OpenStderr: x.opts.AttachStderr,
      OpenStdout: x.opts.AttachStdout,
      CanRemove: false,
      ContainerID: x.container.id,
      // a Go []byte: base64 in JSON; empty unless the exec was created with detach keys
      DetachKeys: x.opts.DetachKeys ? btoa(String.fromCharCode(...(detachKeyBytes(x.opts.DetachKeys) ?? []))) : '',
      Pid: x.pid,
    });
  });
}
