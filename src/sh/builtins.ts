// Shell builtins. Each receives the shell it runs in, the command context (args, stdio) and
// the current file descriptors.

import { echoText } from './applets/echo';
import { printfFormat } from './applets/printf';
import { runTest, type TestStyle } from './applets/test';
import { evalArith, ArithError } from './arith';
import { fsCode, resolvePath, strerror } from './errors';
import { ExpansionError } from './expand';
import { readChunk, canUnread } from './io';
import { isName, Parser } from './parser';
import { signalName, signalNumber, SIGNALS } from './signals';
import type { Fds, Shell } from './shell';
import { BreakRequest, ReturnRequest, redirectBase } from './shell';
import type { Flavor } from './syntax-error';
import { ExitRequest, Signal, type CommandContext, type Run } from './types';
import type { Task } from './scheduler';

export interface BuiltinDef {
  run: (sh: Shell, ctx: CommandContext, fds: Fds) => Run<number>;
  /** Only in these shells (default: all). */
  flavors?: Flavor[];
}

/** POSIX special builtins: assignments before them persist (dash, ash). */
export const SPECIAL_BUILTINS = new Set([
  ':', '.', 'break', 'continue', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset',
]);

export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in']);
const BASH_KEYWORDS = new Set(['[[', ']]', 'function', 'select', 'time', 'coproc']);

const err = (sh: Shell, ctx: CommandContext, builtin: string, msg: string) => ctx.stderr.write(`${sh.prefix(builtin)}${msg}\n`);

/** Errors from busybox applets running as ash builtins (echo, printf, test): `sh: msg`. */
const appletErr = (sh: Shell, ctx: CommandContext, builtin: string, msg: string) => {
  if (sh.flavor === 'ash') ctx.stderr.write(`${sh.name}: ${msg}\n`);
  else err(sh, ctx, builtin, msg);
};

function* noop(): Run<number> {
  return 0;
}

function* fail(): Run<number> {
  return 1;
}

// ---------------------------------------------------------------------- cd, pwd

function* cd(sh: Shell, ctx: CommandContext): Run<number> {
  let args = ctx.args.slice(1);
  while (args[0] === '-L' || args[0] === '-P') args = args.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args.length > 1 && sh.flavor === 'bash') {
    err(sh, ctx, 'cd', 'too many arguments');
    return 1;
  }
  let target = args[0];
  let print = false;
  if (target === undefined || target === '') {
    if (target === '' && sh.flavor === 'bash') return 0;
    const home = sh.getVar('HOME');
    if (!home) {
      if (sh.flavor === 'bash') {
        err(sh, ctx, 'cd', 'HOME not set');
        return 1;
      }
      return 0;
    }
    target = home;
  } else if (target === '-') {
    const old = sh.getVar('OLDPWD');
    if (!old) {
      if (sh.flavor === 'bash') err(sh, ctx, 'cd', 'OLDPWD not set');
      else err(sh, ctx, 'cd', sh.flavor === 'dash' ? "can't cd to " : "can't cd to : No such file or directory");
      return sh.flavor === 'bash' ? 1 : 2;
    }
    target = old;
    print = true;
  }
  const path = resolvePath(sh.cwd, target);
  let code: string | null = null;
  try {
    const st = sh.fs.stat(path);
    if (st.type !== 'dir') code = 'ENOTDIR';
    else if (sh.sys.uid !== 0) {
      const bit = st.uid === sh.sys.uid ? 0o100 : st.gid === sh.sys.gid ? 0o010 : 0o001;
      if ((st.mode & bit) === 0) code = 'EACCES';
    }
  } catch (e) {
    code = fsCode(e);
  }
  if (code) {
    switch (sh.flavor) {
      case 'bash':
        err(sh, ctx, 'cd', `${target}: ${strerror(code)}`);
        return 1;
      case 'dash':
        err(sh, ctx, 'cd', `can't cd to ${target}`);
        return 2;
      case 'ash':
        err(sh, ctx, 'cd', `can't cd to ${target}: ${strerror(code)}`);
        return 2;
    }
  }
  sh.chdir(path);
  if (print) ctx.stdout.write(path + '\n');
  return 0;
}

function* pwd(sh: Shell, ctx: CommandContext): Run<number> {
  if (ctx.args.includes('-P')) {
    try {
      ctx.stdout.write(sh.fs.realpath(sh.cwd) + '\n');
      return 0;
    } catch {
      // fall through
    }
  }
  ctx.stdout.write(sh.cwd + '\n');
  return 0;
}

// ---------------------------------------------------------------------- echo, printf, test

function* echo(sh: Shell, ctx: CommandContext): Run<number> {
  const style = sh.flavor === 'ash' ? 'busybox' : sh.flavor;
  ctx.stdout.write(echoText(ctx.args.slice(1), style));
  return 0;
}

function* printf(sh: Shell, ctx: CommandContext): Run<number> {
  let args = ctx.args.slice(1);
  if (args[0] === '--') args = args.slice(1);
  let target: string | undefined;
  if (args[0] === '-v' && sh.flavor === 'bash') {
    target = args[1];
    args = args.slice(2);
  }
  if (args.length === 0) {
    if (sh.flavor === 'bash') {
      err(sh, ctx, 'printf', 'usage: printf [-v var] format [arguments]');
    } else if (sh.flavor === 'dash') err(sh, ctx, 'printf', 'usage: printf format [arg ...]');
    else ctx.stderr.write(`${sh.name}: usage: printf FORMAT [ARGUMENT...]\n`);
    return 2;
  }
  const style = sh.flavor === 'ash' ? 'busybox' : sh.flavor;
  const r = printfFormat(args[0], args.slice(1), style);
  for (const e of r.errors) appletErr(sh, ctx, 'printf', e);
  if (target !== undefined) sh.assign(target, r.out);
  else ctx.stdout.write(r.out);
  return r.status;
}

function testBuiltin(bracket: boolean) {
  return function* (sh: Shell, ctx: CommandContext): Run<number> {
    const style: TestStyle = sh.flavor === 'ash' ? 'busybox' : sh.flavor;
    const r = runTest(ctx.args.slice(1), bracket, style, {
      fs: sh.fs,
      cwd: sh.cwd,
      uid: sh.sys.uid,
      gid: sh.sys.gid,
      isatty: (fd) => (fd === 0 ? ctx.stdin.interactive : ctx.isatty),
    });
    if (r.error) appletErr(sh, ctx, ctx.args[0], r.error);
    return r.status;
  };
}

// ---------------------------------------------------------------------- variables

function quoteValue(v: string, flavor: Flavor): string {
  if (flavor === 'bash') return '"' + v.replace(/(["\\$`])/g, '\\$1') + '"';
  return "'" + v.replace(/'/g, "'\\''") + "'";
}

function setQuote(v: string, flavor: Flavor): string {
  if (flavor !== 'bash') return "'" + v.replace(/'/g, "'\\''") + "'";
  if (v === '') return "''";
  if (/^[A-Za-z0-9_./:@%+,=-]+$/.test(v)) return v;
  if (/[\n\t\x1b]/.test(v)) {
    return "$'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\x1b/g, '\\E') + "'";
  }
  return "'" + v.replace(/'/g, "'\\''") + "'";
}

function sortedVars(sh: Shell) {
  return [...sh.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function badName(sh: Shell, ctx: CommandContext, builtin: string, arg: string): number {
  if (sh.flavor === 'bash') {
    err(sh, ctx, builtin, `\`${arg}': not a valid identifier`);
    return 1;
  }
  err(sh, ctx, builtin, `${arg.split('=')[0]}: bad variable name`);
  return 2;
}

function exportLike(kind: 'export' | 'readonly') {
  return function* (sh: Shell, ctx: CommandContext): Run<number> {
    let args = ctx.args.slice(1);
    let unexport = false;
    let printIt = false;
    while (args[0] && /^-[pnf]+$/.test(args[0])) {
      if (args[0].includes('n')) unexport = true;
      if (args[0].includes('p')) printIt = true;
      args = args.slice(1);
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0 || printIt) {
      for (const [k, v] of sortedVars(sh)) {
        if (kind === 'export' ? !v.exported : !v.readonly) continue;
        if (sh.flavor === 'bash') {
          const flag = kind === 'export' ? (v.readonly ? '-rx' : '-x') : v.exported ? '-rx' : '-r';
          ctx.stdout.write(`declare ${flag} ${k}${v.value === undefined ? '' : '=' + quoteValue(v.value, 'bash')}\n`);
        } else {
          ctx.stdout.write(`${kind} ${k}${v.value === undefined ? '' : '=' + quoteValue(v.value, sh.flavor)}\n`);
        }
      }
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a : a.slice(0, eq);
      if (!isName(name)) {
        status = badName(sh, ctx, kind, a);
        continue;
      }
      const cur = sh.vars.get(name);
      if (eq >= 0) {
        if (cur?.readonly) {
          const e = sh.readonlyError(name);
          err(sh, ctx, kind, e.message);
          status = 1;
          continue;
        }
        sh.assign(name, a.slice(eq + 1));
      } else if (!cur) sh.vars.set(name, {});
      const v = sh.vars.get(name)!;
      if (kind === 'export') v.exported = !unexport;
      else v.readonly = true;
    }
    return status;
  };
}

function* unset(sh: Shell, ctx: CommandContext): Run<number> {
  let args = ctx.args.slice(1);
  let funcs = false;
  while (args[0] && args[0].startsWith('-') && args[0] !== '--') {
    for (const f of args[0].slice(1)) {
      if (f === 'f') funcs = true;
      else if (f === 'v' || f === 'n') funcs = false;
      else {
        if (sh.flavor === 'bash') {
          err(sh, ctx, 'unset', `-${f}: invalid option`);
          ctx.stderr.write('unset: usage: unset [-f] [-v] [-n] [name ...]\n');
        } else if (sh.flavor === 'dash') err(sh, ctx, 'unset', `Illegal option -${f}`);
        else err(sh, ctx, 'unset', `illegal option -${f}`);
        return 2;
      }
    }
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  let status = 0;
  for (const name of args) {
    if (funcs) {
      sh.funcs.delete(name);
      continue;
    }
    const v = sh.vars.get(name);
    if (v?.readonly) {
      if (sh.flavor === 'bash') {
        err(sh, ctx, 'unset', `${name}: cannot unset: readonly variable`);
        status = 1;
      } else {
        err(sh, ctx, 'unset', `${name}: is read only`);
        status = 2;
      }
      continue;
    }
    if (v) sh.vars.delete(name);
    else if (sh.funcs.has(name) && sh.flavor === 'bash') sh.funcs.delete(name);
  }
  return status;
}

function* set(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    for (const [k, v] of sortedVars(sh)) {
      if (v.value === undefined) continue;
      ctx.stdout.write(`${k}=${setQuote(v.value, sh.flavor)}\n`);
    }
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-' ) {
      sh.opts.xtrace = false;
      sh.opts.verbose = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    for (const f of a.slice(1)) {
      if (f === 'o') {
        const name = args[++i];
        if (name === undefined) {
          const o = sh.opts;
          const list: [string, boolean][] = [
            ['errexit', o.errexit], ['noglob', o.noglob], ['noclobber', o.noclobber], ['nounset', o.nounset], ['pipefail', o.pipefail], ['verbose', o.verbose], ['xtrace', o.xtrace],
          ];
          for (const [n, v] of list) ctx.stdout.write(sh.flavor === 'bash' ? `${n.padEnd(15)}\t${v ? 'on' : 'off'}\n` : `${n.padEnd(16)}${v ? 'on' : 'off'}\n`);
          continue;
        }
        if (!sh.setOption(name, on)) {
          if (sh.flavor === 'bash') err(sh, ctx, 'set', `${name}: invalid option name`);
          else err(sh, ctx, 'set', `Illegal option -o ${name}`);
          return sh.flavor === 'bash' ? 1 : 2;
        }
        continue;
      }
      if (!sh.setFlag(f, on)) {
        if (sh.flavor === 'bash') {
          err(sh, ctx, 'set', `${a[0]}${f}: invalid option`);
          ctx.stderr.write('set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
        } else if (sh.flavor === 'dash') err(sh, ctx, 'set', `Illegal option ${a[0]}${f}`);
        else err(sh, ctx, 'set', `illegal option ${a[0]}${f}`);
        return 2;
      }
    }
  }
  if (i < args.length) sh.positional = args.slice(i);
  return 0;
}

function* shift(sh: Shell, ctx: CommandContext): Run<number> {
  const a = ctx.args[1];
  let n = 1;
  if (a !== undefined) {
    if (!/^\d+$/.test(a)) {
      if (sh.flavor === 'bash') {
        err(sh, ctx, 'shift', `${a}: numeric argument required`);
        return 1;
      }
      err(sh, ctx, 'shift', `Illegal number: ${a}`);
      return 2;
    }
    n = Number(a);
  }
  if (n > sh.positional.length) {
    if (sh.flavor === 'dash') {
      err(sh, ctx, 'shift', "can't shift that many");
      return 2;
    }
    return 1;
  }
  sh.positional = sh.positional.slice(n);
  return 0;
}

function* local(sh: Shell, ctx: CommandContext): Run<number> {
  const scope = sh.locals[sh.locals.length - 1];
  if (!scope) {
    if (sh.flavor === 'bash') {
      err(sh, ctx, 'local', 'can only be used in a function');
      return 1;
    }
    err(sh, ctx, 'local', 'not in a function');
    return 2;
  }
  let status = 0;
  for (const a of ctx.args.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) {
      status = badName(sh, ctx, 'local', a);
      continue;
    }
    if (!scope.has(name)) {
      const cur = sh.vars.get(name);
      scope.set(name, cur ? { ...cur } : undefined);
    }
    if (eq >= 0) sh.assign(name, a.slice(eq + 1));
    else if (sh.flavor === 'bash') {
      const cur = sh.vars.get(name);
      sh.vars.set(name, { exported: cur?.exported });
    }
  }
  return status;
}

function* declare(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of args) {
    if (/^[-+][a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(a[0] + f);
    else names.push(a);
  }
  if (flags.has('-p') || names.length === 0) {
    const list = names.length ? names.map((n) => [n, sh.vars.get(n)] as const) : sortedVars(sh);
    let status = 0;
    for (const [k, v] of list) {
      if (!v) {
        err(sh, ctx, 'declare', `${k}: not found`);
        status = 1;
        continue;
      }
      const fl = (v.readonly ? 'r' : '') + (v.exported ? 'x' : '');
      ctx.stdout.write(`declare -${fl || '-'} ${k}${v.value === undefined ? '' : '=' + quoteValue(v.value, 'bash')}\n`);
    }
    return status;
  }
  const inFunc = sh.locals.length > 0 && !flags.has('-g');
  let status = 0;
  for (const a of names) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!isName(name)) {
      status = badName(sh, ctx, 'declare', a);
      continue;
    }
    if (inFunc) {
      const scope = sh.locals[sh.locals.length - 1];
      if (!scope.has(name)) scope.set(name, sh.vars.has(name) ? { ...sh.vars.get(name)! } : undefined);
    }
    if (eq >= 0) sh.assign(name, a.slice(eq + 1));
    else if (!sh.vars.has(name)) sh.vars.set(name, {});
    const v = sh.vars.get(name)!;
    if (flags.has('-x')) v.exported = true;
    if (flags.has('+x')) v.exported = false;
    if (flags.has('-r')) v.readonly = true;
  }
  return status;
}

function* letBuiltin(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    err(sh, ctx, 'let', 'expression expected');
    return 1;
  }
  let v = 0n;
  for (const a of args) {
    try {
      v = evalArith(a, { get: (n) => sh.getVar(n), set: (n, val) => sh.assign(n, val) }, sh.flavor);
    } catch (e) {
      if (e instanceof ArithError) {
        err(sh, ctx, 'let', e.message);
        return 1;
      }
      throw e;
    }
  }
  return v === 0n ? 1 : 0;
}

// ---------------------------------------------------------------------- control flow

function* exit(sh: Shell, ctx: CommandContext): Run<number> {
  const a = ctx.args[1];
  let status = sh.status;
  if (sh.interactive && sh.flavor === 'bash' && !isSub(sh)) ctx.stderr.write('exit\n');
  if (a !== undefined) {
    if (!/^[+-]?\d+$/.test(a.trim())) {
      if (sh.flavor === 'bash') {
        err(sh, ctx, 'exit', `${a}: numeric argument required`);
        throw new ExitRequest(2);
      }
      err(sh, ctx, 'exit', `Illegal number: ${a}`);
      throw new ExitRequest(2);
    }
    if (ctx.args.length > 2 && sh.flavor === 'bash') {
      err(sh, ctx, 'exit', 'too many arguments');
      return 1;
    }
    status = Number(BigInt.asUintN(8, BigInt(a.trim())));
  }
  throw new ExitRequest(status);
}

function isSub(sh: Shell): boolean {
  return (sh as unknown as { isSubshell: boolean }).isSubshell;
}

function* returnBuiltin(sh: Shell, ctx: CommandContext): Run<number> {
  const a = ctx.args[1];
  let status = sh.status;
  if (a !== undefined) {
    if (!/^[+-]?\d+$/.test(a)) {
      if (sh.flavor === 'bash') err(sh, ctx, 'return', `${a}: numeric argument required`);
      else err(sh, ctx, 'return', `Illegal number: ${a}`);
      status = 2;
    } else status = Number(BigInt.asUintN(8, BigInt(a)));
  }
  if (sh.locals.length === 0 && sourceDepth.get(sh) === undefined) {
    if (sh.flavor === 'bash') {
      err(sh, ctx, 'return', "can only `return' from a function or sourced script");
      return 2;
    }
    throw new ExitRequest(status);
  }
  throw new ReturnRequest(status);
}

function loopControl(kind: 'break' | 'continue') {
  return function* (sh: Shell, ctx: CommandContext): Run<number> {
    const a = ctx.args[1];
    let n = 1;
    if (a !== undefined) {
      if (!/^\d+$/.test(a) || Number(a) < 1) {
        if (sh.flavor === 'bash') err(sh, ctx, kind, `${a}: loop count out of range`);
        else err(sh, ctx, kind, `Illegal number: ${a}`);
        return 1;
      }
      n = Number(a);
    }
    if (sh.loopDepth === 0) {
      if (sh.flavor === 'bash') err(sh, ctx, kind, "only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    throw new BreakRequest(Math.min(n, sh.loopDepth), kind);
  };
}

// ---------------------------------------------------------------------- read

function* read(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  let raw = false;
  let prompt: string | undefined;
  let delim = '\n';
  let nchars: number | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      const val = () => {
        const rest = a.slice(j + 1);
        j = a.length;
        return rest !== '' ? rest : args[++i];
      };
      if (f === 'r') raw = true;
      else if (f === 's') continue;
      else if (f === 'p' && sh.flavor !== 'dash') prompt = val();
      else if (f === 'd' && sh.flavor === 'bash') delim = (val() ?? '').charAt(0) || '\0';
      else if (f === 'n' && sh.flavor !== 'dash') nchars = Number(val());
      else if (f === 't' && sh.flavor !== 'dash') val();
      else if (f === 'a' && sh.flavor === 'bash') continue;
      else {
        if (sh.flavor === 'bash') {
          err(sh, ctx, 'read', `-${f}: invalid option`);
          ctx.stderr.write('read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n');
        } else err(sh, ctx, 'read', `Illegal option -${f}`);
        return 2;
      }
    }
  }
  const names = args.slice(i);
  if (names.length === 0) {
    if (sh.flavor === 'dash') {
      err(sh, ctx, 'read', 'arg count');
      return 2;
    }
    names.push('REPLY');
  }
  for (const n of names) {
    if (!isName(n)) {
      if (sh.flavor === 'bash') {
        err(sh, ctx, 'read', `\`${n}': not a valid identifier`);
        return 1;
      }
      err(sh, ctx, 'read', `${n}: bad variable name`);
      return 2;
    }
  }
  if (prompt !== undefined && (sh.flavor !== 'bash' || ctx.stdin.interactive)) ctx.stderr.write(prompt);
  // Read up to the delimiter, handling backslash-newline continuation unless -r.
  let line = '';
  let eof = false;
  let pending = '';
  outer: for (;;) {
    if (pending === '') {
      const c = yield* readChunk(ctx.stdin);
      if (c === null) {
        eof = true;
        break;
      }
      pending = c;
    }
    let k = 0;
    for (; k < pending.length; k++) {
      const ch = pending[k];
      if (nchars !== undefined && [...line].length >= nchars) {
        pending = pending.slice(k);
        break outer;
      }
      if (ch === delim) {
        pending = pending.slice(k + 1);
        break outer;
      }
      if (ch === '\\' && !raw) {
        if (k + 1 >= pending.length) {
          const c = yield* readChunk(ctx.stdin);
          if (c === null) {
            k++;
            continue;
          }
          pending = pending + c;
        }
        const n = pending[k + 1];
        if (n === '\n') {
          k++;
          continue;
        }
        line += '\u0000' + n;
        k++;
        continue;
      }
      line += ch;
    }
    pending = pending.slice(k);
    if (nchars !== undefined && [...line].length >= nchars) break;
  }
  if (pending && canUnread(ctx.stdin)) ctx.stdin.unread(pending);
  if (eof && line === '') {
    for (const n of names) sh.assign(n, '');
    return 1;
  }
  // Field splitting on IFS; \0 marks an escaped (literal) character.
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const isIfs = (s: string, j: number) => ifs.includes(s[j]) && (j === 0 || s[j - 1] !== '\u0000');
  const isWs = (c: string) => ' \t\n'.includes(c) && ifs.includes(c);
  const fields: string[] = [];
  let j = 0;
  const s = line;
  const strip = (t: string) => t.replace(/\u0000(.)/gs, '$1');
  while (j < s.length && isWs(s[j]) && isIfs(s, j)) j++;
  for (let n = 0; n < names.length; n++) {
    if (n === names.length - 1) {
      let rest = s.slice(j);
      // Trailing IFS whitespace is removed from the last field.
      let end = rest.length;
      while (end > 0 && isWs(rest[end - 1]) && (end < 2 || rest[end - 2] !== '\u0000')) end--;
      rest = rest.slice(0, end);
      fields.push(strip(rest));
      break;
    }
    let f = '';
    while (j < s.length && !isIfs(s, j)) {
      f += s[j];
      j++;
    }
    fields.push(strip(f));
    // skip one separator (whitespace runs plus at most one non-ws IFS char)
    while (j < s.length && isWs(s[j]) && isIfs(s, j)) j++;
    if (j < s.length && isIfs(s, j) && !isWs(s[j])) {
      j++;
      while (j < s.length && isWs(s[j]) && isIfs(s, j)) j++;
    }
  }
  try {
    names.forEach((n, k) => sh.assign(n, fields[k] ?? ''));
  } catch (e) {
    if (e instanceof ExpansionError) {
      err(sh, ctx, 'read', e.message);
      return 1;
    }
    throw e;
  }
  return eof ? 1 : 0;
}

// ---------------------------------------------------------------------- eval, source, exec

function* evalBuiltin(sh: Shell, ctx: CommandContext, fds: Fds): Run<number> {
  const src = ctx.args.slice(1).join(' ');
  if (src.trim() === '') return 0;
  return yield* sh.evalString(src, fds);
}

const sourceDepth = new WeakMap<Shell, number>();

function* source(sh: Shell, ctx: CommandContext, fds: Fds): Run<number> {
  const name = ctx.args[0];
  const file = ctx.args[1];
  if (file === undefined) {
    if (sh.flavor === 'bash') {
      err(sh, ctx, name, 'filename argument required');
      ctx.stderr.write(`${name}: usage: ${name} filename [arguments]\n`);
      return 2;
    }
    return 0;
  }
  let path: string | undefined;
  if (file.includes('/')) path = resolvePath(sh.cwd, file);
  else {
    for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
      const p = resolvePath(sh.cwd, `${dir || '.'}/${file}`);
      try {
        if (sh.fs.stat(p).type === 'file') {
          path = p;
          break;
        }
      } catch {
        // keep looking
      }
    }
    if (!path && sh.flavor !== 'dash') path = resolvePath(sh.cwd, file);
  }
  let text: string;
  try {
    if (!path) throw new ExpansionError('', 0);
    const proc = sh.procFdAt(path);
    text = proc ? (proc.text ?? '') : sh.fs.readFile(path);
  } catch (e) {
    const code = e instanceof ExpansionError ? 'ENOENT' : fsCode(e);
    switch (sh.flavor) {
      case 'bash':
        err(sh, ctx, '', `${file}: ${strerror(code)}`.replace(/^/, ''));
        return 1;
      case 'dash':
        if (!path) err(sh, ctx, name, `${file}: not found`);
        else err(sh, ctx, name, `cannot open ${file}: ${code === 'ENOENT' ? 'No such file' : strerror(code)}`);
        throw new ExitRequest(2);
      case 'ash':
        err(sh, ctx, name, `can't open '${file}': ${strerror(code)}`);
        if (!sh.interactive) throw new ExitRequest(2);
        return 2;
    }
  }
  const savedPos = sh.positional;
  if (ctx.args.length > 2) sh.positional = ctx.args.slice(2);
  sourceDepth.set(sh, (sourceDepth.get(sh) ?? 0) + 1);
  const savedLine = sh.lineno;
  const savedFile = sh.sourceFile;
  sh.sourceFile = file;
  try {
    const parser = new Parser(text, { flavor: sh.flavor, firstLine: 1 });
    let status = 0;
    for (;;) {
      const list = parser.parseNext();
      if (!list) break;
      status = yield* sh.execList(list, fds);
    }
    return status;
  } catch (e) {
    if (e instanceof ReturnRequest) return e.status;
    throw e;
  } finally {
    const d = (sourceDepth.get(sh) ?? 1) - 1;
    if (d === 0) sourceDepth.delete(sh);
    else sourceDepth.set(sh, d);
    if (ctx.args.length > 2) sh.positional = savedPos;
    sh.lineno = savedLine;
    sh.sourceFile = savedFile;
  }
}

function* exec(sh: Shell, ctx: CommandContext, fds: Fds): Run<number> {
  const args = ctx.args.slice(1);
  if (args.length === 0) {
    // Redirections become permanent: for the rest of this list and for the shell.
    const base = redirectBase.get(fds) ?? fds;
    for (const [k, v] of fds) {
      base.set(k, v);
      sh.fds.set(k, v);
    }
    return 0;
  }
  // the command replaces the shell process (execve), when the shell is a process of its own
  if (!BUILTINS[args[0]!] && !sh.funcs.has(args[0]!)) {
    const env = sh.environment();
    const found = sh.findCommand(args[0]!, env, fds);
    if (typeof found === 'number') throw new ExitRequest(found);
    const cmdCtx = sh.context(args, fds, env);
    cmdCtx.pid = sh.pid;
    if (sh.handOver(found, cmdCtx)) throw new ExitRequest(0);
  }
  const status = yield* sh.invoke(args, [], fds);
  throw new ExitRequest(status);
}

// ---------------------------------------------------------------------- trap, kill, wait, jobs

function trapName(spec: string): string | undefined {
  if (spec === '0' || spec.toUpperCase() === 'EXIT' || spec.toUpperCase() === 'SIGEXIT') return 'EXIT';
  const n = signalNumber(spec);
  if (n === undefined || n === 0) return undefined;
  return signalName(n);
}

function* trap(sh: Shell, ctx: CommandContext): Run<number> {
  let args = ctx.args.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (args[0] === '-l' && sh.flavor !== 'dash') return yield* killList(sh, ctx, []);
  if (args.length === 0 || args[0] === '-p') {
    const order = ['EXIT', ...SIGNALS.map(([n]) => n)];
    for (const name of order) {
      const action = sh.traps.get(name);
      if (action === undefined) continue;
      const shown = name === 'EXIT' || sh.flavor !== 'bash' ? name : 'SIG' + name;
      ctx.stdout.write(`trap -- '${action.replace(/'/g, "'\\''")}' ${shown}\n`);
    }
    return 0;
  }
  let action: string | undefined = args[0];
  let sigs = args.slice(1);
  // `trap SIG...` (first arg a signal number) resets; `trap - SIG` too.
  if (sigs.length === 0 || /^\d+$/.test(action)) {
    if (/^\d+$/.test(action) || sigs.length === 0) {
      sigs = args;
      action = undefined;
    }
  }
  if (action === '-') action = undefined;
  let status = 0;
  for (const s of sigs) {
    const name = trapName(s);
    if (!name) {
      if (sh.flavor === 'dash') ctx.stderr.write(`trap: ${s}: bad trap\n`);
      else err(sh, ctx, 'trap', `${s}: invalid signal specification`);
      status = 1;
      continue;
    }
    if (action === undefined) sh.traps.delete(name);
    else sh.traps.set(name, action);
    // Tell the driver how this process now treats the signal (the kernel needs it: PID 1 of a
    // container ignores signals it has no handler for). Drivers that don't care resume at once.
    if (name !== 'EXIT' && name !== 'DEBUG' && name !== 'ERR' && name !== 'RETURN')
      yield { type: 'custom', name: 'signal-disposition', data: { signal: `SIG${name}`, action: action === undefined ? 'default' : action === '' ? 'ignore' : 'catch' } };
  }
  return status;
}

function* killList(sh: Shell, ctx: CommandContext, rest: string[]): Run<number> {
  if (rest.length) {
    let status = 0;
    for (const r of rest) {
      let n = Number(r);
      if (n > 128) n -= 128;
      const name = /^\d+$/.test(r) ? signalName(n) : signalNumber(r) !== undefined ? String(signalNumber(r)) : undefined;
      if (name === undefined) {
        if (sh.flavor === 'bash') err(sh, ctx, 'kill', `${r}: invalid signal specification`);
        else err(sh, ctx, 'kill', `invalid signal number or exit status: ${r}`);
        status = 1;
        continue;
      }
      ctx.stdout.write(name + '\n');
    }
    return status;
  }
  if (sh.flavor === 'bash') {
    let line = '';
    SIGNALS.forEach(([name, n], i) => {
      line += `${String(n).padStart(2)}) SIG${name}`;
      if ((i + 1) % 5 === 0) {
        ctx.stdout.write(line + '\n');
        line = '';
      } else line += '\t';
    });
    if (line) ctx.stdout.write(line.replace(/\t$/, '') + '\n');
  } else if (sh.flavor === 'dash') {
    ctx.stdout.write('0\n' + SIGNALS.map(([n]) => n).join('\n') + '\n');
  } else {
    for (const [name, n] of SIGNALS) ctx.stdout.write(`${String(n).padStart(2)}) ${name}\n`);
  }
  return 0;
}

function findJob(sh: Shell, spec: string): { task: Task; pid: number } | undefined {
  const jobs = sh.root.jobs;
  if (spec.startsWith('%')) {
    const s = spec.slice(1);
    const j = s === '' || s === '%' || s === '+' ? jobs[jobs.length - 1] : s === '-' ? jobs[jobs.length - 2] : jobs.find((x) => String(x.id) === s);
    return j ? { task: j.task, pid: j.pid } : undefined;
  }
  const pid = Number(spec);
  const j = jobs.find((x) => x.pid === pid);
  if (j) return { task: j.task, pid: j.pid };
  const t = sh.root.sched.tasks.find((x) => x.pid === pid && x.state !== 'done');
  return t ? { task: t, pid } : undefined;
}

function* kill(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  let sig = 15;
  let i = 0;
  const usage = () => {
    if (sh.flavor === 'bash') ctx.stderr.write('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    else if (sh.flavor === 'dash') err(sh, ctx, 'kill', 'Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]');
    else ctx.stderr.write('kill: usage: kill [-s SIGNAL | -SIGNAL] PID\n');
    return sh.flavor === 'bash' ? 2 : 1;
  };
  if (args.length === 0) return usage();
  if (args[0] === '-l' || args[0] === '-L') return yield* killList(sh, ctx, args.slice(1));
  const bad = (s: string) => {
    if (sh.flavor === 'bash') err(sh, ctx, 'kill', `${s}: invalid signal specification`);
    else if (sh.flavor === 'dash') err(sh, ctx, 'kill', `invalid signal number or name: ${s}`);
    else err(sh, ctx, 'kill', `bad signal name '${s}'`);
    return 1;
  };
  if (args[0] === '-s' || args[0] === '-n') {
    const s = args[1];
    if (s === undefined) return usage();
    const n = signalNumber(s);
    if (n === undefined) return bad(s);
    sig = n;
    i = 2;
  } else if (/^-./.test(args[0]) && args[0] !== '--') {
    const s = args[0].slice(1);
    const n = signalNumber(s);
    if (n === undefined) return bad(s);
    sig = n;
    i = 1;
  }
  if (args[i] === '--') i++;
  const targets = args.slice(i);
  if (targets.length === 0) return usage();
  let status = 0;
  const name = 'SIG' + (signalName(sig) ?? String(sig));
  for (const t of targets) {
    if (!/^%|^-?\d+$/.test(t)) {
      if (sh.flavor === 'bash') err(sh, ctx, 'kill', `${t}: arguments must be process or job IDs`);
      else if (sh.flavor === 'dash') err(sh, ctx, 'kill', `Illegal number: ${t}`);
      else err(sh, ctx, 'kill', `invalid number '${t}'`);
      status = 1;
      continue;
    }
    if (Number(t) === sh.pid) {
      if (sig !== 0) sh.signalSelf(new Signal(name, sig));
      continue;
    }
    const job = findJob(sh, t);
    if (job) {
      if (sig !== 0) sh.signalTask(job.task, new Signal(name, sig));
      continue;
    }
    if (t.startsWith('%')) {
      if (sh.flavor === 'bash') err(sh, ctx, 'kill', `${t}: no such job`);
      else err(sh, ctx, 'kill', `No such job: ${t}`);
      status = 1;
      continue;
    }
    const r = yield { type: 'custom', name: 'kill', data: { pid: Number(t), signal: name, number: sig } };
    if (r === true || r === undefined || r === null) {
      if (r === undefined) {
        // No driver answer: the process does not exist.
        status = 1;
        if (sh.flavor === 'bash') err(sh, ctx, 'kill', `(${t}) - No such process`);
        else if (sh.flavor === 'dash') err(sh, ctx, 'kill', 'No such process\n');
        else ctx.stderr.write(`${sh.name}: can't kill pid ${t}: No such process\n`);
      }
      continue;
    }
    status = 1;
    const msg = typeof r === 'string' ? r : 'No such process';
    if (sh.flavor === 'bash') err(sh, ctx, 'kill', `(${t}) - ${msg}`);
    else if (sh.flavor === 'dash') err(sh, ctx, 'kill', `${msg}\n`);
    else ctx.stderr.write(`${sh.name}: can't kill pid ${t}: ${msg}\n`);
  }
  return status;
}

function* wait(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1).filter((a) => a !== '-n' && a !== '-f');
  const root = sh.root;
  if (args.length === 0) {
    const tasks = root.jobs.map((j) => j.task);
    const sig = yield* sh.waitTasks(tasks, true);
    if (sig) return 128 + sig.number;
    for (const j of root.jobs) j.reported = true;
    root.jobs = [];
    root.nextJob = 1;
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const job = findJob(sh, a);
    if (!job) {
      if (sh.flavor === 'bash') {
        if (a.startsWith('%')) err(sh, ctx, 'wait', `${a}: no such job`);
        else err(sh, ctx, 'wait', `pid ${a} is not a child of this shell`);
      }
      status = 127;
      continue;
    }
    const sig = yield* sh.waitTasks([job.task], true);
    if (sig) return 128 + sig.number;
    status = job.task.status;
    if (status > 128 && sh.flavor !== 'bash') {
      const n = status - 128;
      const text = n === 15 ? 'Terminated' : n === 9 ? 'Killed' : n === 2 ? '' : undefined;
      if (text) ctx.stderr.write(text + '\n');
    }
    const j = root.jobs.find((x) => x.task === job.task);
    if (j) {
      j.reported = true;
      root.jobs = root.jobs.filter((x) => x !== j);
    }
  }
  return status;
}

function* jobs(sh: Shell, ctx: CommandContext): Run<number> {
  const list = sh.root.jobs;
  list.forEach((j, i) => {
    const mark = i === list.length - 1 ? '+' : i === list.length - 2 ? '-' : ' ';
    const stopped = j.task.state === 'stopped' || sh.root.sched.tasks.some((t) => t.state === 'stopped' && t.parent === j.task);
    const state = j.task.state === 'done' ? (j.task.status === 0 ? 'Done' : `Exit ${j.task.status}`) : stopped ? 'Stopped' : 'Running';
    const cmd = j.command + (j.task.state === 'done' || stopped ? '' : ' &');
    if (sh.flavor === 'dash') ctx.stdout.write(`[${j.id}] ${mark} ${state.padEnd(24)} ${cmd}\n`);
    else ctx.stdout.write(`[${j.id}]${mark}  ${state.padEnd(24)}${cmd}\n`);
    if (j.task.state === 'done') j.reported = true;
  });
  sh.root.jobs = list.filter((j) => !j.reported);
  return 0;
}

// ---------------------------------------------------------------------- type, command, alias

function describe(sh: Shell, name: string, env: Map<string, string>): { kind: 'alias' | 'keyword' | 'function' | 'builtin' | 'file'; path?: string } | null {
  if (sh.aliases.has(name) && (sh.flavor !== 'bash' || sh.interactive)) return { kind: 'alias' };
  if (KEYWORDS.has(name) || (sh.flavor === 'bash' && BASH_KEYWORDS.has(name))) return { kind: 'keyword' };
  if (sh.funcs.has(name)) return { kind: 'function' };
  if (sh.builtin(name)) return { kind: 'builtin' };
  const ctx = { env, fs: sh.fs };
  if (name.includes('/')) {
    try {
      const st = sh.fs.stat(resolvePath(sh.cwd, name));
      if (st.type === 'file' && st.mode & 0o111) return { kind: 'file', path: name };
    } catch {
      return null;
    }
    return null;
  }
  const cmd = sh.commands.lookup(name, ctx);
  if (!cmd) return null;
  return { kind: 'file', path: sh.commands.which?.(name, ctx) ?? name };
}

function* type(sh: Shell, ctx: CommandContext): Run<number> {
  let args = ctx.args.slice(1);
  let mode: 'normal' | 't' | 'p' = 'normal';
  if (sh.flavor === 'bash') {
    while (args[0] && /^-[tpPaf]+$/.test(args[0])) {
      if (args[0].includes('t')) mode = 't';
      if (args[0].includes('p') || args[0].includes('P')) mode = 'p';
      args = args.slice(1);
    }
  }
  let status = 0;
  for (const name of args) {
    const d = describe(sh, name, ctx.env);
    if (!d) {
      if (sh.flavor === 'bash') {
        if (mode === 'normal') err(sh, ctx, 'type', `${name}: not found`);
        status = 1;
      } else {
        ctx.stdout.write(`${name}: not found\n`);
        status = 127;
      }
      continue;
    }
    if (mode === 't') {
      ctx.stdout.write(d.kind + '\n');
      continue;
    }
    if (mode === 'p') {
      if (d.kind === 'file') ctx.stdout.write(d.path + '\n');
      continue;
    }
    switch (d.kind) {
      case 'alias':
        ctx.stdout.write(sh.flavor === 'bash' ? `${name} is aliased to \`${sh.aliases.get(name)}'\n` : `${name} is an alias for ${sh.aliases.get(name)}\n`);
        break;
      case 'keyword':
        ctx.stdout.write(`${name} is a shell keyword\n`);
        break;
      case 'function':
        ctx.stdout.write(sh.flavor === 'dash' ? `${name} is a shell function\n` : `${name} is a function\n`);
        break;
      case 'builtin':
        ctx.stdout.write(SPECIAL_BUILTINS.has(name) && sh.flavor !== 'bash' ? `${name} is a special shell builtin\n` : `${name} is a shell builtin\n`);
        break;
      case 'file':
        ctx.stdout.write(`${name} is ${d.path}\n`);
        break;
    }
  }
  return status;
}

function* command(sh: Shell, ctx: CommandContext, fds: Fds): Run<number> {
  let args = ctx.args.slice(1);
  let mode: 'run' | 'v' | 'V' = 'run';
  while (args[0] && /^-[pvV]+$/.test(args[0])) {
    if (args[0].includes('v')) mode = 'v';
    if (args[0].includes('V')) mode = 'V';
    args = args.slice(1);
  }
  if (args[0] === '--') args = args.slice(1);
  if (mode === 'run') {
    if (args.length === 0) return 0;
    const b = sh.builtin(args[0]);
    if (b) return yield* b(sh, { ...ctx, args }, fds);
    const env = sh.environment();
    const found = sh.findCommand(args[0], env, fds);
    if (typeof found === 'number') return found;
    const c = sh.context(args, fds, env);
    c.pid = sh.commandPid();
    const t = sh.spawn(found(c), c.stdin, args.join(' '));
    t.pid = c.pid;
    yield sh.root.sched.join([t]);
    return t.status;
  }
  if (mode === 'V') return yield* type(sh, { ...ctx, args: ['type', ...args] });
  const names = sh.flavor === 'bash' ? args : args.slice(0, 1);
  let status = 0;
  for (const name of names) {
    const d = describe(sh, name, ctx.env);
    if (!d) {
      status = sh.flavor === 'bash' ? 1 : 127;
      continue;
    }
    if (d.kind === 'alias') ctx.stdout.write(`alias ${name}='${sh.aliases.get(name)}'\n`);
    else if (d.kind === 'file') ctx.stdout.write(d.path + '\n');
    else ctx.stdout.write(name + '\n');
  }
  return status;
}

function* alias(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1).filter((a) => a !== '-p');
  const show = (k: string) => {
    const v = sh.aliases.get(k)!;
    const q = "'" + v.replace(/'/g, "'\\''") + "'";
    ctx.stdout.write(sh.flavor === 'bash' ? `alias ${k}=${q}\n` : `${k}=${q}\n`);
  };
  if (args.length === 0) {
    for (const k of [...sh.aliases.keys()].sort()) show(k);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (sh.aliases.has(a)) show(a);
    else {
      if (sh.flavor === 'bash') err(sh, ctx, 'alias', `${a}: not found`);
      else if (sh.flavor === 'dash') err(sh, ctx, 'alias', `${a} not found`);
      else err(sh, ctx, 'alias', `${a} not found`);
      status = 1;
    }
  }
  return status;
}

function* unalias(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  if (args[0] === '-a') {
    sh.aliases.clear();
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (!sh.aliases.delete(a)) {
      if (sh.flavor === 'bash') err(sh, ctx, 'unalias', `${a}: not found`);
      else err(sh, ctx, 'unalias', `${a} not found`);
      status = 1;
    }
  }
  return status;
}

// ---------------------------------------------------------------------- misc

const umaskValue = new WeakMap<object, number>();

function* umask(sh: Shell, ctx: CommandContext): Run<number> {
  const key = sh.root;
  const cur = umaskValue.get(key) ?? 0o022;
  const a = ctx.args[1];
  if (a === undefined) {
    ctx.stdout.write(cur.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (a === '-S') {
    const p = (shift: number) => {
      const bits = ~cur >> shift;
      return (bits & 4 ? 'r' : '') + (bits & 2 ? 'w' : '') + (bits & 1 ? 'x' : '');
    };
    ctx.stdout.write(`u=${p(6)},g=${p(3)},o=${p(0)}\n`);
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(a)) {
    if (sh.flavor === 'bash') err(sh, ctx, 'umask', `${a}: octal number out of range`);
    else err(sh, ctx, 'umask', `Illegal mode: ${a}`);
    return 1;
  }
  umaskValue.set(key, parseInt(a, 8));
  return 0;
}

function* getopts(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  if (args.length < 2) {
    if (sh.flavor === 'bash') {
      ctx.stderr.write('getopts: usage: getopts optstring name [arg ...]\n');
    } else if (sh.flavor === 'dash') err(sh, ctx, 'getopts', 'Usage: getopts optstring var [arg...]');
    else err(sh, ctx, 'getopts', 'usage: getopts optstring var [arg]');
    return 2;
  }
  let optstring = args[0];
  const name = args[1];
  const params = args.length > 2 ? args.slice(2) : sh.positional;
  const silent = optstring.startsWith(':');
  if (silent) optstring = optstring.slice(1);
  let optind = Number(sh.getVar('OPTIND') ?? '1') || 1;
  const state = getoptsState.get(sh.root) ?? { optind: 1, pos: 1 };
  if (state.optind !== optind) {
    state.optind = optind;
    state.pos = 1;
  }
  const arg = params[optind - 1];
  const done = () => {
    sh.assign(name, '?');
    sh.assign('OPTIND', String(optind));
    getoptsState.set(sh.root, state);
    return 1;
  };
  if (arg === undefined || !arg.startsWith('-') || arg === '-') return done();
  if (arg === '--') {
    optind++;
    state.optind = optind;
    return done();
  }
  const c = arg[state.pos];
  const advance = () => {
    state.pos++;
    if (state.pos >= arg.length) {
      optind++;
      state.pos = 1;
    }
  };
  const idx = optstring.indexOf(c);
  if (idx < 0 || c === ':') {
    advance();
    if (silent) sh.assign('OPTARG', c);
    else ctx.stderr.write(`${sh.name}: illegal option -- ${c}\n`);
    sh.assign(name, '?');
  } else if (optstring[idx + 1] === ':') {
    let val = arg.slice(state.pos + 1);
    optind++;
    state.pos = 1;
    if (val === '') {
      const nxt = params[optind - 1];
      if (nxt === undefined) {
        if (silent) {
          sh.assign(name, ':');
          sh.assign('OPTARG', c);
        } else {
          ctx.stderr.write(`${sh.name}: option requires an argument -- ${c}\n`);
          sh.assign(name, '?');
        }
        sh.assign('OPTIND', String(optind));
        state.optind = optind;
        getoptsState.set(sh.root, state);
        return 0;
      }
      val = nxt;
      optind++;
    }
    sh.assign('OPTARG', val);
    sh.assign(name, c);
  } else {
    advance();
    sh.assign(name, c);
  }
  sh.assign('OPTIND', String(optind));
  state.optind = optind;
  getoptsState.set(sh.root, state);
  return 0;
}

const getoptsState = new WeakMap<object, { optind: number; pos: number }>();

function* shopt(sh: Shell, ctx: CommandContext): Run<number> {
  const args = ctx.args.slice(1);
  const mode = args[0] === '-s' ? true : args[0] === '-u' ? false : undefined;
  const names = mode === undefined ? args.filter((a) => !a.startsWith('-')) : args.slice(1);
  if (mode === undefined) {
    for (const n of names) ctx.stdout.write(`${n.padEnd(15)}\t${n === 'nullglob' && sh.opts.nullglob ? 'on' : 'off'}\n`);
    return 0;
  }
  for (const n of names) if (n === 'nullglob') sh.opts.nullglob = mode;
  return 0;
}

function* hash(_sh: Shell, ctx: CommandContext): Run<number> {
  if (ctx.args.length === 1 && _sh.flavor === 'bash') ctx.stdout.write('hash: hash table empty\n');
  return 0;
}

function* times(_sh: Shell, ctx: CommandContext): Run<number> {
  ctx.stdout.write('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n');
  return 0;
}

export const BUILTINS: Record<string, BuiltinDef> = {
  ':': { run: noop },
  true: { run: noop },
  false: { run: fail },
  cd: { run: cd },
  pwd: { run: pwd },
  echo: { run: echo },
  printf: { run: printf },
  test: { run: testBuiltin(false) },
  '[': { run: testBuiltin(true) },
  export: { run: exportLike('export') },
  readonly: { run: exportLike('readonly') },
  unset: { run: unset },
  set: { run: set },
  shift: { run: shift },
  local: { run: local },
  declare: { run: declare, flavors: ['bash'] },
  typeset: { run: declare, flavors: ['bash'] },
  let: { run: letBuiltin, flavors: ['bash', 'ash'] },
  exit: { run: exit },
  return: { run: returnBuiltin },
  break: { run: loopControl('break') },
  continue: { run: loopControl('continue') },
  read: { run: read },
  eval: { run: evalBuiltin },
  '.': { run: source },
  source: { run: source, flavors: ['bash', 'ash'] },
  exec: { run: exec },
  trap: { run: trap },
  kill: { run: kill },
  wait: { run: wait },
  jobs: { run: jobs },
  type: { run: type },
  command: { run: command },
  alias: { run: alias },
  unalias: { run: unalias },
  umask: { run: umask },
  getopts: { run: getopts },
  hash: { run: hash },
  shopt: { run: shopt, flavors: ['bash'] },
  times: { run: times },
};

