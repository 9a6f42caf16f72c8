// POSIX basic and extended regular expressions (with the GNU extensions grep and sed accept),
// translated to JavaScript regular expressions.

export class RegexError extends Error {}

const CLASS: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

/** Translates a POSIX regex to JavaScript source. Throws RegexError("Unmatched ( or \\(") etc. */
export function posixToJs(pat: string, ere: boolean): string {
  let out = '';
  let depth = 0;
  // Position where `*` is literal (start of the expression or a group, after an anchor).
  let atStart = true;
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    const start = atStart;
    atStart = false;
    if (c === '[') {
      let j = i + 1;
      let cls = '';
      if (pat[j] === '^') {
        cls += '^';
        j++;
      }
      if (pat[j] === ']') {
        cls += '\\]';
        j++;
      }
      let closed = false;
      for (; j < pat.length; j++) {
        const d = pat[j];
        if (d === ']') {
          closed = true;
          break;
        }
        if (d === '[' && pat[j + 1] === ':') {
          const end = pat.indexOf(':]', j + 2);
          if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
          const name = pat.slice(j + 2, end);
          if (!(name in CLASS)) throw new RegexError('Invalid character class name');
          cls += CLASS[name];
          j = end + 1;
          continue;
        }
        if (d === '\\' || d === '[') {
          cls += '\\' + d;
          continue;
        }
        cls += d;
      }
      if (!closed) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      out += `[${cls}]`;
      i = j;
      continue;
    }
    if (c === '\\') {
      const n = pat[i + 1];
      i++;
      if (n === undefined) throw new RegexError('Trailing backslash');
      if (!ere && (n === '(' || n === ')' || n === '{' || n === '}' || n === '|' || n === '+' || n === '?')) {
        if (n === '(') {
          depth++;
          atStart = true;
        } else if (n === ')') {
          if (depth === 0) throw new RegexError('Unmatched ) or \\)');
          depth--;
        } else if (n === '{') {
          const end = pat.indexOf('\\}', i);
          if (end < 0) throw new RegexError('Unmatched \\{');
          const body = pat.slice(i + 1, end);
          if (!/^\d*(,\d*)?$/.test(body)) throw new RegexError('Invalid content of \\{\\}');
          out += `{${body}}`;
          i = end + 1;
          continue;
        } else if (n === '|') atStart = true;
        out += n;
        continue;
      }
      if (n === '<' || n === '>') {
        out += '\\b';
        continue;
      }
      if ('bBwWsS'.includes(n) || /[1-9]/.test(n)) {
        out += '\\' + n;
        continue;
      }
      if (n === 'n') {
        out += '\\n';
        continue;
      }
      if (n === 't') {
        out += '\\t';
        continue;
      }
      out += n.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
      continue;
    }
    if (ere) {
      if (c === '(') {
        depth++;
        atStart = true;
        out += '(';
        continue;
      }
      if (c === ')') {
        if (depth === 0) throw new RegexError('Unmatched ) or \\)');
        depth--;
        out += ')';
        continue;
      }
      if (c === '|') {
        atStart = true;
        out += '|';
        continue;
      }
      if (c === '{') {
        const m = /^\{(\d*)(,\d*)?\}/.exec(pat.slice(i));
        if (m && (m[1] !== '' || m[2])) {
          out += m[0];
          i += m[0].length - 1;
          continue;
        }
        out += '\\{';
        continue;
      }
      if (c === '}') {
        out += '\\}';
        continue;
      }
      if ((c === '*' || c === '+' || c === '?') && start) {
        out += '\\' + c;
        continue;
      }
      if (c === '^') {
        atStart = true;
        out += '^';
        continue;
      }
      if (c === '/') {
        out += '\\/';
        continue;
      }
      out += c;
      continue;
    }
    // BRE
    if (c === '(' || c === ')' || c === '{' || c === '}' || c === '|' || c === '+' || c === '?' || c === '/') {
      out += '\\' + c;
      continue;
    }
    if (c === '*' && start) {
      out += '\\*';
      continue;
    }
    if (c === '^') {
      if (start) {
        out += '^';
        atStart = true;
      } else out += '\\^';
      continue;
    }
    if (c === '$') {
      const atEnd = i === pat.length - 1 || pat.startsWith('\\)', i + 1) || pat.startsWith('\\|', i + 1);
      out += atEnd ? '$' : '\\$';
      continue;
    }
    out += c;
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return out;
}

export function compile(pat: string, opts: { ere: boolean; icase?: boolean; fixed?: boolean; word?: boolean; line?: boolean; global?: boolean }): RegExp {
  let src = opts.fixed ? pat.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : posixToJs(pat, opts.ere);
  if (opts.word) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
  if (opts.line) src = `^(?:${src})$`;
  try {
    return new RegExp(src, (opts.icase ? 'i' : '') + (opts.global ? 'g' : ''));
  } catch {
    throw new RegexError('Invalid regular expression');
  }
}
