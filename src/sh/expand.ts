// Word expansion: tilde, parameters, command substitution, arithmetic, field splitting,
// pathname expansion and quote removal, in the order POSIX gives.

import type { ParamPart, Program, Word, WordPart } from './ast';
import { ArithError, evalArith } from './arith';
import { escapePattern, hasGlob, removeAffix, replacePattern } from './pattern';
import type { Flavor } from './syntax-error';
import type { Run } from './types';

/** An expansion error: fatal in a non-interactive shell. */
export class ExpansionError extends Error {
  constructor(
    message: string,
    /** Exit status the shell reports (bash and dash differ). */
    readonly status: number,
    /**
     * A non-interactive shell exits. When false (bash's arithmetic and assignment errors),
     * only the rest of the current command line is abandoned.
     */
    readonly fatal = true,
  ) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** What the expander needs from the shell. */
export interface ExpandHost {
  readonly flavor: Flavor;
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** $?, $$, $#, $-, $!, $0, $1.. — undefined when unset. */
  special(name: string): string | undefined;
  positional(): string[];
  /** Names of the shell's variables (bash ${!prefix*}). */
  varNames?(): string[];
  /** Runs a command substitution and returns its standard output. */
  commandSubst(program: Program, text: string): Run<string>;
  /** bash <(...) and >(...): starts the command and returns the /dev/fd path that reaches it. */
  procSubst?(program: Program, dir: '<' | '>'): Run<string>;
  homeOf(user: string): string | undefined;
  /** Pathname expansion: sorted matches of the pattern, [] when none. */
  glob(pattern: string): string[];
  readonly nounset: boolean;
  readonly noglob: boolean;
  /** bash's shopt -s nullglob: a pattern matching nothing disappears. */
  readonly nullglob?: boolean;
}

interface Chunk {
  text: string;
  /** Came from quoting: not split, not globbed. */
  quoted: boolean;
  /** Result of an unquoted expansion: subject to field splitting. */
  split: boolean;
  /** Field boundary (between the words of "$@"). */
  brk?: boolean;
  /** "$@" with no positional parameters: contributes nothing, not even an empty field. */
  none?: boolean;
}

const DEFAULT_IFS = ' \t\n';

export class Expander {
  constructor(private readonly h: ExpandHost) {}

  /** Expands a word into fields (with splitting and globbing). */
  *fields(word: Word): Run<string[]> {
    const chunks = yield* this.parts(word.parts, false);
    const fields = this.split(chunks);
    const out: string[] = [];
    for (const f of fields) {
      if (!this.h.noglob && f.glob && hasGlob(f.pattern)) {
        const m = this.h.glob(f.pattern);
        if (m.length) {
          out.push(...m);
          continue;
        }
        if (!this.h.nullglob) out.push(f.text);
        continue;
      }
      out.push(f.text);
    }
    return out;
  }

  /** Expands a list of words (a command line); bash first expands braces ({a,b} {1..3}). */
  *words(words: Word[]): Run<string[]> {
    const out: string[] = [];
    for (const w of words) {
      if (this.h.flavor === 'bash') for (const b of braceExpand(w)) out.push(...(yield* this.fields(b)));
      else out.push(...(yield* this.fields(w)));
    }
    return out;
  }

  /** Expands the right side of [[ x =~ re ]]: quoted characters match literally. */
  *regex(word: Word): Run<string> {
    const chunks = yield* this.parts(word.parts, false);
    return chunks.map((c) => (c.quoted ? c.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : c.text)).join('');
  }

  /** Expands without splitting or globbing (assignments, redirection targets, here-docs). */
  *string(word: Word): Run<string> {
    const chunks = yield* this.parts(word.parts, false);
    return joinChunks(chunks);
  }

  /** Expands a pattern (case, ${x#...}): quoted characters are escaped. */
  *pattern(word: Word, inDq = false): Run<string> {
    const chunks = yield* this.parts(word.parts, inDq);
    return chunks.map((c) => (c.quoted ? escapePattern(c.text) : c.text)).join('');
  }

  // ------------------------------------------------------------------ parts

  private *parts(parts: WordPart[], inDq: boolean): Run<Chunk[]> {
    const out: Chunk[] = [];
    for (const p of parts) {
      switch (p.type) {
        case 'lit':
          out.push({ text: p.value, quoted: inDq, split: false });
          break;
        case 'quoted':
          out.push({ text: p.value, quoted: true, split: false });
          break;
        case 'dq': {
          const inner = yield* this.parts(p.parts, true);
          if (inner.length === 0) out.push({ text: '', quoted: true, split: false });
          else out.push(...inner);
          break;
        }
        case 'tilde': {
          const home = p.user === '' ? this.h.getVar('HOME') ?? this.h.homeOf('') : this.h.homeOf(p.user);
          out.push({ text: home ?? '~' + p.user, quoted: true, split: false });
          break;
        }
        case 'param':
          out.push(...(yield* this.param(p, inDq)));
          break;
        case 'cmdsub': {
          const text = (yield* this.h.commandSubst(p.program, p.text)).replace(/\n+$/, '');
          out.push({ text, quoted: inDq, split: !inDq });
          break;
        }
        case 'procsub': {
          if (!this.h.procSubst) throw new ExpansionError(`${p.text}: process substitution is not supported`, 1, false);
          const path = yield* this.h.procSubst(p.program, p.dir);
          out.push({ text: path, quoted: true, split: false });
          break;
        }
        case 'arith': {
          const expr = yield* this.string(p.expr);
          let v: bigint;
          try {
            v = evalArith(expr, { get: (n) => this.lookup(n), set: (n, val) => this.h.setVar(n, val) }, this.h.flavor);
          } catch (e) {
            if (e instanceof ArithError) throw new ExpansionError(e.message, this.h.flavor === 'bash' ? 1 : 2, this.h.flavor !== 'bash');
            throw e;
          }
          out.push({ text: v.toString(), quoted: inDq, split: !inDq });
          break;
        }
      }
    }
    return out;
  }

  private lookup(name: string): string | undefined {
    if (/^[A-Za-z_]/.test(name)) return this.h.getVar(name);
    return this.h.special(name);
  }

  /** The names of the set variables starting with `prefix` (bash ${!prefix*}). */
  private namesWith(prefix: string): string[] {
    return (this.h.varNames?.() ?? []).filter((n) => n.startsWith(prefix) && this.h.getVar(n) !== undefined).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private unset(name: string): never {
    switch (this.h.flavor) {
      case 'bash':
        throw new ExpansionError(`${name}: unbound variable`, 127);
      default:
        throw new ExpansionError(`${name}: parameter not set`, 2);
    }
  }

  private *param(p: ParamPart, inDq: boolean): Run<Chunk[]> {
    const f = this.h.flavor;
    if (p.bad) throw new ExpansionError(`${p.text}: bad substitution`, 1, false);
    const plain = (text: string): Chunk[] => [{ text, quoted: inDq, split: !inDq }];
    if (p.names) return this.list(this.namesWith(p.name), p.names, inDq);
    let name = p.name;
    /** The name set -u reports: `!x` for an indirection through x. */
    let shown = name;
    if (p.indirect) {
      const ptr = this.lookup(name);
      if (ptr === undefined || ptr === '') throw new ExpansionError(`${name}: invalid indirect expansion`, 1, false);
      if (!/^(?:[A-Za-z_][A-Za-z0-9_]*|\d+|[@*#?$!0-])$/.test(ptr)) throw new ExpansionError(`${ptr}: invalid variable name`, 1, false);
      shown = '!' + name;
      name = ptr;
    }
    const isList = name === '@' || name === '*';

    if (p.length) {
      // bash counts the parameters; dash and ash measure "$*" as a string.
      if (isList && f === 'bash') return plain(String(this.h.positional().length));
      const v = isList ? this.h.positional().join(' ') : this.lookup(name);
      if (v === undefined && this.h.nounset) this.unset(shown);
      // dash counts bytes, bash and ash characters.
      return plain(String(f === 'dash' ? new TextEncoder().encode(v ?? '').length : [...(v ?? '')].length));
    }

    const value = isList ? (this.h.positional().length ? this.h.positional().join(' ') : undefined) : this.lookup(name);
    const isUnset = isList ? this.h.positional().length === 0 : value === undefined;
    const isNull = isUnset || value === '';
    const missing = p.colon ? isNull : isUnset;

    switch (p.op) {
      case undefined:
        break;
      case '-':
        if (missing) return yield* this.parts(p.arg!.parts, inDq);
        break;
      case '+':
        if (!missing) return yield* this.parts(p.arg!.parts, inDq);
        return inDq ? [{ text: '', quoted: true, split: false }] : [];
      case '=': {
        if (!missing) break;
        if (!/^[A-Za-z_]/.test(name)) {
          const msg = f === 'bash' ? `$${name}: cannot assign in this way` : `${name}: bad variable name`;
          throw new ExpansionError(msg, f === 'bash' ? 1 : 2, f !== 'bash');
        }
        const v = yield* this.string(p.arg!);
        this.h.setVar(name, v);
        return plain(v);
      }
      case '?': {
        if (!missing) break;
        const msgText = p.arg && p.arg.parts.length ? yield* this.string(p.arg) : '';
        let msg: string;
        if (msgText) msg = `${name}: ${msgText}`;
        else if (f === 'bash') msg = `${name}: ${p.colon ? 'parameter null or not set' : 'parameter not set'}`;
        else msg = `${name}: parameter ${p.colon ? 'not set or null' : 'not set'}`;
        throw new ExpansionError(msg, f === 'bash' ? 127 : 2);
      }
      default: {
        if (isUnset && this.h.nounset && !isList) this.unset(shown);
        if (isList && !inDq) {
          // ${@#x}: applies to each parameter; keep it simple and treat as one string.
        }
        const v = value ?? '';
        return plain(yield* this.applyOp(p, v));
      }
    }
    if (isUnset && this.h.nounset && !isList) this.unset(shown);
    if (isList) return this.list(this.h.positional(), name, inDq);
    return plain(value ?? '');
  }

  private *applyOp(p: ParamPart, v: string): Run<string> {
    switch (p.op) {
      case '#':
      case '##':
      case '%':
      case '%%':
        return removeAffix(v, yield* this.pattern(p.arg!), p.op);
      case '/':
      case '//':
      case '/#':
      case '/%': {
        const pat = yield* this.pattern(p.arg!);
        const rep = p.arg2 ? yield* this.string(p.arg2) : '';
        return replacePattern(v, pat, rep, p.op);
      }
      case ':': {
        const arith = (text: string): number => {
          try {
            return Number(evalArith(text, { get: (n) => this.lookup(n), set: (n, val) => this.h.setVar(n, val) }, this.h.flavor));
          } catch (e) {
            if (e instanceof ArithError) throw new ExpansionError(e.message, this.h.flavor === 'bash' ? 1 : 2, this.h.flavor !== 'bash');
            throw e;
          }
        };
        const chars = [...v];
        let off = arith(yield* this.string(p.arg!));
        if (off < 0) off = Math.max(0, chars.length + off);
        let end = chars.length;
        if (p.arg2) {
          const len = arith(yield* this.string(p.arg2));
          if (len < 0) {
            end = chars.length + len;
            if (end < off) {
              if (this.h.flavor === 'bash') throw new ExpansionError(`${len}: substring expression < 0`, 1);
              end = off;
            }
          } else end = Math.min(chars.length, off + len);
        }
        return chars.slice(off, end).join('');
      }
      case '^^':
        return v.toUpperCase();
      case ',,':
        return v.toLowerCase();
      case '^':
        return v.charAt(0).toUpperCase() + v.slice(1);
      case ',':
        return v.charAt(0).toLowerCase() + v.slice(1);
    }
    return v;
  }

  private list(args: string[], name: string, inDq: boolean): Chunk[] {
    if (inDq && name === '*') {
      const ifs = this.h.getVar('IFS');
      const sep = ifs === undefined ? ' ' : ifs.slice(0, 1);
      return [{ text: args.join(sep), quoted: true, split: false }];
    }
    if (args.length === 0) return [{ text: '', quoted: false, split: false, none: true }];
    const out: Chunk[] = [];
    args.forEach((a, i) => {
      if (i > 0) out.push({ text: '', quoted: false, split: false, brk: true });
      out.push({ text: a, quoted: inDq, split: !inDq });
    });
    return out;
  }

  // ------------------------------------------------------------------ splitting

  private split(chunks: Chunk[]): { text: string; pattern: string; glob: boolean }[] {
    const ifsVar = this.h.getVar('IFS');
    const ifs = ifsVar === undefined ? DEFAULT_IFS : ifsVar;
    const fields: { text: string; pattern: string; glob: boolean }[] = [];
    let text = '';
    let pattern = '';
    let real = false;
    let glob = false;
    let wsBreak = false;
    const end = (force: boolean) => {
      if (real || force) fields.push({ text, pattern, glob });
      text = '';
      pattern = '';
      real = false;
      glob = false;
    };
    for (const c of chunks) {
      if (c.brk) {
        end(true);
        wsBreak = false;
        continue;
      }
      if (c.none) continue;
      if (c.split && !c.quoted) {
        for (const ch of c.text) {
          if (ifs.includes(ch)) {
            const ws = ch === ' ' || ch === '\t' || ch === '\n';
            if (ws) {
              if (real) {
                end(false);
                wsBreak = true;
              }
            } else {
              if (!(wsBreak && !real)) end(true);
              else end(false);
              wsBreak = false;
            }
            continue;
          }
          text += ch;
          pattern += ch;
          real = true;
          glob = true;
          wsBreak = false;
        }
        continue;
      }
      text += c.text;
      pattern += c.quoted ? escapePattern(c.text) : c.text;
      if (!c.quoted) glob = true;
      real = true;
      wsBreak = false;
    }
    end(false);
    return fields;
  }
}

/** A {a,b} or {1..5} group inside an unquoted literal: its span and what it stands for. */
function findBrace(s: string, from = 0): { start: number; end: number; alts: string[] } | null {
  for (let i = s.indexOf('{', from); i >= 0; i = s.indexOf('{', i + 1)) {
    let depth = 0;
    let end = -1;
    const commas: number[] = [];
    for (let j = i; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') {
        depth--;
        if (depth === 0) {
          end = j;
          break;
        }
      } else if (s[j] === ',' && depth === 1) commas.push(j);
    }
    if (end < 0) return null;
    const body = s.slice(i + 1, end);
    if (commas.length) {
      const alts: string[] = [];
      let prev = i + 1;
      for (const c of commas) {
        alts.push(s.slice(prev, c));
        prev = c + 1;
      }
      alts.push(s.slice(prev, end));
      return { start: i, end, alts };
    }
    let m = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      const step = Math.abs(Number(m[3] ?? 1)) || 1;
      const width = /^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2]) ? Math.max(m[1].length, m[2].length) : 0;
      const alts: string[] = [];
      for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
        const t = String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0');
        alts.push(v < 0 ? '-' + t : t);
        if (alts.length > 100000) break;
      }
      return { start: i, end, alts };
    }
    m = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
    if (m) {
      const a = m[1].charCodeAt(0);
      const b = m[2].charCodeAt(0);
      const step = Math.abs(Number(m[3] ?? 1)) || 1;
      const alts: string[] = [];
      for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) alts.push(String.fromCharCode(v));
      return { start: i, end, alts };
    }
  }
  return null;
}

/** bash brace expansion (on unquoted literal text only). */
export function braceExpand(w: Word): Word[] {
  for (let pi = 0; pi < w.parts.length; pi++) {
    const p = w.parts[pi];
    if (p.type !== 'lit') continue;
    const m = findBrace(p.value);
    if (!m) continue;
    const before = p.value.slice(0, m.start);
    const after = p.value.slice(m.end + 1);
    const out: Word[] = [];
    for (const alt of m.alts) {
      const lit = before + alt + after;
      const parts: WordPart[] = [...w.parts.slice(0, pi), ...(lit ? [{ type: 'lit' as const, value: lit }] : []), ...w.parts.slice(pi + 1)];
      out.push(...braceExpand({ parts, text: w.text }));
    }
    return out;
  }
  return [w];
}

function joinChunks(chunks: Chunk[]): string {
  let s = '';
  for (const c of chunks) {
    if (c.none) continue;
    s += c.brk ? ' ' : c.text;
  }
  return s;
}

