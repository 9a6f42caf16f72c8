// The syntax tree the parser produces and the interpreter walks.

/** One piece of a word, before expansion. */
export type WordPart =
  /** Unquoted literal text (subject to globbing, not to field splitting). */
  | { type: 'lit'; value: string }
  /** Text that came from quoting ('...', \x, or literal text inside "..."): never globbed. */
  | { type: 'quoted'; value: string }
  /** A double-quoted region; its expansions are not split or globbed. */
  | { type: 'dq'; parts: WordPart[] }
  | ParamPart
  /** $(...) or `...` */
  | { type: 'cmdsub'; program: Program; text: string }
  /** bash process substitution <(...) / >(...): a /dev/fd path to the command's output / input */
  | { type: 'procsub'; dir: '<' | '>'; program: Program; text: string }
  /** $((...)): the expression, itself a word (expansions inside are done first). */
  | { type: 'arith'; expr: Word; text: string }
  /** ~ or ~user at the start of a word (or after ':' / '=' in assignments). */
  | { type: 'tilde'; user: string };

export type ParamOp =
  | '-' | '=' | '?' | '+' // with `colon` for :- := :? :+
  | '#' | '##' | '%' | '%%' // prefix/suffix removal
  | '/' | '//' | '/#' | '/%' // bash/ash pattern substitution
  | ':' // ${x:off:len}
  | '^^' | ',,' | '^' | ','; // bash case modification

export interface ParamPart {
  type: 'param';
  /** Variable name, a digit string, or one of @ * # ? - $ ! 0 */
  name: string;
  /** ${#x} */
  length?: boolean;
  /** bash ${!x}: the value of the variable named by x */
  indirect?: boolean;
  /** bash ${!prefix*} / ${!prefix@}: the names of the variables starting with the prefix */
  names?: '*' | '@';
  op?: ParamOp;
  colon?: boolean;
  /** Operand word (default/alternative/pattern/offset). */
  arg?: Word;
  /** Second operand: replacement for /, length for :off:len. */
  arg2?: Word;
  /** Original text, for messages like `${x;}: bad substitution`. */
  text: string;
  /** Set when the parser found a malformed ${...}; the error happens at expansion time. */
  bad?: boolean;
}

export interface Word {
  parts: WordPart[];
  /** Source text of the word, as typed. */
  text: string;
}

export type RedirOp =
  | '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redir {
  op: RedirOp;
  /** Explicit file descriptor (2 in 2>), or undefined for the default. */
  fd?: number;
  /** Target file, fd number word, or here-string word; for heredocs, the delimiter. */
  target: Word;
  /** Here-document body: a word (expansions) or plain text when the delimiter was quoted. */
  heredoc?: { body: Word; quoted: boolean };
}

export interface Assign {
  name: string;
  value: Word;
  append?: boolean;
}

interface Base {
  /** 1-based line where the command starts. */
  line: number;
}

export interface SimpleCommand extends Base {
  type: 'simple';
  assigns: Assign[];
  words: Word[];
  redirs: Redir[];
}

export interface Subshell extends Base {
  type: 'subshell';
  body: List;
  redirs: Redir[];
}

export interface Group extends Base {
  type: 'group';
  body: List;
  redirs: Redir[];
}

export interface If extends Base {
  type: 'if';
  clauses: { cond: List; body: List }[];
  else?: List;
  redirs: Redir[];
}

export interface Loop extends Base {
  type: 'while' | 'until';
  cond: List;
  body: List;
  redirs: Redir[];
}

export interface For extends Base {
  type: 'for';
  name: string;
  /** null: iterate over "$@". */
  words: Word[] | null;
  body: List;
  redirs: Redir[];
}

export interface CaseItem {
  patterns: Word[];
  body: List | null;
  /** ';;' ends, ';&' falls through, ';;&' tests the next patterns (bash). */
  term: ';;' | ';&' | ';;&';
}

export interface Case extends Base {
  type: 'case';
  word: Word;
  items: CaseItem[];
  redirs: Redir[];
}

export interface FuncDef extends Base {
  type: 'func';
  name: string;
  body: CommandNode;
}

/** bash: (( expression )) */
export interface ArithCommand extends Base {
  type: 'arith';
  expr: Word;
  redirs: Redir[];
}

/** bash: [[ expression ]] — words and the operators && || ! ( ) < > between them. */
export type CondItem = { word: Word } | { op: string };
export interface CondCommand extends Base {
  type: 'cond';
  items: CondItem[];
  redirs: Redir[];
}

/** bash: for (( init; cond; step )); do ...; done */
export interface ArithFor extends Base {
  type: 'afor';
  init: Word;
  cond: Word;
  step: Word;
  body: List;
  redirs: Redir[];
}

export type CommandNode = SimpleCommand | Subshell | Group | If | Loop | For | Case | FuncDef | ArithCommand | CondCommand | ArithFor;

export interface Pipeline extends Base {
  type: 'pipeline';
  bang: boolean;
  commands: CommandNode[];
  /** `|&` between commands (bash): stderr joins the pipe too. Index i means after commands[i]. */
  stderrToo?: boolean[];
  /** bash's `time` keyword before the pipeline. */
  timed?: boolean;
}

export interface AndOr extends Base {
  type: 'andor';
  /** Source text (for job messages). */
  text: string;
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  node: AndOr;
  background: boolean;
}

export interface List {
  type: 'list';
  items: ListItem[];
}

/** A whole script (or one complete command when parsing incrementally). */
export interface Program {
  type: 'list';
  items: ListItem[];
}
