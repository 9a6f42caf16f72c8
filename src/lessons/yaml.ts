// The small part of YAML lesson front matter and step metadata use: block mappings and
// sequences by indentation, flow collections ([a, b], { k: v }), quoted and plain scalars
// (null, booleans and numbers as YAML 1.2's core schema reads them), literal (|) and folded (>)
// block scalars, plain scalars continued on more-indented lines, and # comments. Anchors, tags,
// multiple documents and complex keys are refused with an error naming the line.

export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

export class YamlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'YamlError';
  }
}

interface Line {
  /** 1-based line number in the source */
  no: number;
  indent: number;
  /** the line without its indentation and without a trailing comment */
  text: string;
  /** the raw line (block scalars keep their text as written) */
  raw: string;
}

/** Parses a YAML document of the supported subset. An empty document is null. */
export function parseYaml(source: string): YamlValue {
  const lines: Line[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    if (raw.includes('\t') && /^\s*\t/.test(raw)) throw new YamlError('tabs are not allowed in indentation', i + 1);
    const indent = raw.length - raw.trimStart().length;
    const text = stripComment(raw.slice(indent)).trimEnd();
    lines.push({ no: i + 1, indent, text, raw });
  });
  const p = new Parser(lines);
  p.skipBlank();
  if (p.done()) return null;
  const first = p.peek();
  if (first.text === '---') {
    p.next();
    p.skipBlank();
    if (p.done()) return null;
  }
  const value = p.block(p.peek().indent);
  p.skipBlank();
  if (!p.done()) {
    const l = p.peek();
    if (l.text === '---' || l.text === '...') throw new YamlError('only one document is supported', l.no);
    throw new YamlError(`unexpected indentation`, l.no);
  }
  return value;
}

/** Removes a comment: `#` at the start or after whitespace, outside quotes. */
function stripComment(s: string): string {
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = null;
    } else if (quote === "'") {
      if (ch === "'") {
        if (s[i + 1] === "'") i++;
        else quote = null;
      }
    } else if (ch === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) {
      return s.slice(0, i);
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s[{,:-]/.test(s[i - 1]!))) {
      quote = ch;
    }
  }
  return s;
}

class Parser {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  done(): boolean {
    return this.i >= this.lines.length;
  }

  peek(): Line {
    return this.lines[this.i]!;
  }

  next(): Line {
    return this.lines[this.i++]!;
  }

  skipBlank(): void {
    while (!this.done() && this.peek().text === '') this.i++;
  }

  /** A block node whose lines start at `indent`. */
  block(indent: number): YamlValue {
    this.skipBlank();
    const l = this.peek();
    if (isSeqItem(l.text)) return this.sequence(indent);
    if (findMapColon(l.text) >= 0) return this.mapping(indent);
    // a lone scalar or flow collection
    this.next();
    return this.inlineValue(l.text, l, indent - 1);
  }

  private sequence(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    for (;;) {
      this.skipBlank();
      if (this.done()) break;
      const l = this.peek();
      if (l.indent < indent) break;
      if (l.indent > indent) throw new YamlError('unexpected indentation in a sequence', l.no);
      if (!isSeqItem(l.text)) break;
      this.next();
      const rest = l.text === '-' ? '' : l.text.slice(2).trimStart();
      const itemIndent = l.indent + (l.text.length - rest.length);
      if (rest === '') {
        out.push(this.nested(indent));
      } else if (isSeqItem(rest) || (findMapColon(rest) >= 0 && !startsFlow(rest))) {
        // "- key: value" (or "- - x"): the item is a block node starting on this line
        this.i--;
        this.lines[this.i] = { ...l, indent: itemIndent, text: rest };
        out.push(this.block(itemIndent));
      } else {
        out.push(this.inlineValue(rest, l, indent));
      }
    }
    return out;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const out: { [key: string]: YamlValue } = {};
    for (;;) {
      this.skipBlank();
      if (this.done()) break;
      const l = this.peek();
      if (l.indent < indent) break;
      if (l.indent > indent) throw new YamlError('unexpected indentation in a mapping', l.no);
      if (isSeqItem(l.text)) break;
      const colon = findMapColon(l.text);
      if (colon < 0) throw new YamlError(`expected "key: value", got ${JSON.stringify(l.text)}`, l.no);
      this.next();
      const key = keyOf(l.text.slice(0, colon).trim(), l.no);
      if (Object.prototype.hasOwnProperty.call(out, key)) throw new YamlError(`duplicate key ${JSON.stringify(key)}`, l.no);
      const rest = l.text.slice(colon + 1).trim();
      if (rest === '') {
        // a nested block, or a sequence at the same indentation ("key:\n- a")
        this.skipBlank();
        if (!this.done() && this.peek().indent === indent && isSeqItem(this.peek().text)) out[key] = this.sequence(indent);
        else out[key] = this.nested(indent);
      } else {
        out[key] = this.inlineValue(rest, l, indent);
      }
    }
    return out;
  }

  /** What follows "key:" or "-" on the next, more indented lines; null if nothing. */
  private nested(parentIndent: number): YamlValue {
    this.skipBlank();
    if (this.done() || this.peek().indent <= parentIndent) return null;
    return this.block(this.peek().indent);
  }

  /** A value written after "key:" or "- " on line `l` (may continue on following lines). */
  private inlineValue(text: string, l: Line, parentIndent: number): YamlValue {
    if (text.startsWith('&') || text.startsWith('*') || text.startsWith('!')) throw new YamlError('anchors, aliases and tags are not supported', l.no);
    if (text === '|' || text === '>' || /^[|>][+-]?$/.test(text)) return this.blockScalar(text, parentIndent);
    if (startsFlow(text)) {
      let src = text;
      while (!flowBalanced(src)) {
        if (this.done()) throw new YamlError('unterminated flow collection', l.no);
        src += ' ' + this.next().text.trim();
      }
      const f = new FlowParser(src, l.no);
      const v = f.value();
      f.end();
      return v;
    }
    if (text.startsWith('"') || text.startsWith("'")) {
      let src = text;
      while (!quotedClosed(src)) {
        if (this.done()) throw new YamlError('unterminated quoted string', l.no);
        const n = this.next();
        src += n.text === '' ? '\n' : ' ' + n.raw.trim();
      }
      const f = new FlowParser(src.replace(/ ?\n ?/g, '\n'), l.no);
      const v = f.quoted();
      f.end();
      return v;
    }
    // a plain scalar, possibly continued on more indented lines (folded with spaces)
    let s = text;
    while (!this.done()) {
      const n = this.peek();
      if (n.text === '' || n.indent <= parentIndent) break;
      if (findMapColon(n.text) >= 0 || isSeqItem(n.text)) break;
      s += ' ' + n.text;
      this.next();
    }
    return plainScalar(s, l.no);
  }

  private blockScalar(header: string, parentIndent: number): string {
    const folded = header[0] === '>';
    const chomp = header[1] ?? '';
    const body: string[] = [];
    let indent = -1;
    while (!this.done()) {
      const n = this.peek();
      const blank = n.raw.trim() === '';
      if (!blank && n.indent <= parentIndent) break;
      if (!blank && indent < 0) indent = n.indent;
      if (!blank && n.indent < indent) break;
      this.next();
      body.push(blank ? '' : n.raw.slice(indent));
    }
    let trailing = 0;
    while (body.length > 0 && body[body.length - 1] === '') {
      body.pop();
      trailing++;
    }
    let text: string;
    if (folded) {
      text = '';
      body.forEach((line, k) => {
        if (k === 0) text = line;
        else if (line === '' || line.startsWith(' ')) text += '\n' + line;
        else if (body[k - 1] === '' || body[k - 1]!.startsWith(' ')) text += (body[k - 1] === '' ? '' : '\n') + line;
        else text += ' ' + line;
      });
    } else text = body.join('\n');
    if (body.length === 0) return '';
    if (chomp === '-') return text;
    if (chomp === '+') return text + '\n'.repeat(trailing + 1);
    return text + '\n';
  }
}

function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function startsFlow(text: string): boolean {
  return text.startsWith('[') || text.startsWith('{');
}

/** The index of the ": " (or final ":") that separates a block mapping's key, or -1. */
function findMapColon(text: string): number {
  if (startsFlow(text)) return -1;
  let quote: string | null = null;
  if (text.startsWith('"') || text.startsWith("'")) {
    quote = text[0]!;
    for (let i = 1; i < text.length; i++) {
      if (quote === '"' && text[i] === '\\') {
        i++;
        continue;
      }
      if (text[i] === quote) {
        if (quote === "'" && text[i + 1] === "'") {
          i++;
          continue;
        }
        const after = text.slice(i + 1).trimStart();
        return after.startsWith(':') && (after.length === 1 || after[1] === ' ') ? text.indexOf(':', i + 1) : -1;
      }
    }
    return -1;
  }
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ':' && (i + 1 === text.length || text[i + 1] === ' ')) return i;
  }
  return -1;
}

function keyOf(raw: string, line: number): string {
  if (raw.startsWith('"') || raw.startsWith("'")) {
    const f = new FlowParser(raw, line);
    const v = f.quoted();
    f.end();
    return v;
  }
  if (raw === '' || raw.startsWith('?')) throw new YamlError('complex keys are not supported', line);
  return raw;
}

function flowBalanced(s: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  return depth <= 0 && quote === null;
}

function quotedClosed(s: string): boolean {
  const q = s[0]!;
  for (let i = 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") {
        i++;
        continue;
      }
      return true;
    }
  }
  return false;
}

/** YAML 1.2 core schema resolution of a plain scalar. */
export function plainScalar(s: string, line = 0): YamlValue {
  const t = s.trim();
  if (t.startsWith('&') || t.startsWith('*') || t.startsWith('!')) throw new YamlError('anchors, aliases and tags are not supported', line);
  if (t === '' || t === '~' || t === 'null' || t === 'Null' || t === 'NULL') return null;
  if (/^(true|True|TRUE)$/.test(t)) return true;
  if (/^(false|False|FALSE)$/.test(t)) return false;
  if (/^[-+]?[0-9]+$/.test(t)) return Number(t);
  if (/^0o[0-7]+$/.test(t)) return parseInt(t.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(t)) return parseInt(t.slice(2), 16);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(t)) return Number(t);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(t)) return NaN;
  return t;
}

/** Flow collections and quoted scalars on one (joined) line. */
class FlowParser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly line: number,
  ) {}

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  end(): void {
    this.ws();
    if (this.i < this.s.length) throw new YamlError(`unexpected ${JSON.stringify(this.s.slice(this.i))}`, this.line);
  }

  value(): YamlValue {
    this.ws();
    const ch = this.s[this.i];
    if (ch === '[') return this.seq();
    if (ch === '{') return this.map();
    if (ch === '"' || ch === "'") return this.quoted();
    return plainScalar(this.plain(), this.line);
  }

  private seq(): YamlValue[] {
    this.i++;
    const out: YamlValue[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new YamlError('expected "," or "]" in a flow sequence', this.line);
    }
  }

  private map(): { [key: string]: YamlValue } {
    this.i++;
    const out: { [key: string]: YamlValue } = {};
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const ch = this.s[this.i];
      const key = ch === '"' || ch === "'" ? this.quoted() : String(this.plain(true));
      this.ws();
      let v: YamlValue = null;
      if (this.s[this.i] === ':') {
        this.i++;
        this.ws();
        v = this.s[this.i] === ',' || this.s[this.i] === '}' ? null : this.value();
      }
      if (Object.prototype.hasOwnProperty.call(out, key)) throw new YamlError(`duplicate key ${JSON.stringify(key)}`, this.line);
      out[key] = v;
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new YamlError('expected "," or "}" in a flow mapping', this.line);
    }
  }

  /** A plain scalar in flow context: ends at , ] } and, for keys, at ": " / ":" before , } */
  private plain(key = false): string {
    const start = this.i;
    while (this.i < this.s.length) {
      const ch = this.s[this.i]!;
      if (ch === ',' || ch === ']' || ch === '}') break;
      if (ch === ':' && (key || /[\s,\]}]/.test(this.s[this.i + 1] ?? ' '))) break;
      if (ch === '#' && /\s/.test(this.s[this.i - 1] ?? '')) break;
      this.i++;
    }
    const text = this.s.slice(start, this.i).trim();
    if (text === '' && !key) throw new YamlError('expected a value', this.line);
    return text;
  }

  quoted(): string {
    const q = this.s[this.i]!;
    this.i++;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) throw new YamlError('unterminated quoted string', this.line);
      const ch = this.s[this.i++]!;
      if (q === "'") {
        if (ch === "'") {
          if (this.s[this.i] === "'") {
            out += "'";
            this.i++;
            continue;
          }
          return out;
        }
        out += ch;
        continue;
      }
      if (ch === '"') return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = this.s[this.i++];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ', e: '\x1b', b: '\b', a: '\x07' };
      if (e !== undefined && simple[e] !== undefined) out += simple[e];
      else if (e === 'x' || e === 'u' || e === 'U') {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = this.s.slice(this.i, this.i + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new YamlError(`bad escape \\${e}${hex}`, this.line);
        out += String.fromCodePoint(parseInt(hex, 16));
        this.i += len;
      } else throw new YamlError(`unknown escape \\${e ?? ''}`, this.line);
    }
  }
}
