// The line up to the cursor as Tab completion sees it: the words of the simple command the
// cursor is in (quotes removed), and the word being completed (where it starts, what it means
// without quotes, which quote is open). Enough of the shell grammar for completion: quotes,
// backslashes, ; & | && || ( ) $( and redirections.

export interface CompletionWord {
  /** Offset of the word's first character in the line. */
  start: number;
  /** The word as typed (up to the cursor). */
  raw: string;
  /** Its value without quotes and backslashes. */
  value: string;
  /** The quote still open at the cursor, if any. */
  quote: '"' | "'" | null;
}

export interface CompletionContext {
  /** Words of the current simple command before the word at the cursor (values). */
  words: string[];
  current: CompletionWord;
  /** The word at the cursor names a command. */
  commandPosition: boolean;
  /** The word at the cursor is the target of a redirection (a file). */
  redirectTarget: boolean;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Commands whose first argument is itself a command. */
const PREFIX_COMMANDS = new Set(['sudo', 'time', 'nohup', 'exec', 'command', 'builtin', 'xargs', 'watch', 'nice', 'timeout', 'env', 'which', 'type']);

export function completionContext(line: string, cursor: number): CompletionContext {
  const text = line.slice(0, cursor);
  let words: string[] = [];
  let redirectNext = false;
  let curStart = -1;
  let raw = '';
  let value = '';
  let quote: '"' | "'" | null = null;
  let wordIsRedirect = false;
  const finish = (): void => {
    if (curStart < 0) return;
    if (!wordIsRedirect) words.push(value);
    curStart = -1;
    raw = '';
    value = '';
    wordIsRedirect = false;
  };
  const begin = (i: number): void => {
    if (curStart >= 0) return;
    curStart = i;
    wordIsRedirect = redirectNext;
    redirectNext = false;
  };
  const resetCommand = (): void => {
    finish();
    words = [];
    redirectNext = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      raw += c;
      if (c === "'") quote = null;
      else value += c;
      continue;
    }
    if (quote === '"') {
      raw += c;
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) {
        raw += text[++i];
        value += text[i];
      } else value += c;
      continue;
    }
    if (c === '\\') {
      begin(i);
      raw += c;
      if (i + 1 < text.length) {
        raw += text[++i];
        value += text[i];
      }
      continue;
    }
    if (c === "'" || c === '"') {
      begin(i);
      raw += c;
      quote = c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      finish();
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '`') {
      // a redirection like 2>&1 keeps its &
      if (c === '&' && text[i - 1] === '>') continue;
      resetCommand();
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      i++;
      resetCommand();
      continue;
    }
    if (c === '>' || c === '<') {
      // 2> and &> belong to the redirection, not to a word
      if (curStart >= 0 && /^\d+$/.test(raw)) {
        curStart = -1;
        raw = '';
        value = '';
      } else finish();
      while (text[i + 1] === '>' || text[i + 1] === '&' || text[i + 1] === '<') i++;
      if (text[i] === '&' && /\d/.test(text[i + 1] ?? '')) continue;
      redirectNext = true;
      continue;
    }
    begin(i);
    raw += c;
    value += c;
  }
  let redirectTarget = redirectNext;
  if (curStart >= 0) redirectTarget = wordIsRedirect;
  const current: CompletionWord = curStart >= 0 ? { start: curStart, raw, value, quote } : { start: cursor, raw: '', value: '', quote: null };
  const cmdWords = words.filter((w, i) => !(ASSIGNMENT.test(w) && words.slice(0, i).every((x) => ASSIGNMENT.test(x))));
  let commandPosition = !redirectTarget && cmdWords.length === 0 && !(current.value.includes('=') && ASSIGNMENT.test(current.value));
  if (!redirectTarget && cmdWords.length > 0 && PREFIX_COMMANDS.has(cmdWords[cmdWords.length - 1]!) && cmdWords.every((w) => PREFIX_COMMANDS.has(w))) commandPosition = true;
  return { words: cmdWords, current, commandPosition, redirectTarget };
}

const SPECIAL = /[\s'"\\$`&;|<>()*?[\]{}!#]/g;

/** Quotes a name for insertion into the word being completed. */
export function quoteFor(word: CompletionWord, name: string): string {
  if (word.quote === "'") return name.replace(/'/g, `'\\''`);
  if (word.quote === '"') return name.replace(/["\\$`]/g, (m) => `\\${m}`);
  return name.replace(SPECIAL, (m) => `\\${m}`);
}
