// Splitting a simple command line into words as a POSIX shell would for the lines lessons use:
// blanks separate words, single quotes keep everything, double quotes keep everything but \" \\ \$
// and \`, a backslash outside quotes escapes the next character, # starts a comment at the
// start of a word. No expansions, operators or redirections: those lines are the shell's.

export class WordsError extends Error {}

/** The words of one command line; throws WordsError on an unterminated quote. */
export function splitWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new WordsError('unterminated single quote');
      cur += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        cur += line[j];
      }
      if (j >= line.length) throw new WordsError('unterminated double quote');
      i = j;
      inWord = true;
    } else if (ch === '\\') {
      if (i + 1 < line.length) cur += line[++i];
      inWord = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else if (ch === '#' && !inWord) {
      break;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}
