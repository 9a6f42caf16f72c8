/**
 * Lexer of Go's text/template (Go 1.24 behaviour): text, actions with `{{- -}}` trim
 * markers, comments, and the tokens inside actions.
 */

import { goQuote } from '../../../units/go-quote';

export enum I {
  Error,
  Bool,
  Char,
  CharConstant,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Keyword, // delimiter: keywords follow
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: I;
  /** Index in the input (UTF-16 code units). */
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, I> = {
  '.': I.Dot,
  block: I.Block,
  break: I.Break,
  continue: I.Continue,
  define: I.Define,
  else: I.Else,
  end: I.End,
  if: I.If,
  range: I.Range,
  nil: I.Nil,
  template: I.Template,
  with: I.With,
};

const LEFT = '{{';
const RIGHT = '}}';
const SPACE = ' \t\r\n';

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}
export function isAlphaNumeric(c: string | undefined): boolean {
  return c !== undefined && (c === '_' || /^[\p{L}\p{Nd}]$/u.test(c));
}
function hasLeftTrimMarker(s: string, at: number): boolean {
  return s[at] === '-' && isSpace(s[at + 1]);
}
function hasRightTrimMarker(s: string, at: number): boolean {
  return isSpace(s[at]) && s[at + 1] === '-';
}

/** Go's %#U: `U+00E9 'é'`. */
export function goUnicode(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) ? `${hex} '${c}'` : hex;
}

/** Tokenise a template completely (the lexer stops after its first error item). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let done = false;

  const emit = (typ: I) => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = () => {
    line += count(input.slice(start, pos), '\n');
    start = pos;
    startLine = line;
  };
  const error = (msg: string) => {
    items.push({ typ: I.Error, pos: start, val: msg, line: startLine });
    done = true;
  };
  // next code point (as a string), undefined at EOF
  const next = (): string | undefined => {
    if (pos >= input.length) {
      pos = input.length + 1; // remember that we passed EOF (backup is then a no-op)
      return undefined;
    }
    const c = String.fromCodePoint(input.codePointAt(pos)!);
    pos += c.length;
    if (c === '\n') line++;
    return c;
  };
  const backup = (c: string | undefined) => {
    if (c === undefined) {
      pos = input.length;
      return;
    }
    pos -= c.length;
    if (c === '\n') line--;
  };
  const peek = (): string | undefined => {
    const c = next();
    backup(c);
    return c;
  };
  const accept = (valid: string): boolean => {
    const c = next();
    if (c !== undefined && valid.includes(c)) return true;
    backup(c);
    return false;
  };
  const acceptRun = (valid: string) => {
    for (;;) {
      const c = next();
      if (c === undefined || !valid.includes(c)) {
        backup(c);
        return;
      }
    }
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT, pos + 2)) return [true, true];
    if (input.startsWith(RIGHT, pos)) return [true, false];
    return [false, false];
  };
  const atTerminator = (): boolean => {
    const c = peek();
    if (c === undefined || isSpace(c)) return true;
    if ('.,|:)('.includes(c)) return true;
    return input.startsWith(RIGHT, pos);
  };

  type State = (() => State) | null;

  const lexText = (): State => {
    const x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      pos = x;
      let trim = 0;
      if (hasLeftTrimMarker(input, pos + LEFT.length)) {
        const text = input.slice(start, pos);
        trim = text.length - text.replace(/[ \t\r\n]+$/, '').length;
      }
      pos -= trim;
      if (pos > start) {
        line += count(input.slice(start, pos), '\n');
        emit(I.Text);
      }
      pos += trim;
      ignore();
      return lexLeftDelim;
    }
    pos = input.length;
    if (pos > start) {
      line += count(input.slice(start, pos), '\n');
      emit(I.Text);
    }
    emit(I.EOF);
    return null;
  };

  const lexLeftDelim = (): State => {
    pos += LEFT.length;
    const trim = hasLeftTrimMarker(input, pos);
    const after = trim ? 2 : 0;
    if (input.startsWith('/*', pos + after)) {
      pos += after;
      ignore();
      return lexComment;
    }
    emit(I.LeftDelim);
    pos += after;
    ignore();
    parenDepth = 0;
    return lexInsideAction;
  };

  const lexComment = (): State => {
    pos += 2;
    const i = input.indexOf('*/', pos);
    if (i < 0) {
      error('unclosed comment');
      return null;
    }
    pos = i + 2;
    const [delim, trim] = atRightDelim();
    if (!delim) {
      error('comment ends before closing delimiter');
      return null;
    }
    if (trim) pos += 2;
    pos += RIGHT.length;
    if (trim) pos += leadingSpace(input, pos);
    ignore();
    return lexText;
  };

  const lexRightDelim = (): State => {
    const trim = hasRightTrimMarker(input, pos);
    if (trim) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length;
    emit(I.RightDelim);
    if (trim) {
      pos += leadingSpace(input, pos);
      ignore();
    }
    return lexText;
  };

  const lexInsideAction = (): State => {
    const [delim] = atRightDelim();
    if (delim) {
      if (parenDepth === 0) return lexRightDelim;
      error('unclosed left paren');
      return null;
    }
    const r = next();
    if (r === undefined) {
      error('unclosed action');
      return null;
    }
    if (isSpace(r)) {
      backup(r);
      return lexSpace;
    }
    switch (r) {
      case '=':
        emit(I.Assign);
        return lexInsideAction;
      case ':':
        if (next() !== '=') {
          error('expected :=');
          return null;
        }
        emit(I.Declare);
        return lexInsideAction;
      case '|':
        emit(I.Pipe);
        return lexInsideAction;
      case '"':
        return lexQuote;
      case '`':
        return lexRawQuote;
      case '$':
        return lexVariable;
      case "'":
        return lexChar;
      case '(':
        emit(I.LeftParen);
        parenDepth++;
        return lexInsideAction;
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          error('unexpected right paren');
          return null;
        }
        emit(I.RightParen);
        return lexInsideAction;
    }
    if (r === '.') {
      const c = input[pos];
      if (pos < input.length && (c! < '0' || c! > '9')) return lexField;
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      backup(r);
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      backup(r);
      return lexIdentifier;
    }
    const cp = r.codePointAt(0)!;
    if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) {
      emit(I.Char);
      return lexInsideAction;
    }
    error(`unrecognized character in action: ${goUnicode(r)}`);
    return null;
  };

  const lexSpace = (): State => {
    let n = 0;
    while (isSpace(peek())) {
      next();
      n++;
    }
    if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
      backup(input[pos - 1]);
      if (n === 1) return lexRightDelim;
    }
    emit(I.Space);
    return lexInsideAction;
  };

  const lexIdentifier = (): State => {
    for (;;) {
      const r = next();
      if (isAlphaNumeric(r)) continue;
      backup(r);
      const word = input.slice(start, pos);
      if (!atTerminator()) {
        error(`bad character ${goUnicode(r!)}`);
        return null;
      }
      const kw = KEYWORDS[word];
      if (kw !== undefined && kw > I.Keyword) emit(kw);
      else if (word[0] === '.') emit(I.Field);
      else if (word === 'true' || word === 'false') emit(I.Bool);
      else emit(I.Identifier);
      return lexInsideAction;
    }
  };

  const lexFieldOrVariable = (typ: I): State => {
    if (atTerminator()) {
      emit(typ === I.Variable ? I.Variable : I.Dot);
      return lexInsideAction;
    }
    let r: string | undefined;
    for (;;) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup(r);
        break;
      }
    }
    if (!atTerminator()) {
      error(`bad character ${goUnicode(r!)}`);
      return null;
    }
    emit(typ);
    return lexInsideAction;
  };
  const lexField = (): State => lexFieldOrVariable(I.Field);
  const lexVariable = (): State => {
    if (atTerminator()) {
      emit(I.Variable);
      return lexInsideAction;
    }
    return lexFieldOrVariable(I.Variable);
  };

  const lexChar = (): State => {
    for (;;) {
      const c = next();
      if (c === '\\') {
        const r = next();
        if (r !== undefined && r !== '\n') continue;
        error('unterminated character constant');
        return null;
      }
      if (c === undefined || c === '\n') {
        error('unterminated character constant');
        return null;
      }
      if (c === "'") break;
    }
    emit(I.CharConstant);
    return lexInsideAction;
  };

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber = (): State => {
    if (!scanNumber()) {
      error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      return null;
    }
    const sign = peek();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i') {
        error(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        return null;
      }
      emit(I.Complex);
    } else {
      emit(I.Number);
    }
    return lexInsideAction;
  };

  const lexQuote = (): State => {
    for (;;) {
      const c = next();
      if (c === '\\') {
        const r = next();
        if (r !== undefined && r !== '\n') continue;
        error('unterminated quoted string');
        return null;
      }
      if (c === undefined || c === '\n') {
        error('unterminated quoted string');
        return null;
      }
      if (c === '"') break;
    }
    emit(I.String);
    return lexInsideAction;
  };

  const lexRawQuote = (): State => {
    for (;;) {
      const c = next();
      if (c === undefined) {
        error('unterminated raw quoted string');
        return null;
      }
      if (c === '`') break;
    }
    emit(I.RawString);
    return lexInsideAction;
  };

  let state: State = lexText;
  while (state && !done) state = state();
  if (items.length === 0 || (items[items.length - 1]!.typ !== I.EOF && items[items.length - 1]!.typ !== I.Error)) {
    items.push({ typ: I.EOF, pos: input.length, val: '', line });
  }
  return items;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function leadingSpace(s: string, at: number): number {
  let i = at;
  while (i < s.length && SPACE.includes(s[i]!)) i++;
  return i - at;
}

/** item.String() as Go prints tokens in parse errors. */
export function itemString(it: Item): string {
  if (it.typ === I.EOF) return 'EOF';
  if (it.typ === I.Error) return it.val;
  if (it.typ > I.Keyword) return `<${it.val}>`;
  const runes = Array.from(it.val);
  if (runes.length > 10) return goQuoteLike(runes.slice(0, 10).join('')) + '...';
  return goQuoteLike(it.val);
}

function goQuoteLike(s: string): string {
  return goQuote(s);
}
