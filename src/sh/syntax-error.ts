// Syntax errors and how each shell words them.

export type Flavor = 'bash' | 'dash' | 'ash';

/** The token the parser stumbled on. */
export interface BadToken {
  /** 'word' (an ordinary word), 'reserved' (if, fi, {, ...), 'op' (;, |, ...), 'redir' (<, >>, ...), 'newline', 'eof' */
  kind: 'word' | 'reserved' | 'op' | 'redir' | 'newline' | 'eof';
  text: string;
}

export type SyntaxDetail =
  /** A token where it is not allowed; `expecting` names the keyword dash/ash say they wanted. */
  | { kind: 'unexpected'; token: BadToken; expecting?: string }
  /** An unterminated quote or substitution: ' " ` ) } */
  | { kind: 'unterminated'; what: "'" | '"' | '`' | ')' | '}' }
  /** ${...} that makes no sense (dash and ash reject it while parsing). */
  | { kind: 'badsub'; text: string }
  /** `for 1 in ...` */
  | { kind: 'badfor'; name: string }
  /** `f() ...` with a name that cannot be a function (ash, dash: "Bad function name"). */
  | { kind: 'badfunc'; name: string };

export class ParseError extends Error {
  constructor(
    readonly detail: SyntaxDetail,
    /** 1-based line the error is reported on (as the shell would report it). */
    readonly line: number,
    /** True when more input could complete the program (the terminal shows `> `). */
    readonly incomplete: boolean,
    /** Source text of the line the error is on (bash echoes it). */
    readonly lineText: string,
  ) {
    super(describeSyntaxError(detail, 'bash'));
    this.name = 'ParseError';
  }
}

/** The message body, without the `sh: line N:` prefix (see Shell for prefixes). */
export function describeSyntaxError(d: SyntaxDetail, flavor: Flavor): string {
  switch (flavor) {
    case 'bash':
      return bashMessage(d);
    case 'dash':
      return dashMessage(d);
    case 'ash':
      return ashMessage(d);
  }
}

function bashMessage(d: SyntaxDetail): string {
  switch (d.kind) {
    case 'unexpected':
      if (d.token.kind === 'eof') return 'syntax error: unexpected end of file';
      return `syntax error near unexpected token \`${d.token.kind === 'newline' ? 'newline' : d.token.text}'`;
    case 'unterminated':
      return `unexpected EOF while looking for matching \`${d.what}'`;
    case 'badsub':
      return `${d.text}: bad substitution`;
    case 'badfor':
      return `\`${d.name}': not a valid identifier`;
    case 'badfunc':
      return `\`${d.name}': not a valid identifier`;
  }
}

function tokName(t: BadToken, quote: (s: string) => string): string {
  switch (t.kind) {
    case 'eof':
      return 'end of file';
    case 'newline':
      return 'newline';
    case 'word':
      return 'word';
    case 'redir':
      return 'redirection';
    default:
      return quote(t.text);
  }
}

function dashMessage(d: SyntaxDetail): string {
  switch (d.kind) {
    case 'unexpected': {
      const exp = d.expecting ? ` (expecting "${d.expecting}")` : '';
      return `Syntax error: ${tokName(d.token, (s) => `"${s}"`)} unexpected${exp}`;
    }
    case 'unterminated':
      if (d.what === '}') return "Syntax error: Missing '}'";
      if (d.what === '`') return 'Syntax error: EOF in backquote substitution';
      if (d.what === ')') return 'Syntax error: end of file unexpected (expecting ")")';
      return 'Syntax error: Unterminated quoted string';
    case 'badsub':
      return 'Bad substitution';
    case 'badfor':
      return 'Syntax error: Bad for loop variable';
    case 'badfunc':
      return 'Syntax error: Bad function name';
  }
}

function ashMessage(d: SyntaxDetail): string {
  switch (d.kind) {
    case 'unexpected': {
      const exp = d.expecting ? ` (expecting "${d.expecting}")` : '';
      return `syntax error: unexpected ${tokName(d.token, (s) => `"${s}"`)}${exp}`;
    }
    case 'unterminated':
      if (d.what === '}') return "syntax error: missing '}'";
      if (d.what === '`') return 'syntax error: EOF in backquote substitution';
      if (d.what === ')') return 'syntax error: unexpected end of file (expecting ")")';
      return 'syntax error: unterminated quoted string';
    case 'badsub':
      return 'syntax error: bad substitution';
    case 'badfor':
      return 'syntax error: bad for loop variable';
    case 'badfunc':
      return 'syntax error: bad function name';
  }
}
