// Shell arithmetic: $((...)), with C-like operators on 64-bit signed integers (held as BigInt).

import type { Flavor } from './syntax-error';

export class ArithError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithError';
  }
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: bigint } | { t: 'name'; v: string } | { t: 'op'; v: string } | { t: 'end' };

const OPS = [
  '<<=', '>>=', '**', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=',
  '+', '-', '*', '/', '%', '<', '>', '&', '^', '|', '!', '~', '?', ':', '=', '(', ')', ',',
];

const wrap = (v: bigint) => BigInt.asIntN(64, v);

/**
 * Evaluates an arithmetic expression. Variables hold strings; an empty or unset variable is 0,
 * a variable holding an expression is evaluated (bash, ash), while dash insists on a number.
 */
export function evalArith(expr: string, vars: ArithVars, flavor: Flavor): bigint {
  return new ArithEval(expr, vars, flavor, 0).run();
}

class ArithEval {
  private toks: { tok: Tok; pos: number }[] = [];
  private i = 0;
  /** When > 0, side effects (assignments) are suppressed: the unevaluated branch of && || ?: */
  private skip = 0;

  constructor(
    private readonly src: string,
    private readonly vars: ArithVars,
    private readonly flavor: Flavor,
    private readonly depth: number,
  ) {}

  run(): bigint {
    if (this.depth > 32) throw new ArithError(this.flavor === 'bash' ? `${this.src}: expression recursion level exceeded` : 'arithmetic syntax error');
    this.tokenize();
    if (this.peek().t === 'end') return 0n;
    const v = this.comma();
    if (this.peek().t !== 'end') this.syntax('expecting EOF');
    return v;
  }

  // ------------------------------------------------------------ errors

  private rest(): string {
    const at = this.toks[this.i];
    return at ? this.src.slice(at.pos).trim() : '';
  }

  private syntax(dashWhat: 'expecting primary' | 'expecting EOF'): never {
    switch (this.flavor) {
      case 'bash': {
        const rest = this.rest();
        if (dashWhat === 'expecting primary') {
          throw new ArithError(`${this.src.trim()}: syntax error: operand expected (error token is "${rest}")`);
        }
        throw new ArithError(`${this.src.trim()}: syntax error in expression (error token is "${rest}")`);
      }
      case 'dash':
        throw new ArithError(`arithmetic expression: ${dashWhat}: "${this.src}"`);
      case 'ash':
        throw new ArithError('arithmetic syntax error');
    }
  }

  private divZero(): never {
    switch (this.flavor) {
      case 'bash':
        throw new ArithError(`${this.src.trim()}: division by 0 (error token is "${this.rest() || this.lastOperand}")`);
      case 'dash':
        throw new ArithError(`arithmetic expression: division by zero: "${this.src}"`);
      case 'ash':
        throw new ArithError('divide by zero');
    }
  }

  private lastOperand = '';

  // ------------------------------------------------------------ tokens

  private tokenize(): void {
    const s = this.src;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === ' ' || c === '\t' || c === '\n') {
        i++;
        continue;
      }
      const start = i;
      if (/[0-9]/.test(c)) {
        let j = i;
        while (j < s.length && /[0-9A-Za-z_#@]/.test(s[j])) j++;
        const text = s.slice(i, j);
        this.toks.push({ tok: { t: 'num', v: this.parseNumber(text) }, pos: start });
        i = j;
        continue;
      }
      if (/[A-Za-z_]/.test(c)) {
        let j = i;
        while (j < s.length && /[A-Za-z0-9_]/.test(s[j])) j++;
        this.toks.push({ tok: { t: 'name', v: s.slice(i, j) }, pos: start });
        i = j;
        continue;
      }
      // dash has neither ** nor ++/-- (c++ is c + +...).
      const op = OPS.find((o) => s.startsWith(o, i) && (this.flavor !== 'dash' || (o !== '**' && o !== '++' && o !== '--')));
      if (!op) {
        this.toks.push({ tok: { t: 'op', v: c }, pos: start });
        this.i = this.toks.length - 1;
        this.syntax('expecting EOF');
      }
      this.toks.push({ tok: { t: 'op', v: op }, pos: start });
      i += op.length;
    }
  }

  private parseNumber(text: string): bigint {
    const bad = (): never => {
      if (this.flavor === 'bash') throw new ArithError(`${text}: value too great for base (error token is "${text}")`);
      if (this.flavor === 'dash') throw new ArithError(`Illegal number: ${text}`);
      throw new ArithError('arithmetic syntax error');
    };
    let m: RegExpExecArray | null;
    if ((m = /^0[xX]([0-9a-fA-F]+)$/.exec(text))) return wrap(BigInt('0x' + m[1]));
    if (/^0[0-7]*$/.test(text)) return wrap(text === '0' ? 0n : BigInt('0o' + text.slice(1)));
    if (/^[1-9][0-9]*$/.test(text)) return wrap(BigInt(text));
    if ((m = /^([0-9]+)#([0-9A-Za-z@_]+)$/.exec(text)) && this.flavor !== 'dash') {
      const base = Number(m[1]);
      if (base < 2 || base > 64) bad();
      let v = 0n;
      for (const ch of m[2]) {
        let d: number;
        if (/[0-9]/.test(ch)) d = ch.charCodeAt(0) - 48;
        else if (/[a-z]/.test(ch)) d = ch.charCodeAt(0) - 97 + 10;
        else if (/[A-Z]/.test(ch)) d = base <= 36 ? ch.charCodeAt(0) - 65 + 10 : ch.charCodeAt(0) - 65 + 36;
        else if (ch === '@') d = 62;
        else d = 63;
        if (d >= base) bad();
        v = v * BigInt(base) + BigInt(d);
      }
      return wrap(v);
    }
    return bad();
  }

  private peek(): Tok {
    return this.toks[this.i]?.tok ?? { t: 'end' };
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }

  private take(): Tok {
    return this.toks[this.i++]?.tok ?? { t: 'end' };
  }

  // ------------------------------------------------------------ variables

  private getVar(name: string): bigint {
    const raw = this.vars.get(name);
    if (raw === undefined || raw.trim() === '') return 0n;
    const text = raw.trim();
    if (/^-?[0-9]+$/.test(text)) return wrap(BigInt(text));
    if (this.flavor === 'dash') {
      try {
        const neg = text.startsWith('-');
        const v = this.parseNumber(neg ? text.slice(1) : text);
        return neg ? -v : v;
      } catch {
        throw new ArithError(`Illegal number: ${raw}`);
      }
    }
    return new ArithEval(text, this.vars, this.flavor, this.depth + 1).run();
  }

  private setVar(name: string, v: bigint): bigint {
    if (this.skip === 0) this.vars.set(name, v.toString());
    return v;
  }

  // ------------------------------------------------------------ grammar (C precedence)

  private comma(): bigint {
    let v = this.assign();
    while (this.isOp(',') && this.flavor !== 'dash') {
      this.take();
      v = this.assign();
    }
    return v;
  }

  private assign(): bigint {
    const t = this.peek();
    const n = this.toks[this.i + 1]?.tok;
    if (t.t === 'name' && n && n.t === 'op' && /^(=|\+=|-=|\*=|\/=|%=|<<=|>>=|&=|\^=|\|=)$/.test(n.v)) {
      this.i += 2;
      const rhs = this.assign();
      if (n.v === '=') return this.setVar(t.v, rhs);
      const cur = this.getVar(t.v);
      return this.setVar(t.v, this.binary(n.v.slice(0, -1), cur, rhs));
    }
    return this.ternary();
  }

  private ternary(): bigint {
    const c = this.logOr();
    if (!this.isOp('?')) return c;
    this.take();
    if (c === 0n) this.skip++;
    const a = this.assign();
    if (c === 0n) this.skip--;
    if (!this.isOp(':')) this.syntax('expecting EOF');
    this.take();
    if (c !== 0n) this.skip++;
    const b = this.assign();
    if (c !== 0n) this.skip--;
    return c !== 0n ? a : b;
  }

  private logOr(): bigint {
    let v = this.logAnd();
    while (this.isOp('||')) {
      this.take();
      if (v !== 0n) this.skip++;
      const r = this.logAnd();
      if (v !== 0n) this.skip--;
      v = v !== 0n || r !== 0n ? 1n : 0n;
    }
    return v;
  }

  private logAnd(): bigint {
    let v = this.bitOr();
    while (this.isOp('&&')) {
      this.take();
      if (v === 0n) this.skip++;
      const r = this.bitOr();
      if (v === 0n) this.skip--;
      v = v !== 0n && r !== 0n ? 1n : 0n;
    }
    return v;
  }

  private level(ops: string[], next: () => bigint): bigint {
    let v = next();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && ops.includes(t.v)) {
        this.take();
        const r = next();
        v = this.binary(t.v, v, r);
      } else return v;
    }
  }

  private bitOr = (): bigint => this.level(['|'], this.bitXor);
  private bitXor = (): bigint => this.level(['^'], this.bitAnd);
  private bitAnd = (): bigint => this.level(['&'], this.equality);
  private equality = (): bigint => this.level(['==', '!='], this.relational);
  private relational = (): bigint => this.level(['<', '>', '<=', '>='], this.shift);
  private shift = (): bigint => this.level(['<<', '>>'], this.additive);
  private additive = (): bigint => this.level(['+', '-'], this.multiplicative);
  private multiplicative = (): bigint => this.level(['*', '/', '%'], this.power);

  private power = (): bigint => {
    const base = this.unary();
    if (this.isOp('**')) {
      this.take();
      const exp = this.power();
      return this.binary('**', base, exp);
    }
    return base;
  };

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
        if (b === 0n) {
          if (this.skip) return 0n;
          this.divZero();
        }
        return wrap(a / b);
      case '%':
        if (b === 0n) {
          if (this.skip) return 0n;
          this.divZero();
        }
        return wrap(a % b);
      case '**':
        if (b < 0n) {
          if (this.flavor === 'bash') throw new ArithError('exponent less than 0');
          return 0n;
        }
        return wrap(a ** b);
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return wrap(a >> (b & 63n));
      case '<':
        return a < b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '&':
        return a & b;
      case '^':
        return a ^ b;
      case '|':
        return a | b;
    }
    return 0n;
  }

  private unary(): bigint {
    const t = this.peek();
    if (t.t === 'op') {
      switch (t.v) {
        case '-':
          this.take();
          return wrap(-this.unary());
        case '+':
          this.take();
          return this.unary();
        case '!':
          this.take();
          return this.unary() === 0n ? 1n : 0n;
        case '~':
          this.take();
          return ~this.unary();
        case '++':
        case '--': {
          this.take();
          const n = this.peek();
          if (n.t !== 'name') this.syntax('expecting primary');
          this.take();
          const v = this.getVar(n.v) + (t.v === '++' ? 1n : -1n);
          return this.setVar(n.v, wrap(v));
        }
      }
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.peek();
    if (t.t === 'name') {
      this.take();
      if (this.isOp('++') || this.isOp('--')) {
        const op = (this.take() as { v: string }).v;
        const v = this.getVar(t.v);
        this.setVar(t.v, wrap(v + (op === '++' ? 1n : -1n)));
        return v;
      }
      this.lastOperand = t.v;
      return this.getVar(t.v);
    }
    if (t.t === 'num') {
      this.lastOperand = String(t.v);
      this.take();
      return t.v;
    }
    if (t.t === 'op' && t.v === '(') {
      this.take();
      const v = this.comma();
      if (!this.isOp(')')) this.syntax('expecting EOF');
      this.take();
      return v;
    }
    this.syntax('expecting primary');
  }
}
