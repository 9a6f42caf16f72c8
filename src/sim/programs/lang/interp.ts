// A small, safe interpreter for the one-liners and short scripts learners give node and
// python3 (`node -e 'console.log(1+1)'`, `python3 -c 'print(2**10)'`, the REPLs): literals,
// arithmetic, strings, arrays/lists, objects/dicts, variables, functions (arrows, lambdas),
// if/for/while in JavaScript, and the builtins such programs call. It never uses the host's
// eval: the source is parsed and walked here, with a step budget.

export type Flavor = 'js' | 'py';

export class PyFloat {
  constructor(readonly v: number) {}
}

export interface Fn {
  kind: 'fn';
  name: string;
  params: string[];
  body: Node | Node[];
  expr: boolean;
  closure: Scope;
}

export interface Native {
  kind: 'native';
  name: string;
  call: (args: V[], self?: V) => V;
}

export type V = number | string | boolean | null | undefined | PyFloat | V[] | Fn | Native | { [k: string]: V } | Map<unknown, V>;

export class ScriptError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly line = 1,
  ) {
    super(message);
  }
}

export class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

class Return {
  constructor(readonly v: V) {}
}
class Break {}
class Continue {}

export class Scope {
  readonly vars = new Map<string, { v: V; konst: boolean }>();
  constructor(readonly parent: Scope | null) {}

  lookup(name: string): { v: V; konst: boolean } | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }

  set(name: string, v: V, declare: boolean, konst = false): void {
    if (declare) {
      this.vars.set(name, { v, konst });
      return;
    }
    for (let s: Scope | null = this; s; s = s.parent) {
      const cell = s.vars.get(name);
      if (cell) {
        if (cell.konst) throw new ScriptError('TypeError', 'Assignment to constant variable.');
        cell.v = v;
        return;
      }
    }
    this.vars.set(name, { v, konst: false });
  }
}

// ---- tokens ----------------------------------------------------------------------------------

interface Tok {
  t: 'num' | 'str' | 'tpl' | 'id' | 'op' | 'nl' | 'end';
  v: string;
  line: number;
  /** f-string or template parts */
  parts?: string[];
}

const OPS = ['===', '!==', '**=', '...', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '**', '//', '+=', '-=', '*=', '/=', '++', '--', '?.', '+', '-', '*', '/', '%', '<', '>', '=', '!', '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '?', '&', '|', '^', '~'];

function tokenize(src: string, flavor: Flavor): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      if (depth === 0) out.push({ t: 'nl', v: '\n', line });
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if ((flavor === 'js' && c === '/' && src[i + 1] === '/') || (flavor === 'py' && c === '#')) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (flavor === 'js' && c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0x[0-9a-fA-F]+|\d[\d_]*\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0].replace(/_/g, ''), line });
      i += m[0].length;
      continue;
    }
    const fPrefix = flavor === 'py' && /[fFrRbB]/.test(c) && (src[i + 1] === '"' || src[i + 1] === "'");
    if (c === '"' || c === "'" || (flavor === 'js' && c === '`') || fPrefix) {
      const prefix = fPrefix ? c.toLowerCase() : '';
      if (fPrefix) i++;
      const q = src[i]!;
      const triple = flavor === 'py' && src.slice(i, i + 3) === q.repeat(3);
      const close = triple ? q.repeat(3) : q;
      i += close.length;
      let s = '';
      const parts: string[] = [];
      const template = q === '`' || prefix === 'f';
      for (;;) {
        if (i >= src.length) throw new ScriptError('SyntaxError', flavor === 'js' ? 'Invalid or unexpected token' : 'unterminated string literal (detected at line 1)', line);
        if (src.startsWith(close, i)) {
          i += close.length;
          break;
        }
        const ch = src[i]!;
        if (ch === '\n' && !triple && q !== '`') throw new ScriptError('SyntaxError', flavor === 'js' ? 'Invalid or unexpected token' : 'unterminated string literal (detected at line 1)', line);
        if (ch === '\\' && prefix !== 'r') {
          const n = src[i + 1] ?? '';
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '0' ? '\0' : n;
          i += 2;
          continue;
        }
        if (template && ((q === '`' && ch === '$' && src[i + 1] === '{') || (prefix === 'f' && ch === '{' && src[i + 1] !== '{'))) {
          parts.push(s);
          s = '';
          let d = 0;
          let j = i + (q === '`' ? 2 : 1);
          const start = j;
          for (; j < src.length; j++) {
            if (src[j] === '{') d++;
            else if (src[j] === '}') {
              if (d === 0) break;
              d--;
            }
          }
          parts.push(src.slice(start, j));
          i = j + 1;
          continue;
        }
        if (prefix === 'f' && ch === '{' && src[i + 1] === '{') {
          s += '{';
          i += 2;
          continue;
        }
        if (prefix === 'f' && ch === '}' && src[i + 1] === '}') {
          s += '}';
          i += 2;
          continue;
        }
        if (ch === '\n') line++;
        s += ch;
        i++;
      }
      if (template) {
        parts.push(s);
        out.push({ t: 'tpl', v: '', line, parts });
      } else out.push({ t: 'str', v: s, line });
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0], line });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ScriptError('SyntaxError', flavor === 'js' ? 'Invalid or unexpected token' : 'invalid syntax', line);
    if (op === '(' || op === '[' || op === '{') depth++;
    if (op === ')' || op === ']' || op === '}') depth = Math.max(0, depth - 1);
    out.push({ t: 'op', v: op, line });
    i += op.length;
  }
  out.push({ t: 'end', v: '', line });
  return out;
}

// ---- syntax tree -----------------------------------------------------------------------------

export type Node =
  | { n: 'lit'; v: V }
  | { n: 'tpl'; parts: (string | Node)[] }
  | { n: 'id'; name: string; line: number }
  | { n: 'arr'; items: Node[] }
  | { n: 'obj'; entries: [Node | string, Node][] }
  | { n: 'un'; op: string; e: Node }
  | { n: 'bin'; op: string; l: Node; r: Node }
  | { n: 'cond'; c: Node; a: Node; b: Node }
  | { n: 'member'; o: Node; p: Node | string; optional: boolean }
  | { n: 'call'; f: Node; args: Node[]; line: number }
  | { n: 'new'; f: Node; args: Node[] }
  | { n: 'fn'; name: string; params: string[]; body: Node | Node[]; expr: boolean }
  | { n: 'assign'; op: string; target: Node; e: Node }
  | { n: 'update'; op: string; prefix: boolean; target: Node }
  | { n: 'decl'; kind: string; names: [string, Node | null][] }
  | { n: 'if'; c: Node; a: Node[]; b: Node[] | null }
  | { n: 'for'; init: Node | null; c: Node | null; step: Node | null; body: Node[] }
  | { n: 'forof'; name: string; kind: string; e: Node; body: Node[] }
  | { n: 'while'; c: Node; body: Node[] }
  | { n: 'return'; e: Node | null }
  | { n: 'break' }
  | { n: 'continue' }
  | { n: 'import'; names: [string, string][]; from: string | null }
  | { n: 'expr'; e: Node }
  | { n: 'block'; body: Node[] };

class Parser {
  i = 0;
  constructor(
    readonly toks: Tok[],
    readonly flavor: Flavor,
  ) {}

  peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }

  next(): Tok {
    return this.toks[Math.min(this.i++, this.toks.length - 1)]!;
  }

  is(v: string, o = 0): boolean {
    const t = this.peek(o);
    return (t.t === 'op' || t.t === 'id') && t.v === v;
  }

  accept(v: string): boolean {
    if (this.is(v)) {
      this.i++;
      return true;
    }
    return false;
  }

  fail(t: Tok = this.peek()): never {
    if (this.flavor === 'py') throw new ScriptError('SyntaxError', t.t === 'end' ? "'(' was never closed" : 'invalid syntax', t.line);
    throw new ScriptError('SyntaxError', t.t === 'end' ? 'Unexpected end of input' : t.t === 'id' ? `Unexpected identifier '${t.v}'` : t.t === 'num' ? 'Unexpected number' : t.t === 'str' ? 'Unexpected string' : `Unexpected token '${t.v}'`, t.line);
  }

  expect(v: string): void {
    if (!this.accept(v)) this.fail();
  }

  skipNl(): void {
    while (this.peek().t === 'nl' || this.is(';')) this.i++;
  }

  program(): Node[] {
    const out: Node[] = [];
    this.skipNl();
    while (this.peek().t !== 'end') {
      out.push(this.statement());
      this.skipNl();
    }
    return out;
  }

  block(): Node[] {
    if (this.accept('{')) {
      const out: Node[] = [];
      this.skipNl();
      while (!this.is('}')) {
        if (this.peek().t === 'end') this.fail();
        out.push(this.statement());
        this.skipNl();
      }
      this.expect('}');
      return out;
    }
    return [this.statement()];
  }

  statement(): Node {
    const t = this.peek();
    if (this.flavor === 'js') {
      if (t.t === 'id' && ['let', 'const', 'var'].includes(t.v)) {
        this.i++;
        const names: [string, Node | null][] = [];
        do {
          const name = this.next();
          if (name.t !== 'id') this.fail(name);
          names.push([name.v, this.accept('=') ? this.assignment() : null]);
        } while (this.accept(','));
        return { n: 'decl', kind: t.v, names };
      }
      if (this.is('if')) {
        this.i++;
        this.expect('(');
        const c = this.expression();
        this.expect(')');
        this.skipNlOnly();
        const a = this.block();
        const save = this.i;
        this.skipNl();
        if (this.accept('else')) {
          this.skipNlOnly();
          return { n: 'if', c, a, b: this.block() };
        }
        this.i = save;
        return { n: 'if', c, a, b: null };
      }
      if (this.is('for')) {
        this.i++;
        this.expect('(');
        if (this.peek().t === 'id' && ['let', 'const', 'var'].includes(this.peek().v) && (this.is('of', 2) || this.is('in', 2))) {
          const kind = this.next().v;
          const name = this.next().v;
          const isIn = this.next().v === 'in';
          const e = this.expression();
          this.expect(')');
          this.skipNlOnly();
          return { n: 'forof', name, kind: isIn ? 'in' : kind, e, body: this.block() };
        }
        const init = this.is(';') ? null : this.statement();
        this.expect(';');
        const c = this.is(';') ? null : this.expression();
        this.expect(';');
        const step = this.is(')') ? null : this.expression();
        this.expect(')');
        this.skipNlOnly();
        return { n: 'for', init, c, step, body: this.block() };
      }
      if (this.is('while')) {
        this.i++;
        this.expect('(');
        const c = this.expression();
        this.expect(')');
        this.skipNlOnly();
        return { n: 'while', c, body: this.block() };
      }
      if (this.is('function')) {
        this.i++;
        const name = this.next().v;
        const params = this.params();
        const body = this.block();
        return { n: 'decl', kind: 'let', names: [[name, { n: 'fn', name, params, body, expr: false }]] };
      }
      if (this.is('return')) {
        this.i++;
        const e = this.peek().t === 'nl' || this.is(';') || this.is('}') || this.peek().t === 'end' ? null : this.expression();
        return { n: 'return', e };
      }
      if (this.accept('break')) return { n: 'break' };
      if (this.accept('continue')) return { n: 'continue' };
      if (this.is('{')) return { n: 'block', body: this.block() };
    } else {
      if (this.is('import') || this.is('from')) {
        const from = this.accept('from') ? this.dotted() : null;
        this.expect('import');
        const names: [string, string][] = [];
        do {
          const n = this.dotted();
          names.push([n, this.accept('as') ? this.next().v : n.split('.')[0]!]);
        } while (this.accept(','));
        return { n: 'import', names, from };
      }
      if (this.accept('pass')) return { n: 'block', body: [] };
      if (this.is('def') || this.is('class') || this.is('if') || this.is('for') || this.is('while') || this.is('with') || this.is('try')) {
        throw new ScriptError('SyntaxError', 'compound statements are not simulated by docksim', t.line);
      }
    }
    return { n: 'expr', e: this.expression() };
  }

  skipNlOnly(): void {
    while (this.peek().t === 'nl') this.i++;
  }

  dotted(): string {
    let s = this.next().v;
    while (this.accept('.')) s += `.${this.next().v}`;
    return s;
  }

  params(): string[] {
    this.expect('(');
    const out: string[] = [];
    while (!this.is(')')) {
      out.push(this.next().v);
      if (this.accept('=')) this.assignment();
      if (!this.accept(',')) break;
    }
    this.expect(')');
    return out;
  }

  expression(): Node {
    return this.assignment();
  }

  assignment(): Node {
    // arrow functions: x => ..., (a, b) => ...
    if (this.flavor === 'js') {
      const t = this.peek();
      if (t.t === 'id' && this.is('=>', 1)) {
        this.i += 2;
        return this.arrowBody([t.v]);
      }
      if (this.is('(')) {
        let j = this.i + 1;
        let d = 1;
        while (j < this.toks.length && d > 0) {
          const v = this.toks[j]!;
          if (v.t === 'op' && v.v === '(') d++;
          if (v.t === 'op' && v.v === ')') d--;
          j++;
        }
        if (this.toks[j]?.t === 'op' && this.toks[j]!.v === '=>') {
          const params = this.params();
          this.expect('=>');
          return this.arrowBody(params);
        }
      }
    } else if (this.is('lambda')) {
      this.i++;
      const params: string[] = [];
      while (!this.is(':')) {
        params.push(this.next().v);
        this.accept(',');
      }
      this.expect(':');
      return { n: 'fn', name: '<lambda>', params, body: this.assignment(), expr: true };
    }
    const left = this.conditional();
    const t = this.peek();
    if (t.t === 'op' && ['=', '+=', '-=', '*=', '/=', '**='].includes(t.v)) {
      if (left.n !== 'id' && left.n !== 'member') this.fail(t);
      this.i++;
      return { n: 'assign', op: t.v, target: left, e: this.assignment() };
    }
    return left;
  }

  arrowBody(params: string[]): Node {
    if (this.is('{')) return { n: 'fn', name: '', params, body: this.block(), expr: false };
    return { n: 'fn', name: '', params, body: this.assignment(), expr: true };
  }

  conditional(): Node {
    const c = this.binary(0);
    if (this.flavor === 'js' && this.accept('?')) {
      const a = this.assignment();
      this.expect(':');
      return { n: 'cond', c, a, b: this.assignment() };
    }
    if (this.flavor === 'py' && this.is('if')) {
      this.i++;
      const cond = this.binary(0);
      this.expect('else');
      return { n: 'cond', c: cond, a: c, b: this.conditional() };
    }
    return c;
  }

  static readonly PREC_JS: Record<string, number> = { '??': 1, '||': 2, '&&': 3, '|': 4, '^': 5, '&': 6, '==': 7, '!=': 7, '===': 7, '!==': 7, '<': 8, '>': 8, '<=': 8, '>=': 8, in: 8, instanceof: 8, '+': 10, '-': 10, '*': 11, '/': 11, '%': 11, '**': 12 };
  static readonly PREC_PY: Record<string, number> = { or: 1, and: 2, '==': 4, '!=': 4, '<': 4, '>': 4, '<=': 4, '>=': 4, in: 4, is: 4, '|': 5, '^': 6, '&': 7, '+': 10, '-': 10, '*': 11, '/': 11, '//': 11, '%': 11, '**': 13 };

  binary(min: number): Node {
    let l = this.unary();
    const table = this.flavor === 'js' ? Parser.PREC_JS : Parser.PREC_PY;
    for (;;) {
      const t = this.peek();
      let op = t.v;
      if (this.flavor === 'py' && op === 'not' && this.is('in', 1)) op = 'not in';
      if (this.flavor === 'py' && op === 'is' && this.is('not', 1)) op = 'is not';
      const prec = (t.t === 'op' || t.t === 'id') ? table[op === 'not in' ? 'in' : op === 'is not' ? 'is' : op] : undefined;
      if (prec === undefined || prec < min) return l;
      this.i += op.includes(' ') ? 2 : 1;
      const r = op === '**' ? this.binary(prec) : this.binary(prec + 1);
      l = { n: 'bin', op, l, r };
    }
  }

  unary(): Node {
    const t = this.peek();
    if (t.t === 'op' && ['-', '+', '!', '~'].includes(t.v)) {
      this.i++;
      return { n: 'un', op: t.v, e: this.unary() };
    }
    if (this.flavor === 'py' && this.is('not')) {
      this.i++;
      return { n: 'un', op: '!', e: this.binary(3) };
    }
    if (this.flavor === 'js' && (this.is('typeof') || this.is('void'))) {
      this.i++;
      return { n: 'un', op: t.v, e: this.unary() };
    }
    if (t.t === 'op' && (t.v === '++' || t.v === '--')) {
      this.i++;
      return { n: 'update', op: t.v, prefix: true, target: this.unary() };
    }
    const e = this.postfix();
    const p = this.peek();
    if (p.t === 'op' && (p.v === '++' || p.v === '--')) {
      this.i++;
      return { n: 'update', op: p.v, prefix: false, target: e };
    }
    return e;
  }

  postfix(): Node {
    let e = this.primary();
    for (;;) {
      if (this.accept('.') || this.is('?.')) {
        const optional = this.toks[this.i - 1]!.v !== '.' && this.accept('?.');
        const name = this.next();
        if (name.t !== 'id') this.fail(name);
        e = { n: 'member', o: e, p: name.v, optional };
      } else if (this.accept('[')) {
        const p = this.expression();
        this.expect(']');
        e = { n: 'member', o: e, p, optional: false };
      } else if (this.is('(')) {
        const line = this.peek().line;
        e = { n: 'call', f: e, args: this.args(), line };
      } else return e;
    }
  }

  args(): Node[] {
    this.expect('(');
    const out: Node[] = [];
    this.skipNlOnly();
    while (!this.is(')')) {
      if (this.flavor === 'py' && this.peek().t === 'id' && this.is('=', 1)) {
        const key = this.next().v;
        this.i++;
        out.push({ n: 'obj', entries: [[`__kw__${key}`, this.assignment()]] });
      } else out.push(this.assignment());
      this.skipNlOnly();
      if (!this.accept(',')) break;
      this.skipNlOnly();
    }
    this.expect(')');
    return out;
  }

  primary(): Node {
    const t = this.next();
    if (t.t === 'num') {
      const v = t.v.startsWith('0x') ? parseInt(t.v, 16) : Number(t.v);
      if (this.flavor === 'py' && /[.eE]/.test(t.v) && !t.v.startsWith('0x')) return { n: 'lit', v: new PyFloat(v) };
      return { n: 'lit', v };
    }
    if (t.t === 'str') {
      let s = t.v;
      while (this.peek().t === 'str') s += this.next().v;
      return { n: 'lit', v: s };
    }
    if (t.t === 'tpl') {
      const parts: (string | Node)[] = t.parts!.map((p, k) => (k % 2 === 0 ? p : new Parser(tokenize(p.replace(/![rsa]$|:[^:]*$/, ''), this.flavor), this.flavor).expression()));
      return { n: 'tpl', parts };
    }
    if (t.t === 'op' && t.v === '(') {
      this.skipNlOnly();
      if (this.flavor === 'py' && this.accept(')')) return { n: 'arr', items: [] };
      const e = this.expression();
      this.skipNlOnly();
      if (this.flavor === 'py' && this.is(',')) {
        const items = [e];
        while (this.accept(',') && !this.is(')')) items.push(this.expression());
        this.expect(')');
        return { n: 'arr', items };
      }
      this.expect(')');
      return e;
    }
    if (t.t === 'op' && t.v === '[') {
      const items: Node[] = [];
      this.skipNlOnly();
      while (!this.is(']')) {
        items.push(this.assignment());
        this.skipNlOnly();
        if (!this.accept(',')) break;
        this.skipNlOnly();
      }
      this.expect(']');
      return { n: 'arr', items };
    }
    if (t.t === 'op' && t.v === '{') {
      const entries: [Node | string, Node][] = [];
      this.skipNlOnly();
      while (!this.is('}')) {
        const k = this.next();
        let key: Node | string;
        if (this.flavor === 'js' && (k.t === 'id' || k.t === 'str' || k.t === 'num')) key = k.v;
        else if (this.flavor === 'js' && k.t === 'op' && k.v === '[') {
          key = this.expression();
          this.expect(']');
        } else {
          this.i--;
          key = this.assignment();
        }
        if (this.flavor === 'js' && typeof key === 'string' && (this.is(',') || this.is('}'))) entries.push([key, { n: 'id', name: key, line: k.line }]);
        else {
          this.expect(':');
          entries.push([key, this.assignment()]);
        }
        this.skipNlOnly();
        if (!this.accept(',')) break;
        this.skipNlOnly();
      }
      this.expect('}');
      return { n: 'obj', entries };
    }
    if (t.t === 'id') {
      if (this.flavor === 'js') {
        if (t.v === 'true') return { n: 'lit', v: true };
        if (t.v === 'false') return { n: 'lit', v: false };
        if (t.v === 'null') return { n: 'lit', v: null };
        if (t.v === 'undefined') return { n: 'lit', v: undefined };
        if (t.v === 'new') {
          const f = this.primary();
          return { n: 'new', f, args: this.is('(') ? this.args() : [] };
        }
        if (t.v === 'function') {
          const name = this.peek().t === 'id' ? this.next().v : '';
          const params = this.params();
          return { n: 'fn', name, params, body: this.block(), expr: false };
        }
        if (['let', 'const', 'var', 'if', 'for', 'while', 'return', 'else'].includes(t.v)) this.fail(t);
      } else {
        if (t.v === 'True') return { n: 'lit', v: true };
        if (t.v === 'False') return { n: 'lit', v: false };
        if (t.v === 'None') return { n: 'lit', v: null };
      }
      return { n: 'id', name: t.v, line: t.line };
    }
    this.fail(t);
  }
}

export function parse(src: string, flavor: Flavor): Node[] {
  const p = new Parser(tokenize(src, flavor), flavor);
  return p.program();
}

// ---- evaluation ------------------------------------------------------------------------------

export interface Host {
  flavor: Flavor;
  /** Names resolved when not defined by the program (console, Math, print, len...). */
  global(name: string): V | undefined;
  /** Member of a value (string methods, array methods, object fields). */
  member(o: V, name: string | number): V | undefined;
  /** `new X(...)`. */
  construct(f: V, args: V[]): V;
  /** Python import of a module name. */
  importModule(name: string): V | undefined;
}

export class Interp {
  steps = 0;
  constructor(
    readonly host: Host,
    readonly globals = new Scope(null),
  ) {}

  run(nodes: Node[], scope = this.globals): V {
    let last: V = undefined;
    for (const n of nodes) last = this.exec(n, scope);
    return last;
  }

  tick(): void {
    if (++this.steps > 200_000) throw new ScriptError('RangeError', 'Maximum call stack size exceeded');
  }

  exec(n: Node, scope: Scope): V {
    this.tick();
    switch (n.n) {
      case 'decl':
        for (const [name, e] of n.names) scope.set(name, e ? this.eval(e, scope) : undefined, true, n.kind === 'const');
        return undefined;
      case 'if':
        if (this.truthy(this.eval(n.c, scope))) this.run(n.a, new Scope(scope));
        else if (n.b) this.run(n.b, new Scope(scope));
        return undefined;
      case 'for': {
        const s = new Scope(scope);
        if (n.init) this.exec(n.init, s);
        while (!n.c || this.truthy(this.eval(n.c, s))) {
          try {
            this.run(n.body, new Scope(s));
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
          if (n.step) this.eval(n.step, s);
          this.tick();
        }
        return undefined;
      }
      case 'forof': {
        const coll = this.eval(n.e, scope);
        const items = n.kind === 'in' ? Object.keys(coll as object) : Array.isArray(coll) ? coll : typeof coll === 'string' ? [...coll] : [];
        for (const it of items) {
          const s = new Scope(scope);
          s.set(n.name, it as V, true, n.kind === 'const');
          try {
            this.run(n.body, s);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return undefined;
      }
      case 'while':
        while (this.truthy(this.eval(n.c, scope))) {
          try {
            this.run(n.body, new Scope(scope));
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
          this.tick();
        }
        return undefined;
      case 'return':
        throw new Return(n.e ? this.eval(n.e, scope) : undefined);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'block':
        this.run(n.body, new Scope(scope));
        return undefined;
      case 'import':
        for (const [name, alias] of n.names) {
          const modName = n.from ?? name;
          const mod = this.host.importModule(modName);
          if (mod === undefined) throw new ScriptError('ModuleNotFoundError', `No module named '${modName.split('.')[0]}'`);
          scope.set(alias, n.from ? (this.host.member(mod, name) ?? null) : mod, true);
        }
        return undefined;
      case 'expr':
        return this.eval(n.e, scope);
      default:
        return this.eval(n, scope);
    }
  }

  truthy(v: V): boolean {
    if (v instanceof PyFloat) return v.v !== 0;
    if (this.host.flavor === 'py') {
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof Map) return v.size > 0;
      if (v && typeof v === 'object' && !('kind' in v)) return Object.keys(v).length > 0;
    }
    return !!v;
  }

  num(v: V): number {
    if (v instanceof PyFloat) return v.v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (this.host.flavor === 'js') return v === null ? 0 : typeof v === 'number' ? v : Number(v);
    return v as number;
  }

  eval(n: Node, scope: Scope): V {
    this.tick();
    switch (n.n) {
      case 'lit':
        return n.v;
      case 'tpl':
        return n.parts.map((p) => (typeof p === 'string' ? p : this.host.flavor === 'js' ? jsString(this.eval(p, scope)) : pyStr(this.eval(p, scope)))).join('');
      case 'id': {
        const cell = scope.lookup(n.name);
        if (cell) return cell.v;
        const g = this.host.global(n.name);
        if (g !== undefined) return g;
        if (this.host.flavor === 'js') throw new ScriptError('ReferenceError', `${n.name} is not defined`, n.line);
        throw new ScriptError('NameError', `name '${n.name}' is not defined`, n.line);
      }
      case 'arr':
        return n.items.map((i) => this.eval(i, scope));
      case 'obj': {
        if (this.host.flavor === 'py' && !(n.entries.length === 1 && typeof n.entries[0]![0] === 'string' && n.entries[0]![0].startsWith('__kw__'))) {
          const m = new Map<unknown, V>();
          for (const [k, v] of n.entries) m.set(typeof k === 'string' ? k : this.eval(k, scope), this.eval(v, scope));
          return m;
        }
        const o: { [k: string]: V } = {};
        for (const [k, v] of n.entries) o[typeof k === 'string' ? k : String(this.eval(k, scope))] = this.eval(v, scope);
        return o;
      }
      case 'un': {
        const v = this.eval(n.e, scope);
        if (n.op === '!') return !this.truthy(v);
        if (n.op === '-') return v instanceof PyFloat ? new PyFloat(-v.v) : -this.num(v);
        if (n.op === '+') return this.num(v);
        if (n.op === '~') return ~this.num(v);
        if (n.op === 'typeof') return typeOf(v);
        return undefined;
      }
      case 'bin':
        if (n.op === '&&' || n.op === 'and') {
          const l = this.eval(n.l, scope);
          return this.truthy(l) ? this.eval(n.r, scope) : l;
        }
        if (n.op === '||' || n.op === 'or') {
          const l = this.eval(n.l, scope);
          return this.truthy(l) ? l : this.eval(n.r, scope);
        }
        if (n.op === '??') {
          const l = this.eval(n.l, scope);
          return l === null || l === undefined ? this.eval(n.r, scope) : l;
        }
        return this.binary(n.op, this.eval(n.l, scope), this.eval(n.r, scope));
      case 'cond':
        return this.truthy(this.eval(n.c, scope)) ? this.eval(n.a, scope) : this.eval(n.b, scope);
      case 'member': {
        const o = this.eval(n.o, scope);
        if ((o === null || o === undefined) && n.optional) return undefined;
        const key = typeof n.p === 'string' ? n.p : (this.eval(n.p, scope) as string | number);
        if (o === null || o === undefined) {
          if (this.host.flavor === 'js') throw new ScriptError('TypeError', `Cannot read properties of ${o === null ? 'null' : 'undefined'} (reading '${String(key)}')`);
          throw new ScriptError('AttributeError', `'NoneType' object has no attribute '${String(key)}'`);
        }
        const v = this.host.member(o, typeof key === 'number' || typeof n.p !== 'string' ? (typeof key === 'number' ? key : this.host.flavor === 'py' && typeof key !== 'string' ? this.num(key) : key) : key);
        if (v === undefined && this.host.flavor === 'py') {
          if (typeof n.p !== 'string') {
            if (Array.isArray(o) || typeof o === 'string') throw new ScriptError('IndexError', `${Array.isArray(o) ? 'list' : 'string'} index out of range`);
            throw new ScriptError('KeyError', pyRepr(key as V));
          }
          throw new ScriptError('AttributeError', `'${pyType(o)}' object has no attribute '${String(key)}'`);
        }
        return v;
      }
      case 'call': {
        let self: V = undefined;
        let f: V;
        if (n.f.n === 'member') {
          self = this.eval(n.f.o, scope);
          if ((self === null || self === undefined) && n.f.optional) return undefined;
          const key = typeof n.f.p === 'string' ? n.f.p : (this.eval(n.f.p, scope) as string);
          f = self === null || self === undefined ? undefined : this.host.member(self, key);
          if (f === undefined || f === null) {
            if (this.host.flavor === 'js') throw new ScriptError('TypeError', `${describe(n.f)} is not a function`, n.line);
            throw new ScriptError('AttributeError', `'${pyType(self)}' object has no attribute '${key}'`, n.line);
          }
        } else f = this.eval(n.f, scope);
        const args = n.args.map((a) => this.eval(a, scope));
        return this.call(f, args, self, describe(n.f), n.line);
      }
      case 'new':
        return this.host.construct(this.eval(n.f, scope), n.args.map((a) => this.eval(a, scope)));
      case 'fn':
        return { kind: 'fn', name: n.name, params: n.params, body: n.body, expr: n.expr, closure: scope };
      case 'assign': {
        let v = this.eval(n.e, scope);
        if (n.op !== '=') v = this.binary(n.op.slice(0, -1), this.eval(n.target, scope), v);
        this.store(n.target, v, scope);
        return v;
      }
      case 'update': {
        const old = this.num(this.eval(n.target, scope));
        const v = n.op === '++' ? old + 1 : old - 1;
        this.store(n.target, v, scope);
        return n.prefix ? v : old;
      }
      default:
        return this.exec(n, scope);
    }
  }

  store(target: Node, v: V, scope: Scope): void {
    if (target.n === 'id') {
      scope.set(target.name, v, false);
      return;
    }
    if (target.n === 'member') {
      const o = this.eval(target.o, scope);
      const key = typeof target.p === 'string' ? target.p : this.eval(target.p, scope);
      if (o instanceof Map) o.set(key, v);
      else if (Array.isArray(o)) o[this.num(key as V)] = v;
      else if (o && typeof o === 'object') (o as { [k: string]: V })[String(key)] = v;
      return;
    }
    throw new ScriptError('SyntaxError', 'Invalid left-hand side in assignment');
  }

  call(f: V, args: V[], self: V, name: string, line = 1): V {
    if (f && typeof f === 'object' && 'kind' in f && f.kind === 'native') return (f as Native).call(args, self);
    if (f && typeof f === 'object' && 'kind' in f && f.kind === 'fn') {
      const fn = f as Fn;
      const s = new Scope(fn.closure);
      fn.params.forEach((p, i) => s.set(p, args[i], true));
      if (fn.expr) return this.eval(fn.body as Node, s);
      try {
        this.run(fn.body as Node[], s);
      } catch (e) {
        if (e instanceof Return) return e.v;
        throw e;
      }
      return this.host.flavor === 'py' ? null : undefined;
    }
    if (this.host.flavor === 'js') throw new ScriptError('TypeError', `${name} is not a function`, line);
    throw new ScriptError('TypeError', `'${pyType(f)}' object is not callable`, line);
  }

  binary(op: string, l: V, r: V): V {
    const py = this.host.flavor === 'py';
    switch (op) {
      case '+':
        if (typeof l === 'string' || typeof r === 'string') {
          if (py && (typeof l !== 'string' || typeof r !== 'string')) throw new ScriptError('TypeError', typeof l === 'string' ? `can only concatenate str (not "${pyType(r)}") to str` : `unsupported operand type(s) for +: '${pyType(l)}' and 'str'`);
          return (py ? l : jsString(l)) as string + (py ? r : jsString(r));
        }
        if (Array.isArray(l) && Array.isArray(r) && py) return [...l, ...r];
        if (!py && (Array.isArray(l) || Array.isArray(r) || (typeof l === 'object' && l !== null) || (typeof r === 'object' && r !== null))) return jsString(l) + jsString(r);
        return this.arith(op, l, r);
      case '==':
      case '===':
        return equals(l, r, op === '===' || py);
      case '!=':
      case '!==':
        return !equals(l, r, op === '!==' || py);
      case '<':
      case '>':
      case '<=':
      case '>=': {
        const a = typeof l === 'string' && typeof r === 'string' ? l : this.num(l);
        const b = typeof l === 'string' && typeof r === 'string' ? r : this.num(r);
        return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
      case 'in':
      case 'not in': {
        let has: boolean;
        if (typeof r === 'string') has = r.includes(String(l));
        else if (Array.isArray(r)) has = r.some((x) => equals(x, l, true));
        else if (r instanceof Map) has = r.has(l);
        else has = r !== null && typeof r === 'object' && String(l) in r;
        return op === 'in' ? has : !has;
      }
      case 'is':
        return l === r;
      case 'is not':
        return l !== r;
      case '*':
        if (py && typeof l === 'string' && typeof r === 'number') return l.repeat(Math.max(0, r));
        if (py && Array.isArray(l) && typeof r === 'number') return Array.from({ length: Math.max(0, r) }, () => l).flat();
        return this.arith(op, l, r);
      default:
        return this.arith(op, l, r);
    }
  }

  arith(op: string, l: V, r: V): V {
    const py = this.host.flavor === 'py';
    if (py && (typeof l === 'string' || typeof r === 'string' || l === null || r === null)) throw new ScriptError('TypeError', `unsupported operand type(s) for ${op}: '${pyType(l)}' and '${pyType(r)}'`);
    const a = this.num(l);
    const b = this.num(r);
    const float = py && (l instanceof PyFloat || r instanceof PyFloat);
    const wrap = (x: number): V => (float ? new PyFloat(x) : x);
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
        if (py) {
          if (b === 0) throw new ScriptError('ZeroDivisionError', 'division by zero');
          return new PyFloat(a / b);
        }
        return a / b;
      case '//':
        if (b === 0) throw new ScriptError('ZeroDivisionError', 'integer division or modulo by zero');
        return wrap(Math.floor(a / b));
      case '%':
        if (py) {
          if (b === 0) throw new ScriptError('ZeroDivisionError', 'integer modulo by zero');
          return wrap(((a % b) + b) % b);
        }
        return a % b;
      case '**':
        return py && !float && b < 0 ? new PyFloat(a ** b) : wrap(a ** b);
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
    }
    return undefined;
  }
}

function describe(n: Node): string {
  if (n.n === 'id') return n.name;
  if (n.n === 'member') return `${describe(n.o)}.${typeof n.p === 'string' ? n.p : '<computed>'}`;
  return 'expression';
}

export function equals(a: V, b: V, strict: boolean): boolean {
  const av = a instanceof PyFloat ? a.v : a;
  const bv = b instanceof PyFloat ? b.v : b;
  if (Array.isArray(av) && Array.isArray(bv) && strict) return av.length === bv.length && av.every((x, i) => equals(x, bv[i], strict));
  // eslint-disable-next-line eqeqeq
  return strict ? av === bv : av == bv;
}

export function typeOf(v: V): string {
  if (v === null) return 'object';
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && 'kind' in v && (v.kind === 'fn' || v.kind === 'native')) return 'function';
  return typeof v === 'object' ? 'object' : typeof v;
}

// ---- printing ------------------------------------------------------------------------------

/** JavaScript's String(v). */
export function jsString(v: V): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (Array.isArray(v)) return v.map((x) => (x === null || x === undefined ? '' : jsString(x))).join(',');
  if (typeof v === 'object') {
    if ('kind' in v && (v.kind === 'fn' || v.kind === 'native')) return v.kind === 'fn' ? `(${(v as Fn).params.join(', ')}) => ...` : `function ${v.name}() { [native code] }`;
    return '[object Object]';
  }
  return String(v);
}

/** Node's util.inspect for console.log arguments (strings as they are at the top level). */
export function inspect(v: V, top = true, depth = 0): string {
  if (typeof v === 'string') return top ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof PyFloat) return String(v.v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (depth > 2) return '[Array]';
    const items = v.map((x) => inspect(x, false, depth + 1));
    const one = `[ ${items.join(', ')} ]`;
    return one.length <= 72 && v.length <= 6 ? one : `[\n${items.map((i) => `  ${i}`).join(',\n')}\n]`;
  }
  if (typeof v === 'object' && 'kind' in v && (v.kind === 'fn' || v.kind === 'native')) return v.kind === 'fn' ? `[Function: ${(v as Fn).name || 'anonymous'}]` : `[Function: ${v.name}]`;
  if (v instanceof Map) return `Map(${v.size}) {}`;
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  if (depth > 2) return '[Object]';
  const items = keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect((v as { [k: string]: V })[k], false, depth + 1)}`);
  const one = `{ ${items.join(', ')} }`;
  return one.length <= 72 ? one : `{\n${items.map((i) => `  ${i}`).join(',\n')}\n}`;
}

export function pyType(v: V): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Map) return 'dict';
  if (typeof v === 'object' && 'kind' in v && (v.kind === 'fn' || v.kind === 'native')) return v.kind === 'fn' ? 'function' : 'builtin_function_or_method';
  return 'module';
}

function pyFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : x < 0 ? '-inf' : 'nan';
  const s = String(x);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

/** Python's repr(). */
export function pyRepr(v: V): string {
  if (typeof v === 'string') return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${pyRepr(k as V)}: ${pyRepr(x)}`).join(', ')}}`;
  return pyStr(v);
}

/** Python's str(). */
export function pyStr(v: V): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (v instanceof PyFloat) return pyFloat(v.v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v) || v instanceof Map) return pyRepr(v);
  if (typeof v === 'object' && 'kind' in v && (v.kind === 'fn' || v.kind === 'native')) return v.kind === 'fn' ? `<function ${(v as Fn).name} at 0x7f3a1c2b4d60>` : `<built-in function ${v.name}>`;
  return `<module '${(v as { __name__?: string }).__name__ ?? '?'}'>`;
}
