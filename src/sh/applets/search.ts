// grep, sed, find and xargs.

import { eachLine, readAll } from '../io';
import { matchPattern } from '../pattern';
import type { CommandContext, Run } from '../types';
import {
  type AppletDef,
  type AppletEnv,
  abs,
  getopt,
  has,
  lq,
  readFileSafe,
  readInput,
  statSafe,
  strerror,
  val,
  warn,
  bbUsage,
  helpVersion,
  userByName,
} from './framework';
import { compile, RegexError } from './regex';

// ---------------------------------------------------------------------------- grep

export const GREP_USAGE = 'grep [-HhnlLoqvsrRiwFEz] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n\nSearch for PATTERN in FILEs (or stdin)\n';

function* grep(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const base = ctx.args[0].slice(ctx.args[0].lastIndexOf('/') + 1);
  const p = getopt(ctx, env, {
    flags: 'HhnlLoqvsrRiywFEGxcaIz',
    withArg: 'efmABC',
    long: {
      'ignore-case': { key: 'i' }, 'invert-match': { key: 'v' }, 'line-number': { key: 'n' }, count: { key: 'c' }, recursive: { key: 'r' },
      'dereference-recursive': { key: 'R' }, 'extended-regexp': { key: 'E' }, 'fixed-strings': { key: 'F' }, 'word-regexp': { key: 'w' },
      'line-regexp': { key: 'x' }, 'files-with-matches': { key: 'l' }, 'files-without-match': { key: 'L' }, quiet: { key: 'q' }, silent: { key: 'q' },
      'no-messages': { key: 's' }, 'with-filename': { key: 'H' }, 'no-filename': { key: 'h' }, 'only-matching': { key: 'o' },
      regexp: { key: 'e', arg: 'required' }, file: { key: 'f', arg: 'required' }, 'max-count': { key: 'm', arg: 'required' },
      'after-context': { key: 'A', arg: 'required' }, 'before-context': { key: 'B', arg: 'required' }, context: { key: 'C', arg: 'required' },
      color: { key: 'color', arg: 'optional' }, colour: { key: 'color', arg: 'optional' }, include: { key: 'include', arg: 'required' },
      exclude: { key: 'exclude', arg: 'required' },
    },
    usage: GREP_USAGE,
    gnuStatus: 2,
  });
  if (typeof p === 'number') return p;
  let args = p.args;
  const patterns: string[] = [];
  for (const e of p.opts.get('e') ?? []) patterns.push(...e.split('\n'));
  for (const f of p.opts.get('f') ?? []) {
    const r = readFileSafe(ctx.fs, abs(ctx, f));
    if ('code' in r) {
      warn(ctx, env, `${f}: ${strerror(r.code)}`);
      return 2;
    }
    patterns.push(...r.text.replace(/\n$/, '').split('\n'));
  }
  if (!has(p, 'e') && !has(p, 'f')) {
    if (args.length === 0) {
      if (gnu) {
        ctx.stderr.write(`Usage: ${ctx.args[0]} [OPTION]... PATTERNS [FILE]...\nTry '${ctx.args[0]} --help' for more information.\n`);
        return 2;
      }
      bbUsage(ctx, env, GREP_USAGE);
      return 2;
    }
    patterns.push(...args[0].split('\n'));
    args = args.slice(1);
  }
  const ere = has(p, 'E') || base === 'egrep';
  const fixed = has(p, 'F') || base === 'fgrep';
  let res: RegExp[];
  try {
    res = patterns.map((pat) => compile(pat, { ere, fixed, icase: has(p, 'i') || has(p, 'y'), word: has(p, 'w'), line: has(p, 'x'), global: true }));
  } catch (e) {
    if (e instanceof RegexError) {
      if (gnu) warn(ctx, env, e.message);
      else warn(ctx, env, `bad regex '${patterns.join('\n')}'`);
      return 2;
    }
    throw e;
  }
  const invert = has(p, 'v');
  const recursive = has(p, 'r') || has(p, 'R');
  if (args.length === 0) args = recursive ? ['.'] : ['-'];
  const multi = args.length > 1 || recursive;
  const showName = has(p, 'H') || (multi && !has(p, 'h'));
  const quiet = has(p, 'q');
  const silent = has(p, 's');
  const maxCount = val(p, 'm') !== undefined ? Number(val(p, 'm')) : Infinity;
  const after = Number(val(p, 'A') ?? val(p, 'C') ?? 0);
  const before = Number(val(p, 'B') ?? val(p, 'C') ?? 0);
  let matchedAny = false;
  let errors = false;

  const matches = (line: string): boolean => res.some((re) => {
    re.lastIndex = 0;
    return re.test(line);
  });

  // Scans one input; returns false to stop everything (-q matched).
  const makeScanner = (name: string) => {
    let lineNo = 0;
    let count = 0;
    let afterLeft = 0;
    const prev: [number, string][] = [];
    let lastPrinted = 0;
    let any = false;
    const prefix = (n: number, sep: string) => (showName ? name + sep : '') + (has(p, 'n') ? `${n}${sep}` : '');
    const emit = (n: number, line: string, sep: string) => {
      if ((before || after) && lastPrinted && n > lastPrinted + 1) ctx.stdout.write('--\n');
      ctx.stdout.write(prefix(n, sep) + line + '\n');
      lastPrinted = n;
    };
    const feed = (raw: string): boolean => {
      const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
      lineNo++;
      const hit = matches(line) !== invert;
      if (hit && count < maxCount) {
        count++;
        any = true;
        matchedAny = true;
        if (quiet) return false;
        if (has(p, 'l') || has(p, 'L') || has(p, 'c')) return count < maxCount || true;
        for (const [n, l] of prev) emit(n, l, '-');
        prev.length = 0;
        if (has(p, 'o') && !invert) {
          for (const re of res) {
            re.lastIndex = 0;
            let m: RegExpExecArray | null;
            while ((m = re.exec(line))) {
              if (m[0] === '') {
                re.lastIndex++;
                continue;
              }
              ctx.stdout.write(prefix(lineNo, ':') + m[0] + '\n');
            }
          }
          lastPrinted = lineNo;
        } else emit(lineNo, line, ':');
        afterLeft = after;
        return true;
      }
      if (afterLeft > 0 && !(has(p, 'l') || has(p, 'L') || has(p, 'c'))) {
        afterLeft--;
        emit(lineNo, line, '-');
      } else if (before) {
        prev.push([lineNo, line]);
        if (prev.length > before) prev.shift();
      }
      return count < maxCount || afterLeft > 0;
    };
    const finish = () => {
      if (has(p, 'c')) ctx.stdout.write((showName ? name + ':' : '') + count + '\n');
      if (has(p, 'l') && any) ctx.stdout.write(name + '\n');
      if (has(p, 'L') && !any) ctx.stdout.write(name + '\n');
    };
    return { feed, finish };
  };

  const searchText = (name: string, text: string): boolean => {
    const s = makeScanner(name);
    const lines = text.split(/(?<=\n)/);
    for (const l of lines) {
      if (l === '') continue;
      if (!s.feed(l)) {
        if (quiet) return false;
        break;
      }
    }
    s.finish();
    return true;
  };

  const walk = (shown: string, path: string, top: boolean): boolean => {
    const st = statSafe(ctx.fs, path, top || has(p, 'R') || !gnu);
    if (!st) {
      if (!silent) warn(ctx, env, `${shown}: No such file or directory`);
      errors = true;
      return true;
    }
    if (st.type === 'symlink') return true;
    if (st.type === 'dir') {
      if (!recursive) {
        // GNU complains; busybox skips directories silently.
        if (gnu) {
          if (!silent) warn(ctx, env, `${shown}: Is a directory`);
          errors = true;
        }
        return true;
      }
      for (const n of ctx.fs.readdir(path)) {
        if (!walk(shown === '/' ? `/${n}` : `${shown.replace(/\/$/, '')}/${n}`, `${path === '/' ? '' : path}/${n}`, false)) return false;
      }
      return true;
    }
    if (has(p, 'include') && !top && !(p.opts.get('include') ?? []).some((g) => matchPattern(g, shown.slice(shown.lastIndexOf('/') + 1)))) return true;
    if ((p.opts.get('exclude') ?? []).some((g) => matchPattern(g, shown.slice(shown.lastIndexOf('/') + 1)))) return true;
    const r = readFileSafe(ctx.fs, path);
    if ('code' in r) {
      if (!silent) warn(ctx, env, `${shown}: ${strerror(r.code)}`);
      errors = true;
      return true;
    }
    return searchText(shown, r.text);
  };

  for (const f of args) {
    if (f === '-') {
      const name = gnu ? '(standard input)' : '(standard input)';
      const s = makeScanner(name);
      let stop = false;
      yield* eachLine(ctx.stdin, (l) => {
        if (!s.feed(l)) {
          stop = true;
          return false;
        }
        return true;
      });
      s.finish();
      if (stop && quiet) return 0;
      continue;
    }
    if (!walk(f, abs(ctx, f), true)) return 0;
  }
  if (errors && !(quiet && matchedAny)) return 2;
  return matchedAny ? 0 : 1;
}

// ---------------------------------------------------------------------------- sed

type Addr = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp } | { kind: 'step'; first: number; step: number };

interface SedCmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  cmd: string;
  /** s */
  re?: RegExp | null;
  rep?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  /** a i c text, b t labels, y maps, w file */
  text?: string;
  map?: Map<string, string>;
  /** { ... } */
  block?: SedCmd[];
  /** range state */
  active?: boolean;
  endLine?: number;
}

class SedError extends Error {
  constructor(
    readonly gnu: string,
    readonly bb: string,
  ) {
    super(gnu);
  }
}

function parseSed(script: string, ere: boolean, exprNo: number): SedCmd[] {
  let i = 0;
  const s = script;
  const err = (gnuMsg: string, bbMsg: string) => new SedError(`-e expression #${exprNo}, char ${i}: ${gnuMsg}`, bbMsg);
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const lastRe: { re: RegExp | null } = { re: null };
  const readDelimited = (delim: string, what: string): string => {
    let out = '';
    while (i < s.length && s[i] !== delim) {
      if (s[i] === '\\' && i + 1 < s.length) {
        if (s[i + 1] === delim) out += delim === '/' ? '\\/' : delim;
        else if (s[i + 1] === 'n') out += '\\n';
        else out += s[i] + s[i + 1];
        i += 2;
        continue;
      }
      if (s[i] === '\n' && what !== 'rep') {
        i++;
        throw err(`unterminated \`${what}' command`, "unmatched '/'");
      }
      out += s[i++];
    }
    if (i >= s.length) throw err(`unterminated ${what === 'address regex' ? 'address regex' : `\`${what}' command`}`, `unmatched '${delim}'`);
    i++;
    return out;
  };
  const mkRe = (src: string, flags: string): RegExp => {
    if (src === '') {
      if (!lastRe.re) throw err('no previous regular expression', 'no previous regexp');
      return lastRe.re;
    }
    try {
      const re = compile(src, { ere, icase: flags.includes('I') || flags.includes('i'), global: true });
      lastRe.re = re;
      return re;
    } catch (e) {
      if (e instanceof RegexError) throw err(e.message, `bad regex '${src}'`);
      throw e;
    }
  };
  const addr = (): Addr | undefined => {
    ws();
    if (/[0-9]/.test(s[i] ?? '')) {
      let j = i;
      while (/[0-9]/.test(s[j] ?? '')) j++;
      const n = Number(s.slice(i, j));
      i = j;
      if (s[i] === '~') {
        i++;
        let k = i;
        while (/[0-9]/.test(s[k] ?? '')) k++;
        const step = Number(s.slice(i, k));
        i = k;
        return { kind: 'step', first: n, step };
      }
      return { kind: 'line', n };
    }
    if (s[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (s[i] === '/' || s[i] === '\\') {
      let delim = '/';
      if (s[i] === '\\') {
        delim = s[i + 1];
        i++;
      }
      i++;
      const src = readDelimited(delim, 'address regex');
      let flags = '';
      while (s[i] === 'I' || s[i] === 'M') flags += s[i++];
      return { kind: 're', re: mkRe(src, flags) };
    }
    return undefined;
  };
  const parseBlock = (inBlock: boolean): SedCmd[] => {
    const cmds: SedCmd[] = [];
    for (;;) {
      while (i < s.length && /[\s;]/.test(s[i])) i++;
      if (i >= s.length) {
        if (inBlock) throw err('unmatched `{\'', 'unmatched {');
        return cmds;
      }
      if (s[i] === '#') {
        while (i < s.length && s[i] !== '\n') i++;
        continue;
      }
      if (s[i] === '}') {
        if (!inBlock) {
          i++;
          throw err("unexpected `}'", 'unexpected }');
        }
        i++;
        return cmds;
      }
      const c: SedCmd = { neg: false, cmd: '' };
      c.a1 = addr();
      if (c.a1) {
        ws();
        if (s[i] === ',') {
          i++;
          c.a2 = addr();
          if (!c.a2) throw err('unexpected `,\'', 'unexpected ,');
        }
      }
      ws();
      if (s[i] === '!') {
        c.neg = true;
        i++;
        ws();
      }
      const cmd = s[i++];
      if (cmd === undefined) throw err('missing command', 'missing command');
      c.cmd = cmd;
      switch (cmd) {
        case '{':
          c.block = parseBlock(true);
          break;
        case 's': {
          const delim = s[i++];
          if (delim === undefined || delim === '\n' || delim === '\\') throw err("unterminated `s' command", "unmatched '/'");
          const src = readDelimited(delim, 's');
          const rep = readDelimited(delim, 's');
          let flags = '';
          while (i < s.length && /[gpiIme0-9w]/.test(s[i])) {
            if (s[i] === 'w') break;
            flags += s[i++];
          }
          c.re = mkRe(src, flags);
          c.rep = rep;
          c.global = flags.includes('g');
          c.print = flags.includes('p');
          const nth = /\d+/.exec(flags);
          c.nth = nth ? Number(nth[0]) : 1;
          ws();
          if (i < s.length && !/[;\n}#]/.test(s[i])) throw err('unknown option to `s\'', `bad option in substitution expression`);
          break;
        }
        case 'y': {
          const delim = s[i++];
          const a = readDelimited(delim, 'y').replace(/\\n/g, '\n');
          const b = readDelimited(delim, 'y').replace(/\\n/g, '\n');
          if ([...a].length !== [...b].length) throw err('strings for `y\' command are different lengths', 'strings for y are different lengths');
          c.map = new Map([...a].map((ch, k) => [ch, [...b][k]]));
          break;
        }
        case 'a':
        case 'i':
        case 'c': {
          ws();
          if (s[i] === '\\') {
            i++;
            if (s[i] === '\n') i++;
          }
          let t = '';
          while (i < s.length && s[i] !== '\n') {
            if (s[i] === '\\' && s[i + 1] === '\n') {
              t += '\n';
              i += 2;
              continue;
            }
            if (s[i] === '\\' && i + 1 < s.length) {
              t += s[i + 1];
              i += 2;
              continue;
            }
            t += s[i++];
          }
          c.text = t;
          break;
        }
        case 'b':
        case 't':
        case 'T':
        case ':': {
          ws();
          let t = '';
          while (i < s.length && !/[;\n]/.test(s[i]) && !(cmd !== ':' && s[i] === '}')) t += s[i++];
          c.text = t.trim();
          if (cmd === ':' && !c.text) throw err('":" lacks a label', "':' without label");
          break;
        }
        case 'q':
        case 'Q':
        case 'l':
        case 'L': {
          ws();
          let t = '';
          while (/[0-9]/.test(s[i] ?? '')) t += s[i++];
          c.text = t;
          break;
        }
        case 'w':
        case 'r': {
          ws();
          let t = '';
          while (i < s.length && s[i] !== '\n') t += s[i++];
          c.text = t;
          break;
        }
        case 'p':
        case 'P':
        case 'd':
        case 'D':
        case 'n':
        case 'N':
        case 'g':
        case 'G':
        case 'h':
        case 'H':
        case 'x':
        case '=':
        case 'z':
          break;
        default:
          throw err(`unknown command: \`${cmd}'`, `unsupported command ${cmd}`);
      }
      cmds.push(c);
    }
  };
  return parseBlock(false);
}

function sedReplace(rep: string, m: RegExpExecArray): string {
  let out = '';
  for (let k = 0; k < rep.length; k++) {
    const ch = rep[k];
    if (ch === '\\' && k + 1 < rep.length) {
      const n = rep[++k];
      if (/[0-9]/.test(n)) out += m[Number(n)] ?? '';
      else if (n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
      continue;
    }
    if (ch === '&') {
      out += m[0];
      continue;
    }
    out += ch;
  }
  return out;
}

function* sed(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const usage = 'sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\nor: sed [-i[SFX]] [-nrE] CMD [FILE]...\n\nIf no -e or -f, the first non-option argument is the sed command string.\nRemaining arguments are input files (stdin if none).\n';
  // -i takes an optional attached suffix.
  const argv = ctx.args.slice(1).map((a) => (/^-i.+/.test(a) && !a.startsWith('--') ? `--in-place=${a.slice(2)}` : a));
  const p = getopt(
    ctx,
    env,
    {
      flags: 'nrEisuz',
      withArg: 'ef',
      long: { quiet: { key: 'n' }, silent: { key: 'n' }, expression: { key: 'e', arg: 'required' }, file: { key: 'f', arg: 'required' }, 'in-place': { key: 'i', arg: 'optional' }, 'regexp-extended': { key: 'E' }, separate: { key: 's' } },
      usage,
    },
    argv,
  );
  if (typeof p === 'number') return p;
  const scripts: string[] = [];
  for (const [k, v] of p.list) {
    if (k === 'e') scripts.push(v);
    if (k === 'f') {
      const r = readFileSafe(ctx.fs, abs(ctx, v));
      if ('code' in r) {
        warn(ctx, env, gnu ? `couldn't open file ${v}: ${strerror(r.code)}` : `${v}: ${strerror(r.code)}`);
        return 1;
      }
      scripts.push(r.text.replace(/\n$/, ''));
    }
  }
  let files = p.args;
  if (scripts.length === 0) {
    if (files.length === 0) {
      if (gnu) {
        ctx.stderr.write(`Usage: ${ctx.args[0]} [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n`);
        return 1;
      }
      bbUsage(ctx, env, usage);
      return 1;
    }
    scripts.push(files[0]);
    files = files.slice(1);
  }
  const ere = has(p, 'r') || has(p, 'E');
  let program: SedCmd[];
  try {
    program = scripts.flatMap((s, k) => parseSed(s, ere, k + 1));
  } catch (e) {
    if (e instanceof SedError) {
      warn(ctx, env, gnu ? e.gnu : e.bb);
      return 1;
    }
    throw e;
  }
  const quiet = has(p, 'n');
  const inPlace = has(p, 'i');
  const suffix = val(p, 'i') ?? '';
  // Labels for b/t.
  const flat: SedCmd[] = [];
  const flatten = (cmds: SedCmd[]) => {
    for (const c of cmds) flat.push(c);
  };
  flatten(program);

  let status = 0;
  let quitCode: number | null = null;
  const hold = { space: '' };

  const runOn = (text: string, out: (s: string) => void, isLastInput: boolean): void => {
    const lines = text.split(/(?<=\n)/).filter((l) => l !== '');
    let lineNo = 0;
    let idx = 0;
    while (idx < lines.length && quitCode === null) {
      let raw = lines[idx++];
      lineNo++;
      let hadNl = raw.endsWith('\n');
      let ps = hadNl ? raw.slice(0, -1) : raw;
      const appendQueue: string[] = [];
      let deleted = false;
      let substituted = false;
      const isLast = () => idx >= lines.length && isLastInput;
      const matchAddr = (a: Addr): boolean => {
        switch (a.kind) {
          case 'line':
            return lineNo === a.n;
          case 'last':
            return isLast();
          case 're':
            a.re.lastIndex = 0;
            return a.re.test(ps);
          case 'step':
            return a.step <= 0 ? lineNo === a.first : lineNo >= a.first && (lineNo - a.first) % a.step === 0;
        }
      };
      const selected = (c: SedCmd): boolean => {
        let r: boolean;
        if (!c.a1) r = true;
        else if (!c.a2) r = matchAddr(c.a1);
        else if (c.active) {
          r = true;
          if (c.a2.kind === 'line' ? lineNo >= c.a2.n : matchAddr(c.a2)) c.active = false;
        } else if (matchAddr(c.a1)) {
          r = true;
          c.active = !(c.a2.kind === 'line' && c.a2.n <= lineNo);
        } else r = false;
        return c.neg ? !r : r;
      };
      const exec = (cmds: SedCmd[]): 'next' | 'end' | 'quit' | 'restart' | null => {
        for (let k = 0; k < cmds.length; k++) {
          const c = cmds[k];
          if (!selected(c)) continue;
          switch (c.cmd) {
            case '{': {
              const r = exec(c.block!);
              if (r) return r;
              break;
            }
            case 's': {
              const re = c.re!;
              re.lastIndex = 0;
              let n = 0;
              let result = '';
              let last = 0;
              let m: RegExpExecArray | null;
              let did = false;
              while ((m = re.exec(ps))) {
                n++;
                if (n >= c.nth! && (c.global || n === c.nth)) {
                  result += ps.slice(last, m.index) + sedReplace(c.rep!, m);
                  last = m.index + m[0].length;
                  did = true;
                  if (!c.global) break;
                }
                if (m[0] === '') re.lastIndex++;
              }
              if (did) {
                ps = result + ps.slice(last);
                substituted = true;
                if (c.print) out(ps + '\n');
              }
              break;
            }
            case 'y':
              ps = [...ps].map((ch) => c.map!.get(ch) ?? ch).join('');
              break;
            case 'p':
              out(ps + '\n');
              break;
            case 'P':
              out(ps.split('\n')[0] + '\n');
              break;
            case 'd':
              deleted = true;
              return 'end';
            case 'D': {
              const nl = ps.indexOf('\n');
              if (nl < 0) {
                deleted = true;
                return 'end';
              }
              ps = ps.slice(nl + 1);
              return 'restart';
            }
            case '=':
              out(lineNo + '\n');
              break;
            case 'a':
              appendQueue.push(c.text! + '\n');
              break;
            case 'i':
              out(c.text! + '\n');
              break;
            case 'c':
              if (!c.a2 || !c.active) out(c.text! + '\n');
              deleted = true;
              return 'end';
            case 'q':
              quitCode = Number(c.text || 0);
              return 'quit';
            case 'Q':
              quitCode = Number(c.text || 0);
              deleted = true;
              return 'quit';
            case 'n':
              if (!quiet) out(ps + (hadNl ? '\n' : ''));
              if (idx >= lines.length) {
                deleted = true;
                return 'end';
              }
              raw = lines[idx++];
              lineNo++;
              hadNl = raw.endsWith('\n');
              ps = hadNl ? raw.slice(0, -1) : raw;
              break;
            case 'N':
              if (idx >= lines.length) {
                if (!gnu) deleted = true;
                return 'end';
              }
              raw = lines[idx++];
              lineNo++;
              hadNl = raw.endsWith('\n');
              ps += '\n' + (hadNl ? raw.slice(0, -1) : raw);
              break;
            case 'h':
              hold.space = ps;
              break;
            case 'H':
              hold.space += '\n' + ps;
              break;
            case 'g':
              ps = hold.space;
              break;
            case 'G':
              ps += '\n' + hold.space;
              break;
            case 'x': {
              const t = ps;
              ps = hold.space;
              hold.space = t;
              break;
            }
            case 'l':
              out(ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n') + '$\n');
              break;
            case 'z':
              ps = '';
              break;
            case 'w':
              try {
                ctx.fs.writeFile(abs(ctx, c.text!), ps + '\n', { append: true });
              } catch {
                // ignore
              }
              break;
            case 'r': {
              const r = readFileSafe(ctx.fs, abs(ctx, c.text!));
              if ('text' in r) appendQueue.push(r.text);
              break;
            }
            case 'b':
            case 't':
            case 'T': {
              const jump = c.cmd === 'b' || (c.cmd === 't' ? substituted : !substituted);
              if (c.cmd !== 'b') substituted = false;
              if (!jump) break;
              if (!c.text) return 'next';
              const target = cmds.findIndex((x) => x.cmd === ':' && x.text === c.text);
              if (target < 0) return 'next';
              k = target;
              break;
            }
          }
        }
        return null;
      };
      let r = exec(program);
      while (r === 'restart') r = exec(program);
      if (!deleted && !quiet) out(ps + (hadNl ? '\n' : ''));
      for (const a of appendQueue) out(a);
      if (r === 'quit') break;
    }
  };

  if (files.length === 0) files = ['-'];
  if (inPlace) {
    for (const f of files) {
      const path = abs(ctx, f);
      const r = readFileSafe(ctx.fs, path);
      if ('code' in r) {
        status = gnu ? 4 : 1;
        warn(ctx, env, gnu ? `can't read ${f}: ${strerror(r.code)}` : `${f}: ${strerror(r.code)}`);
        continue;
      }
      let o = '';
      runOn(r.text, (s) => (o += s), true);
      if (suffix) ctx.fs.writeFile(path + suffix, r.text);
      ctx.fs.writeFile(path, o);
    }
    return status;
  }
  // Concatenate inputs so that `$` and line numbers span files, as sed does.
  let all = '';
  for (const f of files) {
    const r = yield* readInput(ctx, f);
    if ('code' in r) {
      status = gnu ? 2 : 1;
      if (gnu) warn(ctx, env, `can't read ${f}: ${strerror(r.code)}`);
      else warn(ctx, env, `${f}: ${strerror(r.code)}`);
      continue;
    }
    all += r.text && !r.text.endsWith('\n') && f !== files[files.length - 1] ? r.text + '\n' : r.text;
  }
  runOn(all, (s) => ctx.stdout.write(s), true);
  return quitCode ?? status;
}

// ---------------------------------------------------------------------------- find

type Pred = (path: string, shown: string, st: import('../../vfs/types').Stat, depth: number) => boolean;

function* find(ctx: CommandContext, env: AppletEnv): Run<number> {
  const gnu = env.flavor === 'gnu';
  const args = ctx.args.slice(1);
  const usage = 'find [-HL] [PATH]... [OPTIONS] [ACTIONS]\n\nSearch for files and perform actions on them.\nFirst failed action stops processing of current file.\nDefaults: PATH is current directory, action is \'-print\'\n';
  const hv = helpVersion(ctx, env, usage, args.slice(0, 1));
  if (hv !== null) return hv;
  const paths: string[] = [];
  let i = 0;
  // -L (and the -follow option): symlinks are followed; -H: those named on the command line
  let follow: 'never' | 'args' | 'always' = 'never';
  while (i < args.length && (args[i] === '-L' || args[i] === '-H' || args[i] === '-P')) {
    follow = args[i] === '-L' ? 'always' : args[i] === '-H' ? 'args' : 'never';
    i++;
  }
  while (i < args.length && !/^[-!(]/.test(args[i])) paths.push(args[i++]);
  let quit = false;
  if (paths.length === 0) paths.push('.');
  let maxDepth = Infinity;
  let minDepth = 0;
  let hasAction = false;
  const execs: { argv: string[]; plus: boolean; acc: string[] }[] = [];
  const toRun: string[][] = [];
  const toDelete: string[] = [];
  const out: string[] = [];
  // Expression grammar: or := and (-o and)*; and := not ((-a)? not)*; not := (! | -not)* primary
  const expr = args.slice(i);
  let k = 0;
  const fail = (msg: string): never => {
    throw new Error(msg);
  };
  const parsePrimary = (): Pred => {
    const t = expr[k++];
    const need = (): string => {
      const v = expr[k++];
      if (v === undefined) fail(gnu ? `missing argument to \`${t}'` : `${t} requires an argument`);
      return v!;
    };
    switch (t) {
      case '(': {
        const e = parseOr();
        if (expr[k++] !== ')') fail(gnu ? "invalid expression; I was expecting to find a ')' somewhere but did not see one." : 'unmatched (');
        return e;
      }
      case '-name':
      case '-iname': {
        const pat = need();
        return (_p, shown) => matchPattern(pat, shown === '/' ? '/' : shown.replace(/\/+$/, '').slice(shown.replace(/\/+$/, '').lastIndexOf('/') + 1), { nocase: t === '-iname' });
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const pat = need();
        return (_p, shown) => matchPattern(pat, shown, { nocase: t === '-ipath' });
      }
      case '-type': {
        const ty = need();
        const map: Record<string, string> = { f: 'file', d: 'dir', l: 'symlink' };
        if (!map[ty] && !'bcps'.includes(ty)) fail(gnu ? `Unknown argument to -type: ${ty}` : `bad arg '${ty}'`);
        return (_p, _s, st) => st.type === map[ty];
      }
      case '-maxdepth':
        maxDepth = Number(need());
        return () => true;
      case '-mindepth':
        minDepth = Number(need());
        return () => true;
      case '-empty':
        return (p2, _s, st) => (st.type === 'dir' ? ctx.fs.readdir(p2).length === 0 : st.type === 'file' && st.size === 0);
      case '-size': {
        const spec = need();
        const m = /^([+-]?)(\d+)([ckMGb]?)$/.exec(spec);
        if (!m) fail(gnu ? `invalid argument \`${spec}' to \`-size'` : `invalid number '${spec}'`);
        const unit = { c: 1, k: 1024, M: 1048576, G: 1073741824, b: 512, '': 512 }[m![3] as 'c'];
        const n = Number(m![2]);
        return (_p, _s, st) => {
          const size = Math.ceil(st.size / unit);
          return m![1] === '+' ? size > n : m![1] === '-' ? size < n : size === n;
        };
      }
      case '-mtime':
      case '-mmin': {
        const spec = need();
        const m = /^([+-]?)(\d+)$/.exec(spec)!;
        const unit = t === '-mtime' ? 86400000 : 60000;
        return (_p, _s, st) => {
          const age = Math.floor((ctx.sys.now() - st.mtime) / unit);
          const n = Number(m[2]);
          return m[1] === '+' ? age > n : m[1] === '-' ? age < n : age === n;
        };
      }
      case '-newer': {
        const ref = statSafe(ctx.fs, abs(ctx, need()));
        return (_p, _s, st) => !!ref && st.mtime > ref.mtime;
      }
      case '-perm': {
        const spec = need();
        const m = /^([-/]?)([0-7]+)$/.exec(spec);
        const mode = m ? parseInt(m[2], 8) : 0;
        return (_p, _s, st) => (m?.[1] === '-' ? (st.mode & mode) === mode : m?.[1] === '/' ? (st.mode & mode) !== 0 : (st.mode & 0o7777) === mode);
      }
      case '-follow':
        follow = 'always';
        return () => true;
      case '-quit':
        return () => {
          quit = true;
          return true;
        };
      case '-user':
      case '-group': {
        const u = need();
        const id = /^\d+$/.test(u) ? Number(u) : t === '-user' ? userByName(ctx, u)?.uid : groupByName(ctx, u);
        if (id === undefined) {
          // busybox dies without its usage text here
          const e = new Error(gnu ? `${lq(env, u)} is not the name of a known ${t === '-user' ? 'user' : 'group'}` : `unknown ${t === '-user' ? 'user' : 'group'} ${u}`);
          (e as Error & { noUsage?: boolean }).noUsage = true;
          throw e;
        }
        return (_p, _s, st) => (t === '-user' ? st.uid : st.gid) === id;
      }
      case '-print':
        hasAction = true;
        return (_p, shown) => {
          out.push(shown + '\n');
          return true;
        };
      case '-print0':
        hasAction = true;
        return (_p, shown) => {
          out.push(shown + '\0');
          return true;
        };
      case '-delete':
        hasAction = true;
        return (p2) => {
          toDelete.push(p2);
          return true;
        };
      case '-prune':
        return () => true;
      case '-true':
        return () => true;
      case '-false':
        return () => false;
      case '-exec':
      case '-ok': {
        hasAction = true;
        const argv: string[] = [];
        let plus = false;
        for (;;) {
          const v = expr[k++];
          if (v === undefined) fail(gnu ? `missing argument to \`${t}'` : `-exec requires an argument`);
          if (v === ';') break;
          if (v === '+' && argv[argv.length - 1] === '{}') {
            plus = true;
            argv.pop();
            break;
          }
          argv.push(v!);
        }
        const e = { argv, plus, acc: [] as string[] };
        execs.push(e);
        return (_p, shown) => {
          if (plus) e.acc.push(shown);
          else toRun.push(argv.map((a) => a.replace(/\{\}/g, shown)));
          return true;
        };
      }
      default:
        if (t === undefined) fail(gnu ? 'invalid expression' : 'unexpected end');
        fail(gnu ? (t!.startsWith('-') ? `unknown predicate \`${t}'` : `paths must precede expression: \`${t}'`) : `unrecognized: ${t}`);
    }
    return () => true;
  };
  const parseNot = (): Pred => {
    if (expr[k] === '!' || expr[k] === '-not') {
      k++;
      const e = parseNot();
      return (...a) => !e(...a);
    }
    return parsePrimary();
  };
  const parseAnd = (): Pred => {
    let left = parseNot();
    while (k < expr.length && expr[k] !== '-o' && expr[k] !== '-or' && expr[k] !== ')' && expr[k] !== ',') {
      if (expr[k] === '-a' || expr[k] === '-and') k++;
      const right = parseNot();
      const l = left;
      left = (...a) => l(...a) && right(...a);
    }
    return left;
  };
  const parseOr = (): Pred => {
    let left = parseAnd();
    while (expr[k] === '-o' || expr[k] === '-or') {
      k++;
      const right = parseAnd();
      const l = left;
      left = (...a) => l(...a) || right(...a);
    }
    return left;
  };
  let pred: Pred;
  try {
    pred = expr.length ? parseOr() : () => true;
    if (k < expr.length) fail(gnu ? `paths must precede expression: \`${expr[k]}'` : `unrecognized: ${expr[k]}`);
  } catch (e) {
    warn(ctx, env, (e as Error).message);
    if (!gnu && !(e as Error & { noUsage?: boolean }).noUsage) bbUsage(ctx, env, usage);
    return 1;
  }
  const prunes = expr.includes('-prune');
  let status = 0;
  /** Directories being walked, by real path (following symlinks can lead back into one). */
  const walking = new Set<string>();
  const visit = (path: string, shown: string, depth: number) => {
    if (quit) return;
    const deref = follow === 'always' || (follow === 'args' && depth === 0);
    // a dangling symlink is itself when following
    const st = (deref ? statSafe(ctx.fs, path, true) : null) ?? statSafe(ctx.fs, path, false);
    if (!st) return;
    let matched = false;
    if (depth >= minDepth && depth <= maxDepth) {
      matched = pred(path, shown, st, depth);
      if (matched && !hasAction) out.push(shown + '\n');
    }
    if (prunes && matched && st.type === 'dir') return;
    if (st.type === 'dir' && depth < maxDepth && !quit) {
      let real = path;
      try {
        real = ctx.fs.realpath(path);
      } catch {
        // keep the path
      }
      if (walking.has(real)) {
        if (gnu) warn(ctx, env, `File system loop detected; ${lq(env, shown)} is part of the same file system loop as ${lq(env, real)}.`);
        status = 1;
        return;
      }
      walking.add(real);
      let names: string[] = [];
      try {
        names = ctx.fs.readdir(path);
      } catch {
        names = [];
      }
      for (const n of names) visit(`${path === '/' ? '' : path}/${n}`, shown.endsWith('/') ? shown + n : `${shown}/${n}`, depth + 1);
      walking.delete(real);
    }
  };
  for (const pth of paths) {
    const path = abs(ctx, pth);
    if (!statSafe(ctx.fs, path, false)) {
      status = 1;
      if (gnu) warn(ctx, env, `${lq(env, pth)}: No such file or directory`);
      else warn(ctx, env, `${pth}: No such file or directory`);
      continue;
    }
    visit(path, pth, 0);
  }
  ctx.stdout.write(out.join(''));
  for (const d of toDelete.reverse()) {
    try {
      const st = statSafe(ctx.fs, d, false);
      if (st?.type === 'dir') ctx.fs.rmdir(d);
      else ctx.fs.rm(d);
    } catch {
      status = 1;
    }
  }
  const run = function* (argv: string[]): Run<void> {
    const st = yield* env.exec(ctx, argv);
    if (st === null) {
      if (gnu) warn(ctx, env, `${lq(env, argv[0])}: No such file or directory`);
      else warn(ctx, env, `${argv[0]}: No such file or directory`);
      status = 1;
    } else if (st !== 0) status = 1;
  };
  for (const argv of toRun) yield* run(argv);
  for (const e of execs) if (e.plus && e.acc.length) yield* run([...e.argv, ...e.acc]);
  return status;
}

/** A group's id by name, from /etc/group. */
function groupByName(ctx: CommandContext, name: string): number | undefined {
  try {
    for (const line of ctx.fs.readFile('/etc/group').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 3) return Number(f[2]);
    }
  } catch {
    // no group file
  }
  return name === 'root' ? 0 : undefined;
}

// ---------------------------------------------------------------------------- xargs

function splitXargs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let q: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === q) q = null;
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      inWord = true;
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      inWord = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    cur += c;
    inWord = true;
  }
  if (inWord) out.push(cur);
  return out;
}

function* xargs(ctx: CommandContext, env: AppletEnv): Run<number> {
  const p = getopt(ctx, env, {
    flags: '0rtpx',
    withArg: 'nIdLPs',
    long: { null: { key: '0' }, 'no-run-if-empty': { key: 'r' }, 'max-args': { key: 'n', arg: 'required' }, replace: { key: 'I', arg: 'optional' }, delimiter: { key: 'd', arg: 'required' }, verbose: { key: 't' } },
    usage: 'xargs [OPTIONS] [PROG ARGS]\n\nRun PROG on every item given by stdin\n',
    posix: true,
  });
  if (typeof p === 'number') return p;
  const cmd = p.args.length ? p.args : ['echo'];
  const text = yield* readAll(ctx.stdin);
  let items: string[];
  if (has(p, '0')) items = text.split('\0').filter((x, k, a) => x !== '' || k < a.length - 1);
  else if (val(p, 'd') !== undefined) items = text.split(val(p, 'd')!.replace('\\n', '\n')).filter((x) => x !== '');
  else if (has(p, 'I')) items = text.split('\n').map((l) => l.trim()).filter(Boolean);
  else items = splitXargs(text);
  if (items.length === 0 && (has(p, 'r') || has(p, 'I'))) return 0;
  const batches: string[][] = [];
  const n = val(p, 'n') ? Number(val(p, 'n')) : val(p, 'L') ? Number(val(p, 'L')) : Infinity;
  if (has(p, 'I')) {
    const rep = val(p, 'I') || '{}';
    for (const it of items) batches.push(cmd.map((a) => a.split(rep).join(it)));
  } else if (items.length === 0) batches.push([...cmd]);
  else for (let k = 0; k < items.length; k += n === Infinity ? items.length : n) batches.push([...cmd, ...items.slice(k, k + (n === Infinity ? items.length : n))]);
  let status = 0;
  for (const argv of batches) {
    if (has(p, 't')) ctx.stderr.write(argv.join(' ') + '\n');
    const st = yield* env.exec(ctx, argv);
    if (st === null) {
      warn(ctx, env, `${argv[0]}: No such file or directory`);
      return 127;
    }
    if (st === 127 || st === 126) return st;
    if (st === 255) {
      warn(ctx, env, `${argv[0]}: exited with status 255; aborting`);
      return 124;
    }
    if (st !== 0) status = 123;
  }
  return status;
}

export const SEARCH_APPLETS: Record<string, AppletDef> = {
  grep: { run: grep, usage: GREP_USAGE },
  egrep: { run: grep, usage: GREP_USAGE },
  fgrep: { run: grep, usage: GREP_USAGE },
  sed: { run: sed },
  find: { run: find },
  xargs: { run: xargs },
};

