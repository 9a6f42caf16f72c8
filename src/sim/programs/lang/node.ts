// node: `node --version`, `node -e`, `node -p`, scripts (from a file or stdin), the REPL on a
// terminal ("Welcome to Node.js v24.3.0." and the "> " prompt), an event loop for timers and
// http servers (require('http').createServer(...).listen(3000)), process.on('SIGTERM'), and
// Node's uncaught-exception report. Node as PID 1 installs no SIGTERM handler, so `docker
// stop` waits out the grace period, as with the real image.

import type { Command, CommandContext, Run } from '../../../sh/types';
import { Signal } from '../../../sh/types';
import type { HttpRequest, HttpResponse } from '../../network/ports';
import { listen, sleep, trap, waitForSignal } from '../effects';
import { reason } from '../lib/http';
import { httpDate } from '../lib/time';
import { programVersion } from '../lib/version';
import { Exit, inspect, Interp, jsString, parse, ScriptError, type V } from './interp';
import { jsRuntime, type JsRuntime } from './js-host';

function report(ctx: CommandContext, version: string, e: ScriptError, file: string, src: string): void {
  const line = src.split('\n')[e.line - 1] ?? '';
  const where = file === '[eval]' || file === '[stdin]' ? `${file}:${e.line}:1` : `Object.<anonymous> (${file}:${e.line}:1)`;
  ctx.stderr.write(`${file}:${e.line}\n${line}\n^\n\n${e.kind}: ${e.message}\n${e.kind === 'SyntaxError' ? '' : `    at ${where}\n`}\nNode.js v${version}\n`);
}

function makeInterp(rt: JsRuntime): Interp {
  const i = new Interp(rt.host);
  rt.interp = i;
  return i;
}

export const node: Command = function* (ctx) {
  const version = yield* programVersion(ctx, 'NODE_VERSION', '24.3.0');
  const args = ctx.args.slice(1);
  let code: string | null = null;
  let file: string | null = null;
  let print = false;
  let forceRepl = false;
  let rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-v' || a === '--version') {
      ctx.stdout.write(`v${version}\n`);
      return 0;
    }
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      code = args[++i] ?? '';
      print = a === '-p' || a === '--print';
      rest = args.slice(i + 1);
      break;
    }
    if (a === '-i' || a === '--interactive') {
      forceRepl = true;
      continue;
    }
    if (a === '-h' || a === '--help') {
      ctx.stdout.write('Usage: node [options] [ script.js ] [arguments]\n       node inspect [options] [ script.js | host:port ] [arguments]\n\nOptions:\n  -                           script read from stdin (default if no file name is provided, interactive mode if a tty)\n  -e, --eval=...              evaluate script\n  -h, --help                  print node command line options (currently set)\n  -i, --interactive           always enter the REPL even if stdin does not appear to be a terminal\n  -p, --print [...]           evaluate script and print result\n  -v, --version               print Node.js version\n\nDocumentation can be found at https://nodejs.org/\n');
      return 0;
    }
    if (a.startsWith('-') && a !== '-') {
      if (/^--(max-old-space-size|inspect|enable-source-maps|no-warnings|trace)/.test(a)) continue;
      ctx.stderr.write(`node: bad option: ${a}\n`);
      return 9;
    }
    file = a;
    rest = args.slice(i + 1);
    break;
  }
  const stdout = (s: string) => ctx.stdout.write(s);
  const stderr = (s: string) => ctx.stderr.write(s);

  let src: string;
  let name: string;
  if (code !== null) {
    src = code;
    name = '[eval]';
  } else if (file !== null && file !== '-') {
    const path = file.startsWith('/') ? file : `${ctx.cwd.replace(/\/$/, '')}/${file}`;
    let text: string | null = null;
    try {
      if (ctx.fs.stat(path).type === 'file') text = ctx.fs.readFile(path);
    } catch {
      // not found
    }
    if (text === null) {
      ctx.stderr.write(`node:internal/modules/cjs/loader:1413\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1410:15)\n    at defaultResolveImpl (node:internal/modules/cjs/loader:1051:19)\n    at resolveForCJSWithHooks (node:internal/modules/cjs/loader:1056:22)\n    at Function._load (node:internal/modules/cjs/loader:1219:37)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:238:24)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:154:5)\n    at node:internal/main/run_main_module:33:47 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`);
      return 1;
    }
    src = text.replace(/^#!.*\n/, '\n');
    name = path;
  } else if (ctx.stdin.interactive || forceRepl) {
    return yield* repl(ctx, version);
  } else {
    src = '';
    for (;;) {
      const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
      if (chunk === null) break;
      src += chunk;
    }
    name = '[stdin]';
  }

  const rt = jsRuntime(ctx, version, file ? [file, ...rest] : rest, stdout, stderr);
  const interp = makeInterp(rt);
  try {
    const v = interp.run(parse(src, 'js'));
    if (print) stdout(`${inspect(v, true)}\n`);
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof ScriptError) {
      report(ctx, version, e, name, src);
      return 1;
    }
    throw e;
  }
  return yield* eventLoop(ctx, rt, interp, version, name, src);
};

function* eventLoop(ctx: CommandContext, rt: JsRuntime, interp: Interp, version: string, name: string, src: string): Run<number> {
  const state: { crashed: ScriptError | Exit | null } = { crashed: null };
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof ScriptError || e instanceof Exit) state.crashed ??= e;
      else throw e;
    }
  };
  for (const s of rt.servers) {
    if (s.port === null) continue;
    const port = s.port;
    const handler = (req: HttpRequest): HttpResponse => respond(ctx, interp, s.handler, req, (e) => (state.crashed ??= e));
    const ok = yield* listen(port, handler);
    if (!ok) {
      ctx.stderr.write(`node:events:485\n      throw er; // Unhandled 'error' event\n      ^\n\nError: listen EADDRINUSE: address already in use :::${port}\n\nNode.js v${version}\n`);
      return 1;
    }
    if (s.onListen) guard(() => interp.call(s.onListen, [], undefined, 'callback'));
  }
  for (const sig of rt.signalHandlers.keys()) if (sig.startsWith('SIG')) yield* trap(sig, 'catch');
  for (;;) {
    const crashed = state.crashed;
    if (crashed) {
      if (crashed instanceof Exit) return crashed.code;
      report(ctx, version, crashed, name, src);
      return 1;
    }
    const listening = rt.servers.some((s) => s.port !== null);
    if (rt.timers.length === 0 && !listening) return 0;
    const next = rt.timers.reduce<number | null>((m, t) => (m === null || t.at < m ? t.at : m), null);
    try {
      if (next !== null) yield* sleep(Math.max(0, next - ctx.sys.now()));
      else if (listening) yield* sleep(100);
      else yield* waitForSignal();
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      for (const h of rt.signalHandlers.get(e.signal) ?? []) guard(() => interp.call(h, [e.signal], undefined, 'handler'));
      continue;
    }
    const now = ctx.sys.now();
    for (const t of [...rt.timers].sort((a, b) => a.at - b.at)) {
      if (t.at > now) continue;
      if (t.every === null) rt.timers = rt.timers.filter((x) => x !== t);
      else t.at = now + t.every;
      guard(() => interp.call(t.fn, t.args, undefined, 'callback'));
    }
  }
}

function respond(ctx: CommandContext, interp: Interp, handler: V, req: HttpRequest, crash: (e: ScriptError | Exit) => void): HttpResponse {
  const headers: Record<string, string> = {};
  let status = 200;
  let body = '';
  let ended = false;
  const native = (n: string, call: (a: V[]) => V): V => ({ kind: 'native', name: n, call });
  const reqHeaders: { [k: string]: V } = {};
  for (const [k, v] of Object.entries(req.headers)) reqHeaders[k.toLowerCase()] = v;
  const reqObj: { [k: string]: V } = { method: req.method, url: req.path || '/', headers: reqHeaders, httpVersion: '1.1', on: native('on', () => reqObj) };
  const res: { [k: string]: V } = {};
  Object.assign(res, {
    statusCode: 200,
    setHeader: native('setHeader', (a) => ((headers[String(a[0])] = jsString(a[1])), res)),
    getHeader: native('getHeader', (a) => headers[String(a[0])]),
    writeHead: native('writeHead', (a) => {
      status = Number(a[0]);
      const h = a.find((x, i) => i > 0 && typeof x === 'object' && x !== null) as { [k: string]: V } | undefined;
      if (h) for (const [k, v] of Object.entries(h)) headers[k] = jsString(v);
      return res;
    }),
    write: native('write', (a) => ((body += jsString(a[0])), true)),
    end: native('end', (a) => {
      if (a[0] !== undefined && typeof a[0] !== 'object') body += jsString(a[0]);
      ended = true;
      return res;
    }),
  });
  try {
    interp.call(handler, [reqObj, res], undefined, 'handler');
  } catch (e) {
    if (e instanceof ScriptError || e instanceof Exit) crash(e);
    else throw e;
    return { status: 0, headers: {}, body: '' };
  }
  if (res.statusCode !== 200 && status === 200) status = Number(res.statusCode);
  if (!ended) return { status: 0, headers: {}, body: '' };
  const out: Record<string, string> = { ...headers, Date: httpDate(ctx.sys.now()), Connection: 'keep-alive', 'Keep-Alive': 'timeout=5', 'Content-Length': String(new TextEncoder().encode(body).length) };
  return { status, statusText: reason(status), headers: out, body };
}

function* repl(ctx: CommandContext, version: string): Run<number> {
  ctx.stdout.write(`Welcome to Node.js v${version}.\nType ".help" for more information.\n`);
  const rt = jsRuntime(ctx, version, [], (s) => ctx.stdout.write(s), (s) => ctx.stderr.write(s));
  const interp = makeInterp(rt);
  yield* trap('SIGINT', 'catch');
  let buf = '';
  let interrupted = false;
  for (;;) {
    ctx.stdout.write('> ');
    let line: string | null = null;
    try {
      while (line === null) {
        const nl = buf.indexOf('\n');
        if (nl >= 0) {
          line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          break;
        }
        const chunk = ctx.stdin.take() || ((yield { type: 'read' }) as string | null);
        if (chunk === null) {
          ctx.stdout.write('\n');
          return 0;
        }
        buf += chunk;
      }
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      if (interrupted) return 0;
      interrupted = true;
      ctx.stdout.write('\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      buf = '';
      continue;
    }
    interrupted = false;
    const l = line.trim();
    if (l === '') continue;
    if (l === '.exit') return 0;
    if (l === '.help') {
      ctx.stdout.write('.break    Sometimes you get stuck, this gets you out\n.clear    Alias for .break\n.editor   Enter editor mode\n.exit     Exit the REPL\n.help     Print this help message\n.load     Load JS from a file into the REPL session\n.save     Save all evaluated commands in this REPL session to a file\n\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      continue;
    }
    try {
      const v = interp.run(parse(l, 'js'));
      ctx.stdout.write(`${inspect(v, false)}\n`);
    } catch (e) {
      if (e instanceof Exit) return e.code;
      if (e instanceof ScriptError) ctx.stdout.write(`Uncaught ${e.kind}: ${e.message}\n`);
      else throw e;
    }
  }
}
