import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineDiscipline } from '../../src/term/cooked';
import { advanceColumn } from '../../src/term/editor';
import { parseKey } from '../../src/term/keys';
import { KillRing } from '../../src/term/killring';
import { parsePrompt } from '../../src/term/prompt';
import { nextBoundary, prevBoundary, stripAnsi, textWidth, wcwidth } from '../../src/term/width';
import { backwardWord, forwardWord, lastArgument, unixWordStart } from '../../src/term/words';

function keys(input: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < input.length) {
    const p = parseKey(input, i);
    if (!p) {
      out.push('<incomplete>');
      break;
    }
    out.push(p.key.name === 'text' ? `text:${p.key.text}` : p.key.name);
    i = p.end;
  }
  return out;
}

describe('keys', () => {
  test('printable runs, control keys and Enter', () => {
    expect(keys('ls -l\r')).toEqual(['text:ls -l', 'Enter']);
    expect(keys('\x01\x05\x7f\t\n\x08')).toEqual(['C-a', 'C-e', 'Backspace', 'Tab', 'C-j', 'C-h']);
  });

  test('cursor keys in their CSI and SS3 forms, with modifiers', () => {
    expect(keys('\x1b[A\x1bOB\x1b[H\x1bOF\x1b[1~\x1b[4~\x1b[3~')).toEqual(['Up', 'Down', 'Home', 'End', 'Home', 'End', 'Delete']);
    expect(keys('\x1b[1;5C\x1b[1;3D\x1b[1;2A\x1b[3;5~')).toEqual(['C-Right', 'M-Left', 'S-Up', 'C-Delete']);
    expect(keys('\x1b\x1b[C')).toEqual(['M-Right']);
  });

  test('Alt-letters, Alt-Backspace, bracketed paste markers', () => {
    expect(keys('\x1bb\x1bF\x1b.\x1b\x7f')).toEqual(['M-b', 'M-f', 'M-.', 'M-Backspace']);
    expect(keys('\x1b[200~a\rb\x1b[201~')).toEqual(['PasteStart', 'text:a', 'Enter', 'text:b', 'PasteEnd']);
  });

  test('an escape sequence cut at the end of the input waits for the rest', () => {
    expect(keys('ab\x1b')).toEqual(['text:ab', '<incomplete>']);
    expect(keys('\x1b[1;')).toEqual(['<incomplete>']);
    expect(keys('\x1bO')).toEqual(['<incomplete>']);
  });

  test('unknown sequences are consumed whole', () => {
    expect(keys('\x1b[15~\x1b[?1;2cx')).toEqual(['Unknown', 'Unknown', 'text:x']);
  });
});

describe('widths', () => {
  test('xterm.js rules: CJK wide, combining zero, emoji one column, controls zero', () => {
    expect(wcwidth(0x41)).toBe(1);
    expect(wcwidth(0x4e2d)).toBe(2);
    expect(wcwidth(0xac00)).toBe(2);
    expect(wcwidth(0xff21)).toBe(2);
    expect(wcwidth(0x303f)).toBe(1);
    expect(wcwidth(0x301)).toBe(0);
    expect(wcwidth(0x200b)).toBe(0);
    expect(wcwidth(0x1f600)).toBe(1);
    expect(wcwidth(0x20000)).toBe(2);
    expect(wcwidth(0x1b)).toBe(0);
    expect(textWidth('ab中e\u0301')).toBe(5);
  });

  test('characters with their combining marks are one unit for the cursor', () => {
    const s = 'ae\u0301\u0302b😀c';
    expect(nextBoundary(s, 1)).toBe(4);
    expect(prevBoundary(s, 4)).toBe(1);
    expect(nextBoundary(s, 5)).toBe(7);
    expect(prevBoundary(s, 7)).toBe(5);
  });

  test('stripAnsi removes colours, titles and readline markers', () => {
    expect(stripAnsi('\x1b]0;title\x07\x1b[1;32mok\x1b[0m \x01\x1b[2m\x02x')).toBe('ok x');
  });
});

describe('prompt', () => {
  test('visible cells carry the invisible sequences before them', () => {
    const p = parsePrompt('\x1b[32m$\x1b[0m ', wcwidth);
    expect(p.cells.map((c) => c.text)).toEqual(['\x1b[32m$', '\x1b[0m ']);
    expect(p.width).toBe(2);
    expect(p.prefix).toBe('');
  });

  test('lines before the last are a prefix with CR LF', () => {
    const p = parsePrompt('top\nmiddle\n> ', wcwidth);
    expect(p.prefix).toBe('top\r\nmiddle\r\n');
    expect(p.cells.map((c) => c.text).join('')).toBe('> ');
  });

  test('trailing invisible sequences stick to the last cell', () => {
    expect(parsePrompt('$ \x1b[1m', wcwidth).cells.map((c) => c.text)).toEqual(['$', ' \x1b[1m']);
    expect(parsePrompt('\x1b[0m', wcwidth).cells).toEqual([{ text: '\x1b[0m', w: 0 }]);
  });
});

describe('words', () => {
  test('readline words are letters and digits', () => {
    const s = 'docker run my_app:v2';
    expect(backwardWord(s, s.length)).toBe(18);
    expect(backwardWord(s, 18)).toBe(14);
    expect(forwardWord(s, 0)).toBe(6);
    expect(forwardWord(s, 6)).toBe(10);
  });

  test('unix words end at whitespace', () => {
    expect(unixWordStart('docker run --rm  ', 17)).toBe(11);
    expect(unixWordStart('a/b-c', 5)).toBe(0);
  });

  test('the last argument keeps its quotes', () => {
    expect(lastArgument('docker logs "my app"')).toBe('"my app"');
    expect(lastArgument("echo 'a b' c\\ d")).toBe('c\\ d');
    expect(lastArgument('   ')).toBe('');
  });
});

describe('kill ring', () => {
  test('kills join when consecutive; yank-pop goes back through older kills', () => {
    const k = new KillRing(3);
    k.kill('b', true, false);
    k.kill('c', true, true);
    k.kill('a', false, true);
    expect(k.current()).toBe('abc');
    k.kill('x', true, false);
    expect(k.rotate()).toBe('abc');
    expect(k.rotate()).toBe('x');
    for (const t of ['1', '2', '3', '4']) k.kill(t, true, false);
    expect([k.current(), k.rotate(), k.rotate(), k.rotate()]).toEqual(['4', '3', '2', '4']);
  });
});

describe('column tracking', () => {
  test('follows text, CR, BS, tabs and cursor sequences', () => {
    expect(advanceColumn(0, 'hello', 80)).toBe(5);
    expect(advanceColumn(0, 'hello\r\nab', 80)).toBe(2);
    expect(advanceColumn(3, '\b\b', 80)).toBe(1);
    expect(advanceColumn(2, '\t', 80)).toBe(8);
    expect(advanceColumn(0, '\x1b[32mok\x1b[0m', 80)).toBe(2);
    expect(advanceColumn(0, 'x\x1b[10G', 80)).toBe(9);
    expect(advanceColumn(0, '中文', 80)).toBe(4);
    expect(advanceColumn(0, 'abcde', 5)).toBe(5);
    expect(advanceColumn(5, 'f', 5)).toBe(1);
    const link = `\x1b]8;;https://example.com/${'x'.repeat(100)}\x1b\\here\x1b]8;;\x07`;
    expect(advanceColumn(0, link, 80)).toBe(4);
  });

  test('a long text ends where writing it piece by piece ends (CR, LF, BS, TAB, wide and escaped text)', () => {
    const piece = fc.constantFrom('a', 'bc', '\r', '\n', '\r\n', '\b', '\t', '中', 'é', '\x1b[5G', '\x1b[2D', '\x1b]0;t\r\x07', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 2, max: 12 }), (pieces, col, cols) => {
        const start = Math.min(col, cols);
        let stepwise = start;
        for (const p of pieces) for (const ch of p.startsWith('\x1b') ? [p] : [...p]) stepwise = advanceColumn(stepwise, ch, cols);
        expect(advanceColumn(start, pieces.join(''), cols)).toBe(stepwise);
      }),
    );
  });
});

describe('tty line discipline', () => {
  function tty() {
    let out = '';
    const signals: string[] = [];
    let col = 0;
    const d = new LineDiscipline({
      write: (s) => {
        out += s;
        col = advanceColumn(col, s, 80);
      },
      column: () => col,
      signal: (s) => signals.push(s),
      ready: () => {},
    });
    return { d, out: () => out, signals };
  }

  test('echoes, erases, completes lines', () => {
    const t = tty();
    t.d.feed('lx\x7fs\r');
    expect(t.out()).toBe('lx\b \bs\r\n');
    expect(t.d.take()).toBe('ls\n');
    expect(t.d.take()).toBeUndefined();
  });

  test('Ctrl-U and Ctrl-W erase the line and the last word', () => {
    const t = tty();
    t.d.feed('one two\x17\x15x\r');
    expect(t.d.take()).toBe('x\n');
  });

  test('control characters echo as ^X and erase two columns', () => {
    const t = tty();
    t.d.feed('\x1b\x7f');
    expect(t.out()).toBe('^[\b \b\b \b');
  });

  test('Ctrl-D: end of input on an empty line, otherwise the text so far', () => {
    const t = tty();
    t.d.feed('ab\x04\x04');
    expect(t.d.take()).toBe('ab');
    expect(t.d.take()).toBeNull();
  });

  test('signals flush what was typed ahead', () => {
    const t = tty();
    t.d.feed('a\rb\x03c');
    expect(t.signals).toEqual(['SIGINT']);
    expect(t.d.drain()).toBe('c');
  });

  test('Ctrl-V makes the next character literal', () => {
    const t = tty();
    t.d.feed('\x16\x03\r');
    expect(t.signals).toEqual([]);
    expect(t.d.take()).toBe('\x03\n');
  });
});
