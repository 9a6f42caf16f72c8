// echo as bash, dash, busybox and GNU coreutils implement it.

export type EchoStyle = 'bash' | 'dash' | 'busybox' | 'gnu';

/** Interprets backslash escapes; returns the text and whether \c stopped output. */
export function echoEscapes(s: string, style: EchoStyle): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    switch (n) {
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'c':
        return { text: out, stop: true };
      case 'e':
      case 'E':
        if (style === 'dash') out += '\\' + n;
        else out += '\x1b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(m || '0', 8) & 0xff);
        i += m.length;
        break;
      }
      case 'x': {
        if (style === 'dash') {
          out += '\\x';
          break;
        }
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (!m) {
          out += '\\x';
          break;
        }
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
        break;
      }
      default:
        if (/[1-7]/.test(n) && style !== 'dash') {
          const m = /^[0-7]{1,3}/.exec(s.slice(i))![0];
          out += String.fromCharCode(parseInt(m, 8) & 0xff);
          i += m.length - 1;
          break;
        }
        out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

/** The output of `echo args...` (args without the command name). */
export function echoText(args: string[], style: EchoStyle): string {
  let newline = true;
  let escapes = style === 'dash';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (!/^-[neE]+$/.test(a)) break;
    if (style === 'dash') {
      if (a !== '-n' && !/^-n+$/.test(a)) break;
      newline = false;
      continue;
    }
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else if (f === 'E') escapes = false;
    }
  }
  let out = '';
  const rest = args.slice(i);
  for (let j = 0; j < rest.length; j++) {
    if (j > 0) out += ' ';
    if (escapes) {
      const r = echoEscapes(rest[j], style);
      out += r.text;
      if (r.stop) return out;
    } else out += rest[j];
  }
  return newline ? out + '\n' : out;
}
