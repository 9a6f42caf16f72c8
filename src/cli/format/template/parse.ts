/**
 * Parser of Go's text/template: the parse tree and Go's parse-error texts
 * (`template: <name>:<line>: <message>`).
 */
import { goQuote } from '../../../units/go-quote';
import { I, itemString, lex, type Item } from './lex';

export type Node =
  | TextNode
  | ActionNode
  | IfNode
  | RangeNode
  | WithNode
  | ListNode
  | TemplateNode
  | BreakNode
  | ContinueNode
  | CommentNode
  | PipeNode
  | CommandNode
  | FieldNode
  | ChainNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode;

export interface TextNode { type: 'text'; pos: number; text: string }
export interface ActionNode { type: 'action'; pos: number; line: number; pipe: PipeNode }
export interface BranchNode { pos: number; line: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null }
export interface IfNode extends BranchNode { type: 'if' }
export interface RangeNode extends BranchNode { type: 'range' }
export interface WithNode extends BranchNode { type: 'with' }
export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface TemplateNode { type: 'template'; pos: number; line: number; name: string; pipe: PipeNode | null }
export interface BreakNode { type: 'break'; pos: number; line: number }
export interface ContinueNode { type: 'continue'; pos: number; line: number }
export interface CommentNode { type: 'comment'; pos: number; text: string }
export interface PipeNode { type: 'pipe'; pos: number; line: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: 'command'; pos: number; args: Node[] }
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface ChainNode { type: 'chain'; pos: number; node: Node; field: string[] }
export interface IdentifierNode { type: 'identifier'; pos: number; ident: string }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface DotNode { type: 'dot'; pos: number }
export interface NilNode { type: 'nil'; pos: number }
export interface BoolNode { type: 'bool'; pos: number; value: boolean }
export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int: bigint;
  uint: bigint;
  float: number;
}
export interface StringNode { type: 'string'; pos: number; quoted: string; text: string }
export interface EndNode { type: 'end'; pos: number }
export interface ElseNode { type: 'else'; pos: number; line: number }

/** node.String() as Go writes nodes in error messages. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text':
      return n.text;
    case 'action':
      return '{{' + nodeString(n.pipe) + '}}';
    case 'if':
    case 'range':
    case 'with':
      return (
        `{{${n.type} ${nodeString(n.pipe)}}}` +
        nodeString(n.list) +
        (n.elseList ? '{{else}}' + nodeString(n.elseList) : '') +
        '{{end}}'
      );
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'template':
      return `{{template ${goQuote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'comment':
      return '{{' + n.text + '}}';
    case 'pipe': {
      let s = '';
      if (n.decl.length > 0) s = n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ');
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? '(' + nodeString(a) + ')' : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((i) => '.' + i).join('');
    case 'chain':
      return (n.node.type === 'pipe' ? '(' + nodeString(n.node) + ')' : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
  }
}

export class TemplateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

/** strconv.Unquote for Go string literals ("…" with escapes, `…` raw). */
export function unquote(s: string): string {
  if (s.length < 2) throw new Error('invalid syntax');
  const q = s[0];
  if (q === '`') {
    if (s[s.length - 1] !== '`') throw new Error('invalid syntax');
    return s.slice(1, -1).replace(/\r/g, '');
  }
  if (q !== '"' && q !== "'") throw new Error('invalid syntax');
  if (s[s.length - 1] !== q) throw new Error('invalid syntax');
  const body = s.slice(1, -1);
  let out = '';
  let i = 0;
  while (i < body.length) {
    const [ch, n] = unquoteChar(body, i, q);
    out += ch;
    i = n;
  }
  if (q === "'" && Array.from(out).length !== 1) throw new Error('invalid syntax');
  return out;
}

/** strconv.UnquoteChar: one (possibly escaped) character at body[i]; returns it and the next index. */
export function unquoteChar(body: string, i: number, quote: string): [string, number] {
  const c = body[i]!;
  if (c === quote && (quote === "'" || quote === '"')) throw new Error('invalid syntax');
  if (c !== '\\') {
    const cp = body.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    return [ch, i + ch.length];
  }
  const e = body[i + 1];
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  if (e === undefined) throw new Error('invalid syntax');
  if (e in simple) return [simple[e]!, i + 2];
  if (e === "'" || e === '"') {
    if (e !== quote) throw new Error('invalid syntax');
    return [e, i + 2];
  }
  const hexLen: Record<string, number> = { x: 2, u: 4, U: 8 };
  if (e in hexLen) {
    const h = body.slice(i + 2, i + 2 + hexLen[e]!);
    if (h.length !== hexLen[e] || !/^[0-9a-fA-F]+$/.test(h)) throw new Error('invalid syntax');
    const v = parseInt(h, 16);
    if (e === 'x') {
      // a byte; in a JS string treat bytes >= 0x80 as Latin-1 code points
      return [String.fromCharCode(v), i + 4];
    }
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new Error('invalid syntax');
    return [String.fromCodePoint(v), i + 2 + hexLen[e]!];
  }
  if (e >= '0' && e <= '7') {
    const o = body.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(o)) throw new Error('invalid syntax');
    const v = parseInt(o, 8);
    if (v > 255) throw new Error('invalid syntax');
    return [String.fromCharCode(v), i + 4];
  }
  throw new Error('invalid syntax');
}

function parseGoInt(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  let digits = s;
  if (/^0[xX]/.test(s)) {
    base = 16;
    digits = s.slice(2);
  } else if (/^0[bB]/.test(s)) {
    base = 2;
    digits = s.slice(2);
  } else if (/^0[oO]/.test(s)) {
    base = 8;
    digits = s.slice(2);
  } else if (/^0\d/.test(s) || s === '0') {
    base = 8;
    digits = s.slice(1) || '0';
  }
  if (digits.includes('_')) {
    if (base === 10 && !/^\d+(_\d+)*$/.test(digits)) return undefined;
    if (digits.startsWith('_') && base === 10) return undefined;
    digits = digits.replace(/^_/, '');
    if (/__|_$/.test(digits)) return undefined;
    digits = digits.replace(/_/g, '');
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-fA-F]+$/ }[base as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return undefined;
  let v = 0n;
  for (const d of digits.toLowerCase()) v = v * BigInt(base) + BigInt(parseInt(d, 16));
  return neg ? -v : v;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

function parseGoFloatLiteral(text: string): number | undefined {
  const t = text.replace(/_/g, '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(t);
  if (hex && (hex[2] || hex[3])) {
    const mant = parseInt((hex[2] || '0') + (hex[3] || ''), 16);
    const v = mant * 2 ** (Number(hex[4]) - 4 * (hex[3] ?? '').length);
    return hex[1] === '-' ? -v : v;
  }
  return undefined;
}

export function newNumber(pos: number, text: string, typ: I): NumberNode {
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, int: 0n, uint: 0n, float: 0 };
  if (typ === I.CharConstant) {
    const body = text.slice(1);
    const [ch, next] = unquoteChar(body, 0, "'");
    if (body.slice(next) !== "'") throw new Error(`malformed character constant: ${text}`);
    const cp = BigInt(ch.codePointAt(0)!);
    Object.assign(n, { isInt: true, isUint: true, isFloat: true, int: cp, uint: cp, float: Number(cp) });
    return n;
  }
  if (typ === I.Complex || text.endsWith('i')) throw new Error(`complex numbers are not supported: ${goQuote(text)}`);
  const i = parseGoInt(text);
  if (i !== undefined) {
    if (i >= 0n && i <= UINT64_MAX) {
      n.isUint = true;
      n.uint = i;
    }
    if (i >= INT64_MIN && i <= INT64_MAX) {
      n.isInt = true;
      n.int = i;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float = Number(n.int);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float = Number(n.uint);
  } else {
    const f = parseGoFloatLiteral(text);
    if (f !== undefined && Number.isFinite(f)) {
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${goQuote(text)}`);
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && f >= -9223372036854775808 && f < 9223372036854775808) {
        n.isInt = true;
        n.int = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 18446744073709551616) {
        n.isUint = true;
        n.uint = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${goQuote(text)}`);
  return n;
}

export interface ParseOptions {
  /** Template name used in messages (the docker CLI uses ""). */
  name?: string;
  /** Names of functions that may be called (builtins plus registered ones). */
  hasFunction: (name: string) => boolean;
}

/** A parsed template: the main tree plus any {{define}}d ones. */
export interface ParsedTemplate {
  name: string;
  text: string;
  root: ListNode;
  defined: Map<string, ListNode>;
}

const isEmptyTree = (n: Node | null): boolean => {
  if (!n) return true;
  if (n.type === 'comment') return true;
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  if (n.type === 'text') return n.text.trim() === '';
  return false;
};

/** Parse `text` as Go's template.New(name).Funcs(...).Parse(text) does. */
export function parseTemplate(text: string, opts: ParseOptions): ParsedTemplate {
  const name = opts.name ?? '';
  const items = lex(text);
  let ip = 0;
  const token: Item[] = [];
  let peekCount = 0;
  let vars: string[] = ['$'];
  let actionLine = 0;
  let rangeDepth = 0;
  const defined = new Map<string, ListNode>();

  const nextItem = (): Item => items[Math.min(ip++, items.length - 1)]!;
  const next = (): Item => {
    if (peekCount > 0) peekCount--;
    else token[0] = nextItem();
    return token[peekCount]!;
  };
  const backup = () => {
    peekCount++;
  };
  const backup2 = (t1: Item) => {
    token[1] = t1;
    peekCount = 2;
  };
  const backup3 = (t2: Item, t1: Item) => {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  };
  const peek = (): Item => {
    if (peekCount > 0) return token[peekCount - 1]!;
    peekCount = 1;
    token[0] = nextItem();
    return token[0];
  };
  const nextNonSpace = (): Item => {
    let t: Item;
    do t = next();
    while (t.typ === I.Space);
    return t;
  };
  const peekNonSpace = (): Item => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  const errorf = (msg: string): never => {
    throw new TemplateParseError(`template: ${name}:${token[0]!.line}: ${msg}`);
  };
  const unexpected = (t: Item, context: string): never => {
    if (t.typ === I.Error) {
      let extra = '';
      if (actionLine !== 0 && actionLine !== t.line) {
        extra = ` in action started at ${name}:${actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      errorf(`${itemString(t)}${extra}`);
    }
    return errorf(`unexpected ${itemString(t)} in ${context}`);
  };
  const expect = (typ: I, context: string): Item => {
    const t = nextNonSpace();
    if (t.typ !== typ) unexpected(t, context);
    return t;
  };

  const newList = (pos: number): ListNode => ({ type: 'list', pos, nodes: [] });

  const itemList = (): [ListNode, Node] => {
    const list = newList(peekNonSpace().pos);
    while (peekNonSpace().typ !== I.EOF) {
      const n = textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    return errorf('unexpected EOF');
  };

  const textOrAction = (): Node => {
    const t = nextNonSpace();
    switch (t.typ) {
      case I.Text:
        return { type: 'text', pos: t.pos, text: t.val };
      case I.LeftDelim: {
        actionLine = t.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
      default:
        return unexpected(t, 'input');
    }
  };

  const action = (): Node => {
    const t = nextNonSpace();
    switch (t.typ) {
      case I.Block:
        return blockControl();
      case I.Break:
        return breakControl(t.pos, t.line, 'break');
      case I.Continue:
        return breakControl(t.pos, t.line, 'continue');
      case I.Else:
        return elseControl();
      case I.End:
        return { type: 'end', pos: expect(I.RightDelim, 'end').pos };
      case I.If:
        return branch('if', true);
      case I.Range:
        return branch('range', false);
      case I.Template:
        return templateControl();
      case I.With:
        return branch('with', true);
    }
    backup();
    const tk = peek();
    return { type: 'action', pos: tk.pos, line: tk.line, pipe: pipeline('command', I.RightDelim) };
  };

  const breakControl = (pos: number, line: number, kind: 'break' | 'continue'): Node => {
    const t = nextNonSpace();
    if (t.typ !== I.RightDelim) unexpected(t, `{{${kind}}}`);
    if (rangeDepth === 0) errorf(`{{${kind}}} outside {{range}}`);
    return { type: kind, pos, line };
  };

  const pipeline = (context: string, end: I): PipeNode => {
    const tk = peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: tk.pos, line: tk.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = peekNonSpace();
      if (v.typ === I.Variable) {
        next();
        const tokenAfterVariable = peek();
        const nx = peekNonSpace();
        if (nx.typ === I.Assign || nx.typ === I.Declare) {
          pipe.isAssign = nx.typ === I.Assign;
          nextNonSpace();
          pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
          vars.push(v.val);
        } else if (nx.typ === I.Char && nx.val === ',') {
          nextNonSpace();
          pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
          vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const p = peekNonSpace().typ;
            if (p === I.Variable || p === I.RightDelim || p === I.RightParen) continue decls;
            errorf('range can only initialize variables');
          }
          errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === I.Space) {
          backup3(v, tokenAfterVariable);
        } else {
          backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.typ === end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case I.Bool:
        case I.CharConstant:
        case I.Complex:
        case I.Dot:
        case I.Field:
        case I.Identifier:
        case I.Number:
        case I.Nil:
        case I.RawString:
        case I.String:
        case I.Variable:
        case I.LeftParen:
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  };

  const checkPipeline = (pipe: PipeNode, context: string) => {
    if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]!.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  };

  const branch = (kind: 'if' | 'range' | 'with', allowElseChain: boolean): Node => {
    const saved = vars.length;
    try {
      const pipe = pipeline(kind, I.RightDelim);
      if (kind === 'range') rangeDepth++;
      let [list, nx] = itemList();
      if (kind === 'range') rangeDepth--;
      let elseList: ListNode | null = null;
      if (nx.type === 'else') {
        const p = peek();
        if (allowElseChain && ((kind === 'if' && p.typ === I.If) || (kind === 'with' && p.typ === I.With))) {
          next();
          elseList = newList(nx.pos);
          elseList.nodes.push(branch(kind, true));
        } else {
          [elseList, nx] = itemList();
          if (nx.type !== 'end') errorf(`expected end; found ${nodeString(nx)}`);
        }
      }
      void list;
      return { type: kind, pos: pipe.pos, line: pipe.line, pipe, list, elseList } as Node;
    } finally {
      vars = vars.slice(0, saved);
    }
  };

  const elseControl = (): Node => {
    const p = peekNonSpace();
    if (p.typ === I.If || p.typ === I.With) return { type: 'else', pos: p.pos, line: p.line };
    const t = expect(I.RightDelim, 'else');
    return { type: 'else', pos: t.pos, line: t.line };
  };

  const parseTemplateName = (t: Item, context: string): string => {
    if (t.typ === I.String || t.typ === I.RawString) {
      try {
        return unquote(t.val);
      } catch (e) {
        return errorf((e as Error).message);
      }
    }
    return unexpected(t, context);
  };

  const templateControl = (): Node => {
    const context = 'template clause';
    const t = nextNonSpace();
    const tname = parseTemplateName(t, context);
    let pipe: PipeNode | null = null;
    if (nextNonSpace().typ !== I.RightDelim) {
      backup();
      pipe = pipeline(context, I.RightDelim);
    }
    return { type: 'template', pos: t.pos, line: t.line, name: tname, pipe };
  };

  const blockControl = (): Node => {
    const context = 'block clause';
    const t = nextNonSpace();
    const tname = parseTemplateName(t, context);
    const pipe = pipeline(context, I.RightDelim);
    const savedVars = vars;
    vars = ['$'];
    const [list, end] = itemList();
    vars = savedVars;
    if (end.type !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
    addDefinition(tname, list);
    return { type: 'template', pos: t.pos, line: t.line, name: tname, pipe };
  };

  const addDefinition = (tname: string, list: ListNode) => {
    const existing = defined.get(tname);
    if (existing === undefined || isEmptyTree(existing)) {
      defined.set(tname, list);
      return;
    }
    if (!isEmptyTree(list)) errorf(`template: multiple definition of template ${goQuote(tname)}`);
  };

  const parseDefinition = () => {
    const context = 'define clause';
    const t = nextNonSpace();
    if (t.typ !== I.String && t.typ !== I.RawString) unexpected(t, context);
    let tname: string;
    try {
      tname = unquote(t.val);
    } catch (e) {
      return errorf((e as Error).message);
    }
    expect(I.RightDelim, context);
    const savedVars = vars;
    vars = ['$'];
    const [list, end] = itemList();
    vars = savedVars;
    if (end.type !== 'end') errorf(`unexpected ${nodeString(end)} in ${context}`);
    addDefinition(tname, list);
  };

  const command = (): CommandNode => {
    const cmd: CommandNode = { type: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.typ === I.Space) continue;
      if (t.typ === I.RightDelim || t.typ === I.RightParen) backup();
      else if (t.typ !== I.Pipe) unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  };

  const operand = (): Node | null => {
    let node = term();
    if (!node) return null;
    if (peek().typ === I.Field) {
      const chain: ChainNode = { type: 'chain', pos: peek().pos, node, field: [] };
      while (peek().typ === I.Field) chain.field.push(next().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chain.pos, ident: nodeString(chain).slice(1).split('.') };
          break;
        case 'variable':
          node = { type: 'variable', pos: chain.pos, ident: nodeString(chain).split('.') };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
          break;
        default:
          node = chain;
      }
    }
    return node;
  };

  const term = (): Node | null => {
    const t = nextNonSpace();
    switch (t.typ) {
      case I.Identifier:
        if (!opts.hasFunction(t.val)) errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case I.Dot:
        return { type: 'dot', pos: t.pos };
      case I.Nil:
        return { type: 'nil', pos: t.pos };
      case I.Variable: {
        const ident = t.val.split('.');
        if (!vars.includes(ident[0]!)) errorf(`undefined variable ${goQuote(ident[0]!)}`);
        return { type: 'variable', pos: t.pos, ident };
      }
      case I.Field:
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case I.Bool:
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case I.CharConstant:
      case I.Complex:
      case I.Number:
        try {
          return newNumber(t.pos, t.val, t.typ);
        } catch (e) {
          return errorf((e as Error).message);
        }
      case I.LeftParen:
        return pipeline('parenthesized pipeline', I.RightParen);
      case I.String:
      case I.RawString:
        try {
          return { type: 'string', pos: t.pos, quoted: t.val, text: unquote(t.val) };
        } catch (e) {
          return errorf((e as Error).message);
        }
    }
    backup();
    return null;
  };

  // top level
  const root = newList(peek().pos);
  while (peek().typ !== I.EOF) {
    if (peek().typ === I.LeftDelim) {
      const delim = next();
      if (nextNonSpace().typ === I.Define) {
        parseDefinition();
        continue;
      }
      backup2(delim);
    }
    const n = textOrAction();
    if (n.type === 'end' || n.type === 'else') errorf(`unexpected ${nodeString(n)}`);
    root.nodes.push(n);
  }
  // the main template
  return { name, text, root, defined };
}
