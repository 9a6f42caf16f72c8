// Lexer and recursive-descent parser for the shell language: a practical POSIX sh subset plus
// the bash (and busybox ash) extensions learners type. The three flavors differ in a few
// tokens (`&>` is bash/ash only; dash reads it as `&` then `>`), in `$'...'`, in ${x/a/b} and
// ${x:1:2}, and in how syntax errors are worded (see syntax-error.ts).

import type {
  ArithCommand,
  ArithFor,
  CondCommand,
  CondItem,
  Assign,
  Case,
  CaseItem,
  CommandNode,
  For,
  FuncDef,
  Group,
  If,
  List,
  ListItem,
  Loop,
  ParamOp,
  ParamPart,
  Pipeline,
  AndOr,
  Program,
  Redir,
  RedirOp,
  SimpleCommand,
  Subshell,
  Word,
  WordPart,
} from './ast';
import { ParseError, type BadToken, type Flavor, type SyntaxDetail } from './syntax-error';

interface Token {
  kind: 'word' | 'op' | 'newline' | 'eof';
  /** Source offsets. */
  start: number;
  end: number;
  /** Operator text, or the word's source text. */
  value: string;
  word?: Word;
  /** For redirection operators: an explicit fd written before them (2>). */
  ionum?: number;
  line: number;
}

const RESERVED = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for',
  '{', '}', '!',
]);

/** Words that end a compound list. */
const LIST_END = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

const REDIR_OPS = new Set<string>(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);

function operatorsFor(flavor: Flavor): string[] {
  // Longest first.
  const common = ['&&', '||', ';;', '<<-', '<<', '<&', '<>', '>>', '>&', '>|', '|', '&', ';', '(', ')', '<', '>'];
  if (flavor === 'dash') return common;
  // busybox ash has &> but neither <<< nor ;& (its lexer knows only ;;).
  const extra = flavor === 'bash' ? [';;&', '&>>', '<<<', '&>', ';&', '|&'] : ['&>'];
  return [...extra, ...common].sort((a, b) => b.length - a.length);
}

const isMeta = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>' || c === '(' || c === ')';
const isNameStart = (c: string | undefined) => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
export const isName = (s: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

type Mode = 'normal' | 'dq' | 'heredoc' | 'param' | 'param-dq' | 'pat' | 'pat-dq' | 'sub' | 'sub-dq' | 'regex';

export interface ParseOptions {
  flavor: Flavor;
  /**
   * Treat a here-document that reaches end of input without its delimiter as incomplete
   * (for the terminal's "is this input complete?"); otherwise it ends there (bash warns).
   */
  strictHeredoc?: boolean;
  /** Line number of the first line (for nested parses). */
  firstLine?: number;
}

export interface HeredocWarning {
  /** Line the here-document started on. */
  line: number;
  /** Line where input ended. */
  endLine: number;
  delimiter: string;
}

export class Parser {
  private pos = 0;
  private line: number;
  private tok: Token | null = null;
  private pendingHeredocs: { redir: Redir; delim: string; strip: boolean; quoted: boolean; line: number }[] = [];
  private readonly ops: string[];
  readonly flavor: Flavor;
  readonly src: string;
  readonly heredocWarnings: HeredocWarning[] = [];

  constructor(
    src: string,
    private readonly opts: ParseOptions,
  ) {
    this.flavor = opts.flavor;
    // bash reads a -c string as if it ended with a newline: `echo >` complains about `newline`.
    this.src = opts.flavor === 'bash' && !src.endsWith('\n') && !opts.firstLine ? src + '\n' : src;
    this.line = opts.firstLine ?? 1;
    this.ops = operatorsFor(opts.flavor);
  }

  /** Parses the whole input. */
  parseAll(): Program {
    const items: ListItem[] = [];
    for (;;) {
      const next = this.parseNext();
      if (!next) break;
      items.push(...next.items);
    }
    return { type: 'list', items };
  }

  /** Parses the next complete command (one line's worth of list); null at end of input. */
  parseNext(): List | null {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'newline') {
        this.next();
        continue;
      }
      if (t.kind === 'eof') return null;
      break;
    }
    const list = this.parseList('top');
    const t = this.peek();
    if (t.kind === 'newline') this.next();
    else if (t.kind !== 'eof') this.fail(t);
    return list;
  }

  /** Current line (1-based), for callers reporting errors between commands. */
  get currentLine(): number {
    return this.line;
  }

  // ---------------------------------------------------------------- errors

  private lineText(line: number): string {
    const first = this.opts.firstLine ?? 1;
    return this.src.split('\n')[line - first] ?? '';
  }

  private error(detail: SyntaxDetail, line = this.line, incomplete = false): ParseError {
    return new ParseError(detail, line, incomplete, this.lineText(line));
  }

  private badToken(t: Token): BadToken {
    switch (t.kind) {
      case 'eof':
        return { kind: 'eof', text: '' };
      case 'newline':
        return { kind: 'newline', text: '\n' };
      case 'op':
        return { kind: REDIR_OPS.has(t.value) ? 'redir' : 'op', text: t.value };
      case 'word':
        return { kind: this.isReserved(t) ? 'reserved' : 'word', text: t.value };
    }
  }

  private fail(t: Token, expecting?: string): never {
    throw this.error({ kind: 'unexpected', token: this.badToken(t), expecting }, t.line, t.kind === 'eof');
  }

  // ---------------------------------------------------------------- tokens

  private peek(): Token {
    if (!this.tok) this.tok = this.lex();
    return this.tok;
  }

  private next(): Token {
    const t = this.peek();
    this.tok = null;
    this.lastEnd = t.end;
    return t;
  }

  private lastEnd = 0;
  /** Line where the innermost open double quote started. */
  private quoteLine = 1;
  /** Parenthesis depth inside the regular expression of [[ x =~ re ]]. */
  private regexDepth = 0;

  /** True when nothing but blank lines and comments remain. */
  peekEof(): boolean {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'newline') {
        if (this.pendingHeredocs.length) return false;
        this.next();
        continue;
      }
      return t.kind === 'eof';
    }
  }

  private isReserved(t: Token, word?: string): boolean {
    if (t.kind !== 'word' || !t.word) return false;
    const p = t.word.parts;
    if (p.length !== 1 || p[0].type !== 'lit' || p[0].value !== t.value) return false;
    if (word !== undefined) return t.value === word;
    return RESERVED.has(t.value) || (t.value === 'function' && this.flavor !== 'dash');
  }

  private isOp(t: Token, op: string): boolean {
    return t.kind === 'op' && t.value === op && t.ionum === undefined;
  }

  private skipBlanks(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
  }

  private lex(): Token {
    this.skipBlanks();
    const start = this.pos;
    const t = this.lexToken();
    t.start = start;
    t.end = this.pos;
    return t;
  }

  private lexToken(): Token {
    const s = this.src;
    const line = this.line;
    if (this.pos >= s.length) return { kind: 'eof', value: '', line, start: 0, end: 0 };
    const c = s[this.pos];
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocs();
      return { kind: 'newline', value: '\n', line, start: 0, end: 0 };
    }
    const op = this.isProcSubst(this.pos) ? null : this.matchOp();
    if (op) {
      this.pos += op.length;
      return { kind: 'op', value: op, line, start: 0, end: 0 };
    }
    const start = this.pos;
    const word = this.lexWord();
    // An all-digit word right before < or > is the fd of a redirection.
    if (/^\d+$/.test(word.text) && (s[this.pos] === '<' || s[this.pos] === '>')) {
      const rop = this.matchOp();
      if (rop && REDIR_OPS.has(rop) && rop !== '&>' && rop !== '&>>') {
        this.pos += rop.length;
        return { kind: 'op', value: rop, ionum: Number(word.text), line, start: 0, end: 0 };
      }
    }
    return { kind: 'word', value: s.slice(start, this.pos), word, line, start: 0, end: 0 };
  }

  private matchOp(): string | null {
    for (const op of this.ops) if (this.src.startsWith(op, this.pos)) return op;
    return null;
  }

  // ---------------------------------------------------------------- words

  private lexWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    if (this.src[this.pos] === '~') {
      let j = this.pos + 1;
      while (j < this.src.length && !isMeta(this.src[j]) && this.src[j] !== '/' && /[A-Za-z0-9_.-]/.test(this.src[j])) j++;
      if (j >= this.src.length || isMeta(this.src[j]) || this.src[j] === '/') {
        parts.push({ type: 'tilde', user: this.src.slice(this.pos + 1, j) });
        this.pos = j;
      }
    }
    parts.push(...this.lexParts('normal'));
    return { parts: mergeLits(parts), text: this.src.slice(start, this.pos) };
  }

  /** Reads word parts until the mode's terminator (not consumed). */
  private lexParts(mode: Mode): WordPart[] {
    const s = this.src;
    const parts: WordPart[] = [];
    const quotedLit = mode === 'dq' || mode === 'heredoc' || mode.endsWith('-dq');
    const inDq = quotedLit;
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ type: quotedLit ? 'quoted' : 'lit', value: lit });
      lit = '';
    };
    for (;;) {
      if (this.pos >= s.length) {
        if (mode === 'dq') throw this.error({ kind: 'unterminated', what: '"' }, this.quoteLine, true);
        if (mode !== 'normal' && mode !== 'heredoc' && mode !== 'regex')
          throw this.error({ kind: 'unterminated', what: '}' }, this.line, true);
        break;
      }
      const c = s[this.pos];
      if (mode === 'normal' && this.isProcSubst(this.pos)) {
        flush();
        parts.push(this.lexProcSubst());
        continue;
      }
      if (mode === 'normal' && isMeta(c)) break;
      if (mode === 'regex') {
        if (c === '(') this.regexDepth++;
        else if (c === ')') this.regexDepth--;
        if ((c === ' ' || c === '\t' || c === '\n') && this.regexDepth <= 0) break;
      }
      if (mode === 'dq' && c === '"') break;
      if ((mode === 'param' || mode === 'param-dq') && c === '}') break;
      if ((mode === 'pat' || mode === 'pat-dq') && (c === '}' || c === '/')) break;
      if ((mode === 'sub' || mode === 'sub-dq') && (c === '}' || c === ':')) break;
      if (c === '\\') {
        const n = s[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n === undefined) {
          lit += '\\';
          this.pos++;
          continue;
        }
        if (inDq) {
          const special = n === '$' || n === '`' || n === '\\' || (n === '"' && mode !== 'heredoc') || (n === '}' && mode !== 'dq' && mode !== 'heredoc');
          if (special) {
            flush();
            parts.push({ type: 'quoted', value: n });
            this.pos += 2;
            continue;
          }
          lit += '\\';
          this.pos++;
          continue;
        }
        flush();
        parts.push({ type: 'quoted', value: n });
        this.pos += 2;
        continue;
      }
      if (c === "'" && !inDq) {
        flush();
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw this.error({ kind: 'unterminated', what: "'" }, this.line, true);
        const v = s.slice(this.pos + 1, end);
        this.line += countNewlines(v);
        parts.push({ type: 'quoted', value: v });
        this.pos = end + 1;
        continue;
      }
      if (c === '"' && mode !== 'dq' && mode !== 'heredoc') {
        flush();
        this.quoteLine = this.line;
        this.pos++;
        const inner = this.lexParts('dq');
        this.pos++; // closing quote
        parts.push({ type: 'dq', parts: mergeLits(inner) });
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.lexBackquote(inDq));
        continue;
      }
      if (c === '$') {
        const p = this.lexDollar(inDq);
        if (p) {
          flush();
          parts.push(p);
          continue;
        }
        lit += '$';
        this.pos++;
        continue;
      }
      if (c === '\n') this.line++;
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  /** bash's <( and >( start a process substitution. */
  private isProcSubst(i: number): boolean {
    const c = this.src[i];
    return this.flavor === 'bash' && (c === '<' || c === '>') && this.src[i + 1] === '(';
  }

  private lexProcSubst(): WordPart {
    const s = this.src;
    const start = this.pos;
    const dir = s[this.pos] as '<' | '>';
    this.pos += 2;
    const saved = this.tok;
    this.tok = null;
    const program = this.parseList('sub');
    const t = this.peek();
    if (!this.isOp(t, ')')) {
      if (t.kind === 'eof') throw this.error({ kind: 'unterminated', what: ')' }, t.line, true);
      this.fail(t);
    }
    this.tok = saved;
    return { type: 'procsub', dir, program, text: s.slice(start, this.pos) };
  }

  private lexBackquote(inDq: boolean): WordPart {
    const s = this.src;
    const startLine = this.line;
    let i = this.pos + 1;
    let body = '';
    for (;;) {
      if (i >= s.length) throw this.error({ kind: 'unterminated', what: '`' }, startLine, true);
      const c = s[i];
      if (c === '\\' && i + 1 < s.length) {
        const n = s[i + 1];
        if (n === '\\' || n === '`' || n === '$' || (inDq && n === '"')) {
          body += n;
          i += 2;
          continue;
        }
        if (n === '\n') {
          i += 2;
          continue;
        }
        body += c;
        i++;
        continue;
      }
      if (c === '`') break;
      body += c;
      i++;
    }
    const text = s.slice(this.pos, i + 1);
    this.line += countNewlines(s.slice(this.pos, i));
    this.pos = i + 1;
    const sub = new Parser(body, { flavor: this.flavor, firstLine: startLine });
    const program = sub.parseAll();
    return { type: 'cmdsub', program, text };
  }

  private lexDollar(inDq: boolean): WordPart | null {
    const s = this.src;
    const start = this.pos;
    const n = s[this.pos + 1];
    if (n === '(') {
      if (s[this.pos + 2] === '(') {
        const end = this.findArithEnd(this.pos + 3);
        if (end >= 0) {
          const exprText = s.slice(this.pos + 3, end);
          const startLine = this.line;
          this.line += countNewlines(exprText);
          this.pos = end + 2;
          const sub = new Parser(exprText, { flavor: this.flavor, firstLine: startLine });
          const expr: Word = { parts: mergeLits(sub.lexParts('heredoc')), text: exprText };
          return { type: 'arith', expr, text: s.slice(start, this.pos) };
        }
      }
      this.pos += 2;
      const saved = this.tok;
      this.tok = null;
      const program = this.parseList('sub');
      const t = this.peek();
      if (!this.isOp(t, ')')) {
        if (t.kind === 'eof') throw this.error({ kind: 'unterminated', what: ')' }, t.line, true);
        this.fail(t);
      }
      this.tok = saved;
      return { type: 'cmdsub', program, text: s.slice(start, this.pos) };
    }
    if (n === '{') return this.lexBraceParam(inDq);
    if (n === "'" && !inDq && this.flavor !== 'dash') {
      const { value, end } = ansiC(s, this.pos + 2);
      if (end < 0) throw this.error({ kind: 'unterminated', what: "'" }, this.line, true);
      this.line += countNewlines(s.slice(this.pos, end));
      this.pos = end + 1;
      return { type: 'quoted', value };
    }
    if (isNameStart(n)) {
      let j = this.pos + 1;
      while (isNameChar(s[j])) j++;
      const name = s.slice(this.pos + 1, j);
      this.pos = j;
      return { type: 'param', name, text: s.slice(start, j) };
    }
    if (n !== undefined && /[0-9@*#?$!-]/.test(n)) {
      this.pos += 2;
      return { type: 'param', name: n, text: s.slice(start, this.pos) };
    }
    return null;
  }

  /** Index of the first ')' of the closing '))' of $((...)), or -1 when it is not arithmetic. */
  private findArithEnd(i: number): number {
    const s = this.src;
    let depth = 0;
    for (; i < s.length; i++) {
      const c = s[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return s[i + 1] === ')' ? i : -1;
        depth--;
      }
    }
    // Unterminated: report as an unterminated $(.
    throw this.error({ kind: 'unterminated', what: ')' }, this.line + countNewlines(s.slice(this.pos)), true);
  }

  private lexBraceParam(inDq: boolean): WordPart {
    const s = this.src;
    const start = this.pos;
    this.pos += 2;
    const part: ParamPart = { type: 'param', name: '', text: '' };
    const readName = (): string => {
      const c = s[this.pos];
      if (isNameStart(c)) {
        let j = this.pos;
        while (isNameChar(s[j])) j++;
        const name = s.slice(this.pos, j);
        this.pos = j;
        return name;
      }
      if (c !== undefined && /[0-9]/.test(c)) {
        let j = this.pos;
        while (/[0-9]/.test(s[j] ?? '')) j++;
        const name = s.slice(this.pos, j);
        this.pos = j;
        return name;
      }
      if (c !== undefined && /[@*#?$!-]/.test(c)) {
        this.pos++;
        return c;
      }
      return '';
    };
    if (s[this.pos] === '#' && s[this.pos + 1] !== '}' && s[this.pos + 1] !== undefined) {
      const save = this.pos;
      this.pos++;
      const name = readName();
      if (name && s[this.pos] === '}') {
        part.name = name;
        part.length = true;
        this.pos++;
        part.text = s.slice(start, this.pos);
        return part;
      }
      this.pos = save;
    }
    if (this.flavor === 'bash' && s[this.pos] === '!' && (isNameStart(s[this.pos + 1]) || /[0-9]/.test(s[this.pos + 1] ?? '') || (s[this.pos + 1] === '#' && s[this.pos + 2] === '}'))) {
      // ${!x}: indirection; ${!prefix*} / ${!prefix@}: names with a prefix
      this.pos++;
      part.indirect = true;
    }
    part.name = readName();
    if (!part.name) return this.badParam(start);
    if (part.indirect && isName(part.name) && (s[this.pos] === '*' || s[this.pos] === '@') && s[this.pos + 1] === '}') {
      part.indirect = undefined;
      part.names = s[this.pos] as '*' | '@';
      this.pos += 2;
      part.text = s.slice(start, this.pos);
      return part;
    }
    const c = s[this.pos];
    const dq = inDq ? '-dq' : '';
    const word = (mode: string): Word => {
      const st = this.pos;
      const parts = this.lexParts((mode + dq) as Mode);
      return { parts: mergeLits(parts), text: s.slice(st, this.pos) };
    };
    if (c === '}') {
      this.pos++;
    } else if (c === undefined) {
      throw this.error({ kind: 'unterminated', what: '}' }, this.line, true);
    } else {
      let op: ParamOp | undefined;
      if (c === ':' && '-=?+'.includes(s[this.pos + 1] ?? 'x')) {
        part.colon = true;
        op = s[this.pos + 1] as ParamOp;
        this.pos += 2;
      } else if ('-=?+'.includes(c)) {
        op = c as ParamOp;
        this.pos++;
      } else if (c === '#' || c === '%') {
        op = (s[this.pos + 1] === c ? c + c : c) as ParamOp;
        this.pos += op.length;
      } else if (c === ':' && this.flavor !== 'dash') {
        op = ':';
        this.pos++;
      } else if (c === '/' && this.flavor !== 'dash') {
        const n = s[this.pos + 1];
        op = n === '/' || n === '#' || n === '%' ? (('/' + n) as ParamOp) : '/';
        this.pos += op.length;
      } else if ((c === '^' || c === ',') && this.flavor === 'bash') {
        op = (s[this.pos + 1] === c ? c + c : c) as ParamOp;
        this.pos += op.length;
      } else {
        return this.badParam(start);
      }
      part.op = op;
      if (op === ':') {
        part.arg = word('sub');
        if (s[this.pos] === ':') {
          this.pos++;
          part.arg2 = word('sub');
        }
      } else if (op.startsWith('/')) {
        part.arg = word('pat');
        if (s[this.pos] === '/') {
          this.pos++;
          part.arg2 = word('param');
        }
      } else {
        part.arg = word('param');
      }
      if (s[this.pos] !== '}') {
        if (this.pos >= s.length) throw this.error({ kind: 'unterminated', what: '}' }, this.line, true);
        return this.badParam(start);
      }
      this.pos++;
    }
    part.text = s.slice(start, this.pos);
    return part;
  }

  private badParam(start: number): WordPart {
    const s = this.src;
    let depth = 0;
    let j = start + 2;
    for (; j < s.length; j++) {
      if (s[j] === '{') depth++;
      else if (s[j] === '}') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (j >= s.length) throw this.error({ kind: 'unterminated', what: '}' }, this.line, true);
    const text = s.slice(start, j + 1);
    if (this.flavor !== 'bash') throw this.error({ kind: 'badsub', text });
    this.pos = j + 1;
    return { type: 'param', name: '', text, bad: true };
  }

  // ---------------------------------------------------------------- heredocs

  private readHeredocs(): void {
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    const s = this.src;
    for (const h of pending) {
      let body = '';
      let found = false;
      while (this.pos < s.length) {
        let end = s.indexOf('\n', this.pos);
        const hasNl = end >= 0;
        if (!hasNl) end = s.length;
        let lineStr = s.slice(this.pos, end);
        if (h.strip) lineStr = lineStr.replace(/^\t+/, '');
        this.pos = hasNl ? end + 1 : end;
        this.line++;
        if (lineStr === h.delim) {
          found = true;
          break;
        }
        body += lineStr + '\n';
      }
      if (!found) {
        if (this.opts.strictHeredoc) throw this.error({ kind: 'unexpected', token: { kind: 'eof', text: '' } }, this.line, true);
        this.heredocWarnings.push({ line: h.line, endLine: this.line, delimiter: h.delim });
      }
      let word: Word;
      if (h.quoted) {
        word = { parts: body ? [{ type: 'quoted', value: body }] : [], text: body };
      } else {
        const sub = new Parser(body, { flavor: this.flavor, firstLine: h.line + 1 });
        word = { parts: mergeLits(sub.lexParts('heredoc')), text: body };
      }
      h.redir.heredoc = { body: word, quoted: h.quoted };
    }
  }

  // ---------------------------------------------------------------- grammar

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  private atListEnd(ctx: 'top' | 'compound' | 'sub'): boolean {
    const t = this.peek();
    if (t.kind === 'eof') return true;
    if (ctx === 'top') return t.kind === 'newline';
    if (t.kind === 'op') return t.value === ')' || t.value === ';;' || t.value === ';&' || t.value === ';;&';
    return t.kind === 'word' && this.isReserved(t) && LIST_END.has(t.value);
  }

  /**
   * A list of and-or items. 'top': up to a newline; 'compound': a compound list (may span
   * lines, must not be empty); 'sub': the body of $(...) (may be empty).
   */
  private parseList(ctx: 'top' | 'compound' | 'sub', allowEmpty = ctx === 'sub', closer?: string): List {
    const items: ListItem[] = [];
    for (;;) {
      if (ctx !== 'top') this.skipNewlines();
      if (this.atListEnd(ctx)) break;
      const node = this.parseAndOr();
      const t = this.peek();
      if (this.isOp(t, ';') || this.isOp(t, '&')) {
        this.next();
        items.push({ node, background: t.value === '&' });
        continue;
      }
      items.push({ node, background: false });
      if (t.kind === 'newline' && ctx !== 'top') continue;
      break;
    }
    if (items.length === 0 && !allowEmpty) {
      // dash and ash name the keyword they wanted when the input ends there.
      const t = this.peek();
      this.fail(t, t.kind === 'eof' ? closer : undefined);
    }
    return { type: 'list', items };
  }

  private parseAndOr(): AndOr {
    const startPos = this.peek().start;
    const first = this.parsePipeline();
    const node: AndOr = { type: 'andor', first, rest: [], line: first.line, text: '' };
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '&&') || this.isOp(t, '||')) {
        this.next();
        this.skipNewlines();
        node.rest.push({ op: t.value as '&&' | '||', pipeline: this.parsePipeline() });
      } else break;
    }
    node.text = this.src.slice(startPos, this.lastEnd);
    return node;
  }

  private parsePipeline(): Pipeline {
    let t = this.peek();
    const line = t.line;
    let bang = false;
    let timed = false;
    if (this.flavor === 'bash' && t.kind === 'word' && t.value === 'time' && t.word!.parts.length === 1 && t.word!.parts[0].type === 'lit') {
      this.next();
      timed = true;
      t = this.peek();
    }
    if (this.isReserved(t, '!')) {
      this.next();
      bang = true;
      t = this.peek();
      if (this.isReserved(t, '!') && this.flavor !== 'bash') this.fail(t);
    }
    const commands = [this.parseCommand()];
    const stderrToo: boolean[] = [];
    for (;;) {
      const p = this.peek();
      if (this.isOp(p, '|') || this.isOp(p, '|&')) {
        this.next();
        stderrToo.push(p.value === '|&');
        this.skipNewlines();
        commands.push(this.parseCommand());
      } else break;
    }
    const pipe: Pipeline = { type: 'pipeline', bang, commands, line };
    if (timed) pipe.timed = true;
    if (stderrToo.some(Boolean)) pipe.stderrToo = stderrToo;
    return pipe;
  }

  private parseCommand(): CommandNode {
    const t = this.peek();
    if (t.kind === 'word' && this.isReserved(t)) {
      switch (t.value) {
        case 'if':
          return this.withRedirs(this.parseIf());
        case 'while':
        case 'until':
          return this.withRedirs(this.parseLoop(t.value));
        case 'for':
          return this.withRedirs(this.parseFor());
        case 'case':
          return this.withRedirs(this.parseCase());
        case '{':
          return this.withRedirs(this.parseGroup());
        case 'function':
          return this.parseFunctionKeyword();
        default:
          this.fail(t);
      }
    }
    if (this.isOp(t, '(')) {
      if (this.flavor === 'bash' && this.src[t.start + 1] === '(') {
        const a = this.tryArithCommand(t);
        if (a) return this.withRedirs(a);
      }
      return this.withRedirs(this.parseSubshell());
    }
    if (this.flavor === 'bash' && t.kind === 'word' && t.value === '[[' && t.word!.parts.length === 1 && t.word!.parts[0].type === 'lit') {
      return this.withRedirs(this.parseCond());
    }
    if (t.kind === 'word' || (t.kind === 'op' && REDIR_OPS.has(t.value))) return this.parseSimple();
    this.fail(t);
  }

  /** Index of the first ')' of the '))' closing an arithmetic expression at `i`, or -1. */
  private arithEnd(i: number): number {
    const s = this.src;
    let depth = 0;
    for (; i < s.length; i++) {
      if (s[i] === '(') depth++;
      else if (s[i] === ')') {
        if (depth === 0) return s[i + 1] === ')' ? i : -1;
        depth--;
      }
    }
    return -2;
  }

  private arithWord(text: string, line: number): Word {
    const sub = new Parser(text, { flavor: this.flavor, firstLine: line });
    return { parts: mergeLits(sub.lexParts('heredoc')), text };
  }

  /** (( expr )) as a command; null when the parentheses are nested subshells instead. */
  private tryArithCommand(t: Token): ArithCommand | null {
    const end = this.arithEnd(t.start + 2);
    if (end === -2) throw this.error({ kind: 'unterminated', what: ')' }, this.line + countNewlines(this.src.slice(t.start)), true);
    if (end < 0) return null;
    const text = this.src.slice(t.start + 2, end);
    this.tok = null;
    this.pos = end + 2;
    this.line += countNewlines(text);
    return { type: 'arith', expr: this.arithWord(text, t.line), redirs: [], line: t.line };
  }

  private parseCond(): CondCommand {
    const first = this.next();
    const items: CondItem[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'newline') {
        this.next();
        continue;
      }
      if (t.kind === 'eof') this.fail(t);
      if (t.kind === 'word' && t.value === ']]') {
        this.next();
        break;
      }
      this.next();
      if (t.kind === 'word') items.push({ word: t.word! });
      else items.push({ op: t.value });
      if (t.kind === 'word' && t.value === '=~') {
        // The regular expression is one word in which ( ) | are ordinary characters.
        this.skipBlanks();
        const start = this.pos;
        this.regexDepth = 0;
        const parts = this.lexParts('regex');
        items.push({ word: { parts: mergeLits(parts), text: this.src.slice(start, this.pos) } });
      }
    }
    return { type: 'cond', items, redirs: [], line: first.line };
  }

  private withRedirs<T extends { redirs: Redir[] }>(node: T): T {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && REDIR_OPS.has(t.value)) node.redirs.push(this.parseRedir());
      else break;
    }
    return node;
  }

  private expectWord(word: string): Token {
    const t = this.peek();
    if (!this.isReserved(t, word)) this.fail(t, word);
    return this.next();
  }

  private parseIf(): If {
    const line = this.next().line;
    const node: If = { type: 'if', clauses: [], redirs: [], line };
    const cond = this.parseList('compound', false, 'then');
    this.expectWord('then');
    node.clauses.push({ cond, body: this.parseList('compound', false, 'fi') });
    for (;;) {
      const t = this.peek();
      if (this.isReserved(t, 'elif')) {
        this.next();
        const c = this.parseList('compound', false, 'then');
        this.expectWord('then');
        node.clauses.push({ cond: c, body: this.parseList('compound', false, 'fi') });
      } else if (this.isReserved(t, 'else')) {
        this.next();
        node.else = this.parseList('compound', false, 'fi');
        break;
      } else break;
    }
    this.expectWord('fi');
    return node;
  }

  private parseLoop(kind: 'while' | 'until'): Loop {
    const line = this.next().line;
    const cond = this.parseList('compound', false, 'do');
    this.expectWord('do');
    const body = this.parseList('compound', false, 'done');
    this.expectWord('done');
    return { type: kind, cond, body, redirs: [], line };
  }

  private parseFor(): For | ArithFor {
    const line = this.next().line;
    if (this.flavor === 'bash') {
      this.skipBlanks();
      if (this.src.startsWith('((', this.pos)) return this.parseArithFor(line);
    }
    const nameTok = this.peek();
    if (nameTok.kind !== 'word') this.fail(nameTok);
    this.next();
    if (!isName(nameTok.value) && this.flavor !== 'bash') throw this.error({ kind: 'badfor', name: nameTok.value }, nameTok.line);
    let words: Word[] | null = null;
    this.skipNewlines();
    let t = this.peek();
    if (this.isReserved(t, 'in') || (t.kind === 'word' && t.value === 'in' && t.word!.parts.length === 1 && t.word!.parts[0].type === 'lit')) {
      this.next();
      words = [];
      for (;;) {
        t = this.peek();
        if (t.kind === 'word') {
          words.push(this.next().word!);
        } else break;
      }
      if (this.isOp(t, ';') || t.kind === 'newline') this.next();
      else this.fail(t, 'do');
      this.skipNewlines();
    } else if (this.isOp(t, ';')) {
      this.next();
      this.skipNewlines();
    }
    this.expectWord('do');
    const body = this.parseList('compound', false, 'done');
    this.expectWord('done');
    return { type: 'for', name: nameTok.value, words, body, redirs: [], line };
  }

  private parseArithFor(line: number): ArithFor {
    const start = this.pos + 2;
    const end = this.arithEnd(start);
    if (end === -2) throw this.error({ kind: 'unterminated', what: ')' }, this.line, true);
    if (end < 0) this.fail(this.peek());
    const text = this.src.slice(start, end);
    const parts = text.split(';');
    if (parts.length !== 3) {
      this.pos = start;
      throw this.error({ kind: 'unexpected', token: { kind: 'op', text: '((' } }, this.line);
    }
    this.pos = end + 2;
    this.line += countNewlines(text);
    const t = this.peek();
    if (this.isOp(t, ';')) this.next();
    this.skipNewlines();
    this.expectWord('do');
    const body = this.parseList('compound', false, 'done');
    this.expectWord('done');
    const [init, cond, step] = parts.map((p) => this.arithWord(p, line));
    return { type: 'afor', init, cond, step, body, redirs: [], line };
  }

  private parseCase(): Case {
    const line = this.next().line;
    const wt = this.peek();
    if (wt.kind !== 'word') this.fail(wt);
    this.next();
    this.skipNewlines();
    const inTok = this.peek();
    if (!(inTok.kind === 'word' && inTok.value === 'in')) this.fail(inTok, 'in');
    this.next();
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.peek();
      if (this.isReserved(t, 'esac')) {
        this.next();
        break;
      }
      if (this.isOp(t, '(')) {
        this.next();
        t = this.peek();
      }
      const patterns: Word[] = [];
      for (;;) {
        t = this.peek();
        if (t.kind !== 'word') this.fail(t, ')');
        patterns.push(this.next().word!);
        t = this.peek();
        if (this.isOp(t, '|')) {
          this.next();
          continue;
        }
        break;
      }
      if (!this.isOp(t, ')')) this.fail(t, ')');
      this.next();
      const body = this.parseList('compound', true);
      t = this.peek();
      if (this.isOp(t, ';;') || this.isOp(t, ';&') || this.isOp(t, ';;&')) {
        this.next();
        items.push({ patterns, body: body.items.length ? body : null, term: t.value as CaseItem['term'] });
        continue;
      }
      if (this.isReserved(t, 'esac')) {
        this.next();
        items.push({ patterns, body: body.items.length ? body : null, term: ';;' });
        break;
      }
      this.fail(t, 'esac');
    }
    return { type: 'case', word: wt.word!, items, redirs: [], line };
  }

  private parseGroup(): Group {
    const line = this.next().line;
    const body = this.parseList('compound', false, '}');
    this.expectWord('}');
    return { type: 'group', body, redirs: [], line };
  }

  private parseSubshell(): Subshell {
    const line = this.next().line;
    const body = this.parseList('compound', false, ')');
    const t = this.peek();
    if (!this.isOp(t, ')')) this.fail(t, ')');
    this.next();
    return { type: 'subshell', body, redirs: [], line };
  }

  private parseFunctionKeyword(): FuncDef {
    const line = this.next().line;
    const nt = this.peek();
    if (nt.kind !== 'word') this.fail(nt);
    this.next();
    let t = this.peek();
    if (this.isOp(t, '(')) {
      this.next();
      t = this.peek();
      if (!this.isOp(t, ')')) this.fail(t, ')');
      this.next();
    }
    return this.parseFunctionBody(nt.value, line);
  }

  private parseFunctionBody(name: string, line: number): FuncDef {
    this.skipNewlines();
    const t = this.peek();
    const compound =
      this.isOp(t, '(') ||
      (this.isReserved(t) && ['if', 'while', 'until', 'for', 'case', '{'].includes(t.value)) ||
      (t.kind === 'word' && t.value === '[[');
    if (!compound && this.flavor === 'bash') this.fail(t);
    const body = this.parseCommand();
    return { type: 'func', name, body, line };
  }

  private parseSimple(): CommandNode {
    const first = this.peek();
    const node: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [], line: first.line };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && REDIR_OPS.has(t.value)) {
        node.redirs.push(this.parseRedir());
        continue;
      }
      if (t.kind !== 'word') break;
      if (node.words.length === 0) {
        const a = asAssignment(t.word!);
        if (a) {
          this.next();
          node.assigns.push(a);
          continue;
        }
      }
      this.next();
      node.words.push(t.word!);
      if (node.words.length === 1 && node.assigns.length === 0 && node.redirs.length === 0) {
        const p = this.peek();
        if (this.isOp(p, '(')) {
          this.next();
          const close = this.peek();
          if (!this.isOp(close, ')')) this.fail(close, ')');
          this.next();
          if (!isName(t.value) && this.flavor !== 'bash') throw this.error({ kind: 'badfunc', name: t.value }, t.line);
          return this.parseFunctionBody(t.value, t.line);
        }
      }
    }
    return node;
  }

  private parseRedir(): Redir {
    const opTok = this.next();
    const op = opTok.value as RedirOp;
    const t = this.peek();
    if (t.kind !== 'word') this.fail(t);
    this.next();
    const redir: Redir = { op, target: t.word! };
    if (opTok.ionum !== undefined) redir.fd = opTok.ionum;
    if (op === '<<' || op === '<<-') {
      const quoted = t.word!.parts.some((p) => p.type !== 'lit');
      this.pendingHeredocs.push({ redir, delim: plainText(t.word!), strip: op === '<<-', quoted, line: t.line });
    }
    return redir;
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (const c of s) if (c === '\n') n++;
  return n;
}

function mergeLits(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && (p.type === 'lit' || p.type === 'quoted') && last.type === p.type) {
      out[out.length - 1] = { type: p.type, value: last.value + p.value };
    } else out.push(p);
  }
  return out;
}

/** The text of a word with quotes removed and no expansions (heredoc delimiters). */
function plainText(w: Word): string {
  const walk = (parts: WordPart[]): string =>
    parts
      .map((p) => {
        switch (p.type) {
          case 'lit':
          case 'quoted':
            return p.value;
          case 'dq':
            return walk(p.parts);
          case 'tilde':
            return '~' + p.user;
          default:
            return p.text;
        }
      })
      .join('');
  return walk(w.parts);
}

function asAssignment(w: Word): Assign | null {
  const first = w.parts[0];
  if (!first || first.type !== 'lit') return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.value);
  if (!m) return null;
  const rest = first.value.slice(m[0].length);
  const parts: WordPart[] = [];
  if (rest.startsWith('~')) {
    const end = rest.search(/[/:]/);
    const user = end < 0 ? rest.slice(1) : rest.slice(1, end);
    const after = end < 0 ? '' : rest.slice(end);
    if (end < 0 && w.parts.length > 1) {
      parts.push({ type: 'lit', value: rest });
    } else {
      parts.push({ type: 'tilde', user });
      if (after) parts.push({ type: 'lit', value: after });
    }
  } else if (rest) parts.push({ type: 'lit', value: rest });
  parts.push(...w.parts.slice(1));
  const value: Word = { parts, text: w.text.slice(m[0].length) };
  return { name: m[1], value, append: m[2] === '+' || undefined };
}

/** Decodes $'...' starting after the opening quote; returns the text and the closing index. */
function ansiC(s: string, i: number): { value: string; end: number } {
  let out = '';
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === "'") return { value: out, end: i };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    if (n !== undefined && simple[n] !== undefined) {
      out += simple[n];
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\x';
    } else if (n !== undefined && /[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i))!;
      out += String.fromCharCode(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else if (n === 'u' || n === 'U') {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 1));
      if (m) {
        out += String.fromCodePoint(parseInt(m[0], 16));
        i += m[0].length;
      } else out += '\\' + n;
    } else if (n === undefined) {
      return { value: out, end: -1 };
    } else out += '\\' + n;
  }
  return { value: out, end: -1 };
}

/** Parses a whole script. Throws ParseError. */
export function parse(src: string, flavor: Flavor = 'bash'): Program {
  return new Parser(src, { flavor }).parseAll();
}

/**
 * For the terminal: is this input a complete command, or does the shell need more lines
 * (unterminated quote, here-document, `if` without `fi`, trailing `|` or `&&`, `\` at the end)?
 * Input with a syntax error counts as complete (running it reports the error).
 */
export function isComplete(src: string, flavor: Flavor = 'bash'): boolean {
  let text = src;
  if (!text.endsWith('\n')) text += '\n';
  // A backslash before the final newline continues the line.
  const m = /(\\+)\n$/.exec(text);
  if (m && m[1].length % 2 === 1) return false;
  try {
    new Parser(text, { flavor, strictHeredoc: true, firstLine: 1 }).parseAll();
    return true;
  } catch (e) {
    if (e instanceof ParseError) return !e.incomplete;
    throw e;
  }
}
