// Turns what the terminal sends (xterm's onData: text, control characters and escape
// sequences, possibly several keys or a whole paste in one chunk) into keys.
//
// Names follow readline's notation: "C-a" for Ctrl-A, "M-b" for Alt-B (ESC b), "M-C-h" for
// Alt-Ctrl-H. Keys with names of their own: Enter (C-m), Tab (C-i), Backspace (DEL, 0x7f),
// Up, Down, Left, Right, Home, End, Insert, Delete, PageUp, PageDown, with "C-", "M-" and
// "S-" prefixes when the terminal reports modifiers (ESC [ 1 ; 5 C is "C-Right").
// A run of printable characters is one key named "text".

export interface Key {
  /** "text" for printable characters, otherwise the key's name. */
  name: string;
  /** The printable characters, for "text" keys. */
  text: string;
  /** The bytes the terminal sent for this key. */
  seq: string;
}

export interface Parsed {
  key: Key;
  /** Index just after the key in the input. */
  end: number;
}

const CTRL_NAMES: Record<number, string> = {
  0x00: 'C-@',
  0x09: 'Tab',
  0x0d: 'Enter',
  0x1b: 'Escape',
  0x1c: 'C-\\',
  0x1d: 'C-]',
  0x1e: 'C-^',
  0x1f: 'C-_',
  0x7f: 'Backspace',
};

function controlName(code: number): string {
  const named = CTRL_NAMES[code];
  if (named) return named;
  return 'C-' + String.fromCharCode(code + 0x60);
}

const CSI_LETTERS: Record<string, string> = {
  A: 'Up',
  B: 'Down',
  C: 'Right',
  D: 'Left',
  H: 'Home',
  F: 'End',
  E: 'Begin',
  P: 'F1',
  Q: 'F2',
  R: 'F3',
  S: 'F4',
};

const TILDE_KEYS: Record<string, string> = {
  '1': 'Home',
  '2': 'Insert',
  '3': 'Delete',
  '4': 'End',
  '5': 'PageUp',
  '6': 'PageDown',
  '7': 'Home',
  '8': 'End',
  '200': 'PasteStart',
  '201': 'PasteEnd',
};

function withModifiers(name: string, mod: number): string {
  // xterm's modifier parameter: 1 + (shift ? 1 : 0) + (alt ? 2 : 0) + (ctrl ? 4 : 0) + (meta ? 8 : 0)
  if (!(mod > 1)) return name;
  const bits = mod - 1;
  let prefix = '';
  if (bits & 4) prefix += 'C-';
  if (bits & 2 || bits & 8) prefix += 'M-';
  if (bits & 1) prefix += 'S-';
  return prefix + name;
}

function isPrintable(code: number): boolean {
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}

/**
 * Parses the key starting at `i`. Returns null when the input ends in the middle of an
 * escape sequence (wait for more input). With `single`, a text key holds one character.
 */
export function parseKey(input: string, i: number, single = false): Parsed | null {
  const code = input.charCodeAt(i);
  if (isPrintable(code)) {
    let j = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && j < input.length) j++;
    if (!single) {
      while (j < input.length && isPrintable(input.charCodeAt(j))) j++;
    }
    const text = input.slice(i, j);
    return { key: { name: 'text', text, seq: text }, end: j };
  }
  if (code !== 0x1b) {
    return { key: { name: controlName(code), text: '', seq: input[i] }, end: i + 1 };
  }
  // Escape sequences.
  if (i + 1 >= input.length) return null;
  const next = input[i + 1];
  if (next === '[') return parseCsi(input, i, i + 2, false);
  if (next === 'O') {
    if (i + 2 >= input.length) return null;
    const f = input[i + 2];
    const name = CSI_LETTERS[f] ?? 'Unknown';
    return { key: { name, text: '', seq: input.slice(i, i + 3) }, end: i + 3 };
  }
  if (next === '\x1b') {
    // ESC ESC [ ... : Alt with an arrow key on some terminals; ESC ESC alone is M-ESC.
    if (i + 2 < input.length && input[i + 2] === '[') return parseCsi(input, i, i + 3, true);
    return { key: { name: 'M-Escape', text: '', seq: '\x1b\x1b' }, end: i + 2 };
  }
  // Meta: ESC followed by one character.
  const cp = input.codePointAt(i + 1)!;
  const len = cp > 0xffff ? 2 : 1;
  let name: string;
  if (isPrintable(cp)) {
    const ch = String.fromCodePoint(cp);
    name = 'M-' + (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch);
  } else if (cp === 0x7f) {
    name = 'M-Backspace';
  } else if (cp === 0x0d) {
    name = 'M-Enter';
  } else if (cp === 0x09) {
    name = 'M-Tab';
  } else {
    name = 'M-' + controlName(cp);
  }
  return { key: { name, text: '', seq: input.slice(i, i + 1 + len) }, end: i + 1 + len };
}

function parseCsi(input: string, start: number, from: number, alt: boolean): Parsed | null {
  let j = from;
  while (j < input.length) {
    const c = input.charCodeAt(j);
    if (c >= 0x40 && c <= 0x7e) break;
    if (c < 0x20 || c > 0x3f) {
      // Not a well-formed sequence: take what we have as an unknown key.
      return { key: { name: 'Unknown', text: '', seq: input.slice(start, j) }, end: j };
    }
    j++;
  }
  if (j >= input.length) return null;
  const params = input.slice(from, j);
  const final = input[j];
  const seq = input.slice(start, j + 1);
  let name = 'Unknown';
  const parts = params.split(';');
  const mod = parts.length > 1 ? Number(parts[1]) : 1;
  if (final === '~') {
    const base = TILDE_KEYS[parts[0]];
    if (base) name = base === 'PasteStart' || base === 'PasteEnd' ? base : withModifiers(base, mod);
  } else if (final === 'Z' && params === '') {
    name = 'S-Tab';
  } else if (CSI_LETTERS[final] && /^[\d;]*$/.test(params)) {
    name = withModifiers(CSI_LETTERS[final], mod);
  }
  if (alt && name !== 'Unknown' && !name.includes('M-')) name = 'M-' + name;
  return { key: { name, text: '', seq }, end: j + 1 };
}
