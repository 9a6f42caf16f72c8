/**
 * Executor of Go's text/template over the Value model (value.ts), with Go's execution
 * semantics and error texts: `template: <name>:<line>:<col>: executing "<name>" at <node>: <msg>`.
 */
import { goQuote } from '../../../units/go-quote';
import { sprintValue, formatValue } from './gofmt';
import { nodeString, type Node, type ParsedTemplate, type PipeNode, type CommandNode, type NumberNode } from './parse';
import {
  GoStruct,
  INVALID,
  T,
  elemValue,
  isFloatKind,
  isIntKind,
  isNilValue,
  isUintKind,
  lengthOf,
  mapLookup,
  sliceItems,
  sortedMapEntries,
  valueOf,
  zeroValue,
  type GoMethod,
  type GoType,
  type Value,
} from './value';

/** Marks a parameter that receives the raw Value (Go's reflect.Value parameters). */
export const REFLECT_VALUE: GoType = { kind: 'struct', name: 'reflect.Value' };

/** A function callable from templates. */
export interface GoFunc {
  /** Parameter types (REFLECT_VALUE for raw values; T.iface for interface {}). */
  readonly params: readonly GoType[];
  /** The last parameter is variadic (its type is the element type). */
  readonly variadic?: boolean;
  /** Implementation: receives Values, returns a Value (or a JS value, typed by inference or `result`). Throwing = returning an error. */
  readonly fn: (...args: Value[]) => unknown;
  readonly result?: GoType;
}

export type MissingKey = 'default' | 'zero' | 'error';

export class TemplateExecError extends Error {
  /** What the template wrote before failing (Go's writer keeps it). */
  output = '';
  constructor(message: string) {
    super(message);
    this.name = 'TemplateExecError';
  }
}

class BreakSignal {}
class ContinueSignal {}
const BREAK = new BreakSignal();
const CONTINUE = new ContinueSignal();

const MAX_EXEC_DEPTH = 100000;

function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Value for a JS result, typed by a declared result type when given. */
export function resultValue(x: unknown, result?: GoType): Value {
  if (x !== null && typeof x === 'object' && 'type' in (x as object) && 'v' in (x as object) && !(x instanceof GoStruct)) {
    return x as Value;
  }
  if (result && result.kind !== 'interface') {
    if (x === null || x === undefined) return zeroValue(result);
    if (x instanceof GoStruct) return valueOf(x);
    return { type: result, v: x };
  }
  return valueOf(x);
}

function methodOf(s: GoStruct, name: string): GoFunc | undefined {
  if (!Object.prototype.hasOwnProperty.call(s.methods, name)) return undefined;
  const m = s.methods[name]!;
  if (typeof m === 'function') {
    const params = Array.from({ length: m.length }, () => T.iface);
    return { params, fn: (...args: Value[]) => (m as (...a: unknown[]) => unknown)(...args.map(toJS)), result: undefined };
  }
  const gm = m as GoMethod;
  return {
    params: gm.params ?? [],
    variadic: gm.variadic,
    fn: (...args: Value[]) => gm.fn(...args.map(toJS)),
    result: gm.result,
  };
}

/** The JS value inside a Value (what methods receive). */
export function toJS(v: Value): unknown {
  return v.type ? v.v : undefined;
}

function truth(v: Value): boolean {
  return isTrue(v)[0];
}

/** isTrue: Go's truth of a value (empty, zero, nil are false; structs are true). */
export function isTrue(v: Value): [boolean, boolean] {
  if (!v.type) return [false, true];
  const k = v.type.kind;
  switch (k) {
    case 'slice':
    case 'map':
    case 'string':
      return [lengthOf(v) > 0, true];
    case 'bool':
      return [Boolean(v.v), true];
    case 'ptr':
    case 'interface':
    case 'func':
      return [!isNilValue(v), true];
    case 'struct':
      return [true, true];
  }
  if (isIntKind(k) || isUintKind(k) || isFloatKind(k)) return [Number(v.v) !== 0, true];
  return [false, false];
}

function assignable(v: Value, t: GoType): boolean {
  if (!v.type) return false;
  if (t.kind === 'interface') return true;
  if (v.type.name === t.name) return true;
  // lenient: a []interface {} holding only strings passes for []string (see value.ts)
  if (t.name === '[]string' && v.type.kind === 'slice') {
    return sliceItems(v).every((x) => typeof x === 'string');
  }
  return false;
}

interface Variable {
  name: string;
  value: Value;
}

export interface ExecOptions {
  funcs: ReadonlyMap<string, GoFunc>;
  missingKey?: MissingKey;
}

/** Run a parsed template over `data`; returns the output or throws TemplateExecError. */
export function execute(tmpl: ParsedTemplate, data: Value, opts: ExecOptions): string {
  return new Executor(tmpl, opts).run(data);
}

/**
 * One execution's state (Go's `state`): the output so far, the node being evaluated (for error
 * messages), the variable stack, the template depth. A class rather than closures so that an
 * execution allocates one object, not one function per step kind.
 */
class Executor {
  private out = '';
  private node: Node | null = null;
  private vars: Variable[] = [];
  private depth = 0;
  private tree: Node;
  private readonly missingKey: MissingKey;

  constructor(
    private readonly tmpl: ParsedTemplate,
    private readonly opts: ExecOptions,
  ) {
    this.tree = tmpl.root;
    this.missingKey = opts.missingKey ?? 'default';
  }

  run(data: Value): string {
    this.vars = [{ name: '$', value: data }];
    try {
      this.walk(data, this.tree);
    } catch (e) {
      if (e instanceof TemplateExecError) throw e;
      if (e instanceof RangeError) {
        const err = new TemplateExecError(`template: ${this.tmpl.name}: exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
        err.output = this.out;
        throw err;
      }
      throw e;
    }
    return this.out;
  }

  private at(n: Node): void {
    this.node = n;
  }

  private errorContext(n: Node): string {
    const tmpl = this.tmpl;
    const pos = (n as { pos: number }).pos;
    const before = tmpl.text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const col = nl === -1 ? byteLength(before) : byteLength(before.slice(nl + 1));
    const lineNum = 1 + (before.match(/\n/g)?.length ?? 0);
    return `${tmpl.name}:${lineNum}:${col}`;
  }

  private errorf(msg: string): never {
    const name = this.tmpl.name;
    const node = this.node;
    let full: string;
    if (node === null) full = `template: ${name}: ${msg}`;
    else full = `template: ${this.errorContext(node)}: executing ${goQuote(name)} at <${nodeString(node)}>: ${msg}`;
    const e = new TemplateExecError(full);
    e.output = this.out;
    throw e;
  }

  private mark(): number {
    return this.vars.length;
  }

  private pop(m: number): void {
    this.vars = this.vars.slice(0, m);
  }

  private push(name: string, value: Value): void {
    this.vars.push({ name, value });
  }

  private setVar(name: string, value: Value): void {
    const vars = this.vars;
    for (let i = vars.length - 1; i >= 0; i--) {
      if (vars[i]!.name === name) {
        vars[i] = { name, value };
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: Value): void {
    const vars = this.vars;
    vars[vars.length - n] = { name: vars[vars.length - n]!.name, value };
  }

  private varValue(name: string): Value {
    const vars = this.vars;
    for (let i = vars.length - 1; i >= 0; i--) if (vars[i]!.name === name) return vars[i]!.value;
    return this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ----------------------------------------------------------------------
  private walk(dot: Value, n: Node): void {
    this.at(n);
    switch (n.type) {
      case 'action': {
        if (this.printMethodField(dot, n)) return;
        const val = this.evalPipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) this.printValue(n, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with': {
        const m = this.mark();
        const val = this.evalPipeline(dot, n.pipe);
        const [t, ok] = isTrue(val);
        if (!ok) this.errorf(`if/with can't use ${sprintValue(val)}`);
        if (t) this.walk(n.type === 'with' ? val : dot, n.list);
        else if (n.elseList) this.walk(dot, n.elseList);
        this.pop(m);
        return;
      }
      case 'list':
        for (const c of n.nodes) this.walk(dot, c);
        return;
      case 'range':
        this.walkRange(dot, n);
        return;
      case 'template':
        this.walkTemplate(dot, n);
        return;
      case 'text':
        this.out += n.text;
        return;
      default:
        this.errorf(`unknown node: ${nodeString(n)}`);
    }
  }

  /** One iteration of a range: false when the body ran {{break}}. */
  private rangeIteration(r: Extract<Node, { type: 'range' }>, m2: number, index: Value, elem: Value): boolean {
    if (r.pipe.decl.length > 0) this.setTopVar(1, elem);
    if (r.pipe.decl.length > 1) this.setTopVar(2, index);
    try {
      this.walk(elem, r.list);
    } catch (e) {
      if (e === CONTINUE) return true;
      if (e === BREAK) return false;
      throw e;
    } finally {
      this.pop(m2);
    }
    return true;
  }

  private walkRange(dot: Value, r: Extract<Node, { type: 'range' }>): void {
    this.at(r);
    const m = this.mark();
    let val = this.evalPipeline(dot, r.pipe);
    val = concrete(val);
    if (val.type?.kind === 'interface' && val.v === null) val = INVALID;
    if (val.type?.kind === 'ptr' && val.v === null) val = INVALID;
    const m2 = this.mark();
    let ran = false;
    const k = val.type?.kind;
    if (!val.type) {
      // nil: like an empty map
    } else if (k === 'slice') {
      const items = sliceItems(val);
      for (let i = 0; i < items.length; i++) {
        ran = true;
        if (!this.rangeIteration(r, m2, { type: T.int, v: i }, elemValue(val.type.elem, items[i]))) break;
      }
    } else if (k === 'map') {
      for (const [key, x] of sortedMapEntries(val)) {
        ran = true;
        if (!this.rangeIteration(r, m2, { type: val.type.key ?? T.string, v: key }, elemValue(val.type.elem, x))) break;
      }
    } else if (k && (isIntKind(k) || isUintKind(k))) {
      if (r.pipe.decl.length > 1) this.errorf(`can't use ${sprintValue(val)} to iterate over more than one variable`);
      const n = Number(val.v);
      for (let i = 0; i < n; i++) {
        ran = true;
        if (!this.rangeIteration(r, m2, INVALID, { type: val.type, v: i })) break;
      }
    } else {
      this.errorf(`range can't iterate over ${sprintValue(val)}`);
    }
    if (!ran && r.elseList) this.walk(dot, r.elseList);
    this.pop(m);
  }

  private walkTemplate(dot: Value, t: Extract<Node, { type: 'template' }>): void {
    this.at(t);
    const target = this.tmpl.defined.get(t.name);
    if (!target) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : INVALID;
    const savedVars = this.vars;
    const savedTree = this.tree;
    this.depth++;
    this.vars = [{ name: '$', value: newDot }];
    this.tree = target!;
    try {
      this.walk(newDot, target!);
    } finally {
      this.depth--;
      this.vars = savedVars;
      this.tree = savedTree;
    }
  }

  // ---- evaluation ---------------------------------------------------------------------
  private evalPipeline(dot: Value, pipe: PipeNode | null): Value {
    if (!pipe) return INVALID;
    this.at(pipe);
    let value: Value | undefined; // undefined = missingVal
    for (const cmd of pipe.cmds) {
      value = concrete(this.evalCommand(dot, cmd, value));
      // an interface {} value is replaced by what it holds; a nil one becomes the invalid value
      if (value.type?.kind === 'interface' && (value.v === null || value.v === undefined)) value = INVALID;
    }
    const result = value ?? INVALID;
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, result);
      else this.push(v.ident[0]!, result);
    }
    return result;
  }

  private notAFunction(args: Node[], final: Value | undefined): void {
    if (args.length > 1 || final !== undefined) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Value | undefined): Value {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        this.at(first);
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return { type: T.bool, v: first.value };
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return { type: T.string, v: first.text };
    }
    return this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  private idealConstant(c: NumberNode): Value {
    this.at(c);
    const isHexInt = /^0[xX]/.test(c.text) && !/[pP]/.test(c.text);
    const isRune = c.text[0] === "'";
    if (c.isFloat && !isHexInt && !isRune && /[.eEpP]/.test(c.text)) return { type: T.float64, v: c.float };
    if (c.isInt) return { type: T.int, v: Number(c.int) };
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return INVALID;
  }

  private evalChainNode(dot: Value, chain: Extract<Node, { type: 'chain' }>, args: Node[], final: Value | undefined): Value {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Value, v: Extract<Node, { type: 'variable' }>, args: Node[], final: Value | undefined): Value {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Value, receiver: Value, n: Node, ident: string[], args: Node[], final: Value | undefined): Value {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i]!, n, [], undefined, receiver);
    return this.evalField(dot, ident[ident.length - 1]!, n, args, final, receiver);
  }

  private evalFunction(dot: Value, n: Extract<Node, { type: 'identifier' }>, cmd: Node, args: Node[], final: Value | undefined): Value {
    this.at(n);
    const fn = this.opts.funcs.get(n.ident);
    if (!fn) this.errorf(`${goQuote(n.ident)} is not a defined function`);
    return this.evalCall(dot, fn!, n.ident === 'and' || n.ident === 'or', cmd, n.ident, args, final);
  }

  private evalField(dot: Value, fieldName: string, n: Node, args: Node[], final: Value | undefined, receiver: Value): Value {
    if (!receiver.type) {
      if (this.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return INVALID;
    }
    const typ = staticTypeName(receiver);
    const r = concrete(receiver);
    const k = r.type!.kind;
    if (k === 'interface' && (r.v === null || r.v === undefined)) {
      return this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    }
    if (r.v instanceof GoStruct) {
      const methods = r.v.methods;
      if (Object.prototype.hasOwnProperty.call(methods, fieldName)) {
        const m = methods[fieldName]!;
        // a method without parameters called without arguments (the common {{.Field}} of a
        // formatter context): what evalCall does for it, without building a GoFunc
        if (typeof m === 'function' && m.length === 0 && args.length <= 1 && final === undefined) return this.callNiladic(m as () => unknown, n, fieldName);
      }
      const method = methodOf(r.v, fieldName);
      if (method) return this.evalCall(dot, method, false, n, fieldName, args, final);
      if (!r.v.options.mapKind && Object.prototype.hasOwnProperty.call(r.v.fields, fieldName)) {
        if (args.length > 1 || final !== undefined) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return elemValue(undefined, r.v.fields[fieldName]);
      }
    }
    const hasArgs = args.length > 1 || final !== undefined;
    if (k === 'map' && (r.type!.key?.kind ?? 'string') === 'string') {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const { found, x } = mapLookup(r, fieldName);
      if (!found) {
        if (this.missingKey === 'zero') return zeroValue(r.type!.elem ?? T.iface);
        if (this.missingKey === 'error') this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
        return INVALID;
      }
      return elemValue(r.type!.elem, x);
    }
    if (k === 'ptr' && (r.v === null || r.v === undefined)) {
      this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private validateType(value: Value, typ: GoType | null): Value {
    if (!value.type) {
      if (typ === null) return INVALID;
      if (typ === REFLECT_VALUE) return value;
      if (['slice', 'map', 'ptr', 'interface', 'func'].includes(typ.kind)) return zeroValue(typ);
      this.errorf(`invalid value; expected ${typ.name}`);
    }
    if (typ === null || typ === REFLECT_VALUE) return value;
    const v = concrete(value);
    if (!assignable(v, typ)) this.errorf(`wrong type for value; expected ${typ.name}; got ${v.type!.name}`);
    return v;
  }

  private evalArg(dot: Value, typ: GoType | null, n: Node): Value {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ && (typ === REFLECT_VALUE || ['slice', 'map', 'ptr', 'interface', 'func'].includes(typ.kind))) {
          return typ === REFLECT_VALUE ? INVALID : zeroValue(typ);
        }
        return this.errorf(`cannot assign nil to ${typ ? typ.name : '<nil>'}`);
      case 'field':
        return this.validateType(this.evalFieldChain(dot, dot, n, n.ident, [n], undefined), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, [], undefined), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, [], undefined), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, [], undefined), typ);
    }
    if (typ === null || typ === REFLECT_VALUE || typ.kind === 'interface') return this.evalEmptyInterface(dot, n);
    const k = typ.kind;
    if (k === 'bool') {
      if (n.type === 'bool') return { type: typ, v: n.value };
      return this.errorf(`expected bool; found ${nodeString(n)}`);
    }
    if (isFloatKind(k)) {
      if (n.type === 'number' && n.isFloat) return { type: typ, v: n.float };
      return this.errorf(`expected float; found ${nodeString(n)}`);
    }
    if (isIntKind(k)) {
      if (n.type === 'number' && n.isInt) return { type: typ, v: Number(n.int) };
      return this.errorf(`expected integer; found ${nodeString(n)}`);
    }
    if (isUintKind(k)) {
      if (n.type === 'number' && n.isUint) return { type: typ, v: Number(n.uint) };
      return this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
    }
    if (k === 'string') {
      if (n.type === 'string') return { type: typ, v: n.text };
      return this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ.name}`);
  }

  private evalEmptyInterface(dot: Value, n: Node): Value {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return { type: T.bool, v: n.value };
      case 'dot':
        return dot;
      case 'field':
        return this.evalFieldChain(dot, dot, n, n.ident, [], undefined);
      case 'identifier':
        return this.evalFunction(dot, n, n, [], undefined);
      case 'nil':
        return this.errorf('evalEmptyInterface: nil (can\'t happen)');
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return { type: T.string, v: n.text };
      case 'variable':
        return this.evalVariableNode(dot, n, [], undefined);
      case 'pipe':
        return this.evalPipeline(dot, n);
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private evalCall(dot: Value, fn: GoFunc, isAndOr: boolean, n: Node, name: string, argNodes: Node[], final: Value | undefined): Value {
    const opts = this.opts;
    const args = argNodes.slice(1);
    const params = fn.params;
    const numIn = args.length + (final !== undefined ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = params.length - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${params.length - 1} got ${args.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (name === 'call' && fn === opts.funcs.get('call') && args.length > 0) {
      // Go reports the callee expression when it is not a function
      const callee = this.evalArg(dot, REFLECT_VALUE, args[0]!);
      const c = concrete(callee);
      if (c.type && c.type.kind !== 'func') {
        this.at(n);
        this.errorf(`error calling call: non-function ${nodeString(args[0]!)} of type ${c.type.name}`);
      }
    }
    if (isAndOr) {
      let v: Value = INVALID;
      for (const a of args) {
        v = this.evalArg(dot, REFLECT_VALUE, a);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== undefined) v = final;
      return v;
    }
    const argv: Value[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, params[i]!, args[i]!));
    if (fn.variadic) {
      const t = params[params.length - 1]!;
      for (; i < args.length; i++) argv.push(this.evalArg(dot, t, args[i]!));
    }
    if (final !== undefined) {
      let t = params[params.length - 1]!;
      if (fn.variadic && numIn - 1 < numFixed) t = params[numIn - 1]!;
      argv.push(this.validateType(final, t));
    }
    let result: unknown;
    try {
      result = fn.fn(...argv);
    } catch (e) {
      if (e instanceof TemplateExecError) throw e;
      this.at(n);
      this.errorf(`error calling ${name}: ${(e as Error).message}`);
    }
    return resultValue(result, fn.result);
  }

  /**
   * {{.Name}} where Name is a method without parameters of the GoStruct at dot (every column of
   * a formatter context, so every cell of a table): what the general walk does (evalPipeline →
   * evalField → callNiladic → printValue), without its intermediate Values when the result is a
   * string. False when the action is anything else; the general walk then runs it.
   */
  private printMethodField(dot: Value, n: Extract<Node, { type: 'action' }>): boolean {
    const pipe = n.pipe;
    if (pipe.decl.length !== 0 || pipe.cmds.length !== 1) return false;
    const args = pipe.cmds[0]!.args;
    if (args.length !== 1) return false;
    const field = args[0]!;
    if (field.type !== 'field' || field.ident.length !== 1) return false;
    const s = dot.v;
    if (!dot.type || !(s instanceof GoStruct)) return false;
    const name = field.ident[0]!;
    if (!Object.prototype.hasOwnProperty.call(s.methods, name)) return false;
    const m = s.methods[name];
    if (typeof m !== 'function' || m.length !== 0) return false;
    this.at(field);
    let result: unknown;
    try {
      result = (m as () => unknown)();
    } catch (e) {
      if (e instanceof TemplateExecError) throw e;
      this.at(field);
      this.errorf(`error calling ${name}: ${(e as Error).message}`);
    }
    if (typeof result === 'string') {
      this.at(n);
      this.out += result;
      return true;
    }
    let val = concrete(resultValue(result, undefined));
    if (val.type?.kind === 'interface' && (val.v === null || val.v === undefined)) val = INVALID;
    this.printValue(n, val);
    return true;
  }

  /** evalCall of a method with no parameters and no arguments: its result, or Go's error. */
  private callNiladic(m: () => unknown, n: Node, name: string): Value {
    let result: unknown;
    try {
      result = m();
    } catch (e) {
      if (e instanceof TemplateExecError) throw e;
      this.at(n);
      this.errorf(`error calling ${name}: ${(e as Error).message}`);
    }
    return resultValue(result, undefined);
  }

  private printValue(n: Node, v: Value): void {
    this.at(n);
    if (!v.type) {
      this.out += '<no value>';
      return;
    }
    // a string prints as itself (%v of a string; only GoStructs have String methods)
    if (v.type.kind === 'string' && typeof v.v === 'string') {
      this.out += v.v;
      return;
    }
    if (v.type.kind === 'func') this.errorf(`can't print ${nodeString(n)} of type ${v.type.name}`);
    if (v.type.kind === 'ptr' && v.v instanceof GoStruct) {
      // printableValue dereferences pointers before fmt prints them
      this.out += formatValue({ type: { kind: 'struct', name: v.type.name.replace(/^\*/, '') }, v: v.v }, 'v', { minus: false, plus: false, sharp: false, space: false, zero: false }, 0);
      return;
    }
    this.out += sprintValue(v);
  }
}

function staticTypeName(v: Value): string {
  return v.iface ? 'interface {}' : (v.type?.name ?? '<nil>');
}

function concrete(v: Value): Value {
  if (v.iface) return { type: v.type, v: v.v };
  return v;
}
