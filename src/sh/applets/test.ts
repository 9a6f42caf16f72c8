// test / [ : conditional expressions, with each implementation's error messages.

import type { FileSystem, Stat } from '../../vfs/types';
import { resolvePath } from '../errors';

export type TestStyle = 'bash' | 'dash' | 'busybox' | 'gnu';

export interface TestEnv {
  fs: FileSystem;
  cwd: string;
  uid: number;
  gid: number;
  /** isatty for fds 0, 1, 2 */
  isatty(fd: number): boolean;
  /** GNU quotes names with ‘’ in UTF-8 locales, '' otherwise. */
  utf8?: boolean;
}

export interface TestResult {
  status: number;
  /** Message without the program/shell prefix (the caller adds `name: `). */
  error?: string;
}

class TestError extends Error {}

const UNARY = new Set(['-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-L', '-n', '-p', '-r', '-s', '-S', '-t', '-u', '-w', '-x', '-z', '-O', '-G', '-N']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/**
 * Evaluates `test` arguments (without the command name and without a closing `]`).
 * `bracket` says whether it was invoked as `[` (then args must end with `]`).
 */
export function runTest(argsIn: string[], bracket: boolean, style: TestStyle, env: TestEnv): TestResult {
  let args = argsIn;
  const q = (s: string) => (env.utf8 ? `‘${s}’` : `'${s}'`);
  if (bracket) {
    if (args[args.length - 1] !== ']') {
      switch (style) {
        case 'bash':
          return { status: 2, error: "missing `]'" };
        case 'gnu':
          return { status: 2, error: `missing ${q(']')}` };
        default:
          return { status: 2, error: 'missing ]' };
      }
    }
    args = args.slice(0, -1);
  }
  const t = new TestEval(args, style, env, q);
  try {
    return { status: t.run() ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, error: e.message };
    throw e;
  }
}

class TestEval {
  private i = 0;
  constructor(
    private readonly a: string[],
    private readonly style: TestStyle,
    private readonly env: TestEnv,
    private readonly q: (s: string) => string,
  ) {}

  run(): boolean {
    const a = this.a;
    const n = a.length;
    // POSIX rules by argument count.
    if (n === 0) return false;
    if (n === 1) return a[0] !== '';
    if (n === 2) {
      if (a[0] === '!') return a[1] === '';
      if (UNARY.has(a[0])) return this.unary(a[0], a[1]);
      this.errTwo();
    }
    if (n === 3) {
      if (BINARY.has(a[1]) || ((a[1] === '-a' || a[1] === '-o') && this.style !== 'busybox')) {
        if (a[1] === '-a') return a[0] !== '' && a[2] !== '';
        if (a[1] === '-o') return a[0] !== '' || a[2] !== '';
        return this.binary(a[0], a[1], a[2]);
      }
      if (a[0] === '!') return !new TestEval(a.slice(1), this.style, this.env, this.q).run();
      if (a[0] === '(' && a[2] === ')') return a[1] !== '';
      this.errThree();
    }
    if (n === 4) {
      if (a[0] === '!') return !new TestEval(a.slice(1), this.style, this.env, this.q).run();
      if (a[0] === '(' && a[3] === ')') return new TestEval(a.slice(1, 3), this.style, this.env, this.q).run();
    }
    const v = this.orExpr();
    if (this.i < n) this.errExtra(a[this.i]);
    return v;
  }

  private errTwo(): never {
    const a = this.a;
    switch (this.style) {
      case 'bash':
        throw new TestError(`${a[0]}: unary operator expected`);
      case 'dash':
        throw new TestError(`${a[0]}: unexpected operator`);
      case 'busybox':
        throw new TestError(`${a[1]}: unknown operand`);
      case 'gnu':
        throw new TestError(`missing argument after ${this.q(a[1])}`);
    }
  }

  private errThree(): never {
    const a = this.a;
    switch (this.style) {
      case 'bash':
        if (UNARY.has(a[0]) || a[0] === '(') throw new TestError(`${a[1]}: binary operator expected`);
        throw new TestError(`${a[1]}: binary operator expected`);
      case 'dash':
        throw new TestError(`${a[1]}: unexpected operator`);
      case 'busybox':
        throw new TestError(`${a[2]}: unknown operand`);
      case 'gnu':
        throw new TestError(`${this.q(a[1])}: binary operator expected`);
    }
  }

  private errExtra(tok: string): never {
    switch (this.style) {
      case 'bash':
        throw new TestError('too many arguments');
      case 'dash':
        throw new TestError(`${tok}: unexpected operator`);
      case 'busybox':
        throw new TestError(`${this.a[this.a.length - 1]}: unknown operand`);
      case 'gnu':
        throw new TestError(`extra argument ${this.q(tok)}`);
    }
  }

  private errArgExpected(op: string): never {
    switch (this.style) {
      case 'bash':
        throw new TestError('argument expected');
      case 'dash':
      case 'busybox':
        throw new TestError(`${op}: argument expected`);
      case 'gnu':
        throw new TestError(`missing argument after ${this.q(op)}`);
    }
  }

  private orExpr(): boolean {
    let v = this.andExpr();
    while (this.a[this.i] === '-o') {
      this.i++;
      const r = this.andExpr();
      v = v || r;
    }
    return v;
  }

  private andExpr(): boolean {
    let v = this.notExpr();
    while (this.a[this.i] === '-a') {
      this.i++;
      const r = this.notExpr();
      v = v && r;
    }
    return v;
  }

  private notExpr(): boolean {
    if (this.a[this.i] === '!') {
      this.i++;
      return !this.notExpr();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.a;
    const t = a[this.i];
    if (t === undefined) this.errArgExpected(a[this.i - 1] ?? '');
    if (t === '(') {
      this.i++;
      const v = this.orExpr();
      if (a[this.i] !== ')') {
        if (this.style === 'busybox') throw new TestError('closing paren expected');
        this.errExtra(a[this.i] ?? ')');
      }
      this.i++;
      return v;
    }
    if (BINARY.has(a[this.i + 1] ?? '')) {
      if (a[this.i + 2] === undefined) this.errArgExpected(a[this.i + 1]);
      const v = this.binary(t, a[this.i + 1], a[this.i + 2]);
      this.i += 3;
      return v;
    }
    if (UNARY.has(t) && a[this.i + 1] !== undefined) {
      const v = this.unary(t, a[this.i + 1]);
      this.i += 2;
      return v;
    }
    this.i++;
    return t !== '';
  }

  private int(s: string): bigint {
    const t = s.trim();
    if (/^[+-]?\d+$/.test(t)) return BigInt(t);
    switch (this.style) {
      case 'bash':
        throw new TestError(`${s}: integer expression expected`);
      case 'dash':
        throw new TestError(`Illegal number: ${s}`);
      case 'busybox':
        throw new TestError(`${s}: bad number`);
      case 'gnu':
        throw new TestError(`invalid integer ${this.q(s)}`);
    }
  }

  private stat(p: string, follow = true): Stat | null {
    if (p === '') return null;
    try {
      const path = resolvePath(this.env.cwd, p);
      return follow ? this.env.fs.stat(path) : this.env.fs.lstat(path);
    } catch {
      return null;
    }
  }

  private access(st: Stat, bit: number): boolean {
    const { uid, gid } = this.env;
    if (uid === 0) return bit !== 1 || (st.mode & 0o111) !== 0 || st.type === 'dir';
    if (st.uid === uid) return (st.mode & (bit << 6)) !== 0;
    if (st.gid === gid) return (st.mode & (bit << 3)) !== 0;
    return (st.mode & bit) !== 0;
  }

  private unary(op: string, x: string): boolean {
    switch (op) {
      case '-n':
        return x !== '';
      case '-z':
        return x === '';
      case '-t':
        return this.env.isatty(Number(this.int(x)));
    }
    const st = this.stat(x, op !== '-h' && op !== '-L');
    if (!st) return false;
    switch (op) {
      case '-e':
        return true;
      case '-f':
        return st.type === 'file';
      case '-d':
        return st.type === 'dir';
      case '-h':
      case '-L':
        return st.type === 'symlink';
      case '-s':
        return st.size > 0;
      case '-r':
        return this.access(st, 4);
      case '-w':
        return this.access(st, 2);
      case '-x':
        return this.access(st, 1);
      case '-u':
        return (st.mode & 0o4000) !== 0;
      case '-g':
        return (st.mode & 0o2000) !== 0;
      case '-k':
        return (st.mode & 0o1000) !== 0;
      case '-O':
        return st.uid === this.env.uid;
      case '-G':
        return st.gid === this.env.gid;
      default:
        return false;
    }
  }

  private binary(x: string, op: string, y: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return x === y;
      case '!=':
        return x !== y;
      case '<':
        return x < y;
      case '>':
        return x > y;
      case '-eq':
        return this.int(x) === this.int(y);
      case '-ne':
        return this.int(x) !== this.int(y);
      case '-lt':
        return this.int(x) < this.int(y);
      case '-le':
        return this.int(x) <= this.int(y);
      case '-gt':
        return this.int(x) > this.int(y);
      case '-ge':
        return this.int(x) >= this.int(y);
      case '-nt': {
        const a = this.stat(x);
        const b = this.stat(y);
        return !!a && (!b || a.mtime > b.mtime);
      }
      case '-ot': {
        const a = this.stat(x);
        const b = this.stat(y);
        return !!b && (!a || a.mtime < b.mtime);
      }
      case '-ef': {
        try {
          const fs = this.env.fs;
          return fs.realpath(resolvePath(this.env.cwd, x)) === fs.realpath(resolvePath(this.env.cwd, y));
        } catch {
          return false;
        }
      }
    }
    return false;
  }
}
