// The editor on a real xterm.js terminal (headless: constructed, never opened). Checks that
// what xterm.js shows agrees with the test screen, so the other tests can trust it.

import fc from 'fast-check';
import { Terminal } from '@xterm/xterm';
import { describe, expect, test } from 'vitest';
import { wcwidth } from '../../src/term/width';
import { attachLineEditor, terminalWidth } from '../../src/term/xterm';
import { KEY } from './harness';
import { Screen } from './vt';
import { LineEditor } from '../../src/term/editor';

const { ctrl, alt } = KEY;

function written(term: Terminal): Promise<void> {
  return new Promise((resolve) => term.write('', resolve));
}

function rows(term: Terminal): string[] {
  const b = term.buffer.active;
  const out: string[] = [];
  for (let y = 0; y < term.rows; y++) out.push(b.getLine(b.viewportY + y)?.translateToString(true).replace(/ +$/, '') ?? '');
  return out;
}

function textOf(lines: string[], cursorRow: number): string {
  let last = cursorRow;
  for (let k = lines.length - 1; k > last; k--) {
    if (lines[k] !== '') {
      last = k;
      break;
    }
  }
  return lines.slice(0, last + 1).join('\n');
}

describe('on xterm.js', () => {
  test('input from the terminal edits the line; the terminal shows it wrapped', async () => {
    const term = new Terminal({ cols: 20, rows: 6 });
    const { editor, dispose } = attachLineEditor(term);
    const line = editor.readLine('$ ');
    term.input('docker run --rm -it alpine sh');
    term.input(KEY.home);
    term.input('X');
    await written(term);
    expect(rows(term).slice(0, 2)).toEqual(['$ Xdocker run --rm -', 'it alpine sh']);
    expect([term.buffer.active.cursorY, term.buffer.active.cursorX]).toEqual([0, 3]);
    term.input('\r');
    expect(await line).toBe('Xdocker run --rm -it alpine sh');
    dispose();
    term.input('ignored');
    expect(editor.editing).toBe(false);
  });

  test('a line filling its rows exactly leaves the cursor at the start of the next row', async () => {
    const term = new Terminal({ cols: 10, rows: 6 });
    const { editor } = attachLineEditor(term);
    void editor.readLine('$ ');
    term.input('abcdefgh');
    await written(term);
    expect([term.buffer.active.cursorY, term.buffer.active.cursorX]).toEqual([1, 0]);
    term.input(KEY.left);
    await written(term);
    expect([term.buffer.active.cursorY, term.buffer.active.cursorX]).toEqual([0, 9]);
  });

  test('the width function is the terminal\'s own', () => {
    const term = new Terminal({ cols: 10, rows: 2 });
    const w = terminalWidth(term);
    for (const cp of [0x41, 0x4e2d, 0x301, 0x1f600, 0xac00, 0x3000]) expect(w(cp)).toBe(wcwidth(cp));
  });

  test('resizing the terminal redraws the line for the new width', async () => {
    const term = new Terminal({ cols: 30, rows: 6 });
    const { editor } = attachLineEditor(term);
    void editor.readLine('$ ');
    term.input('0123456789abcdefghijklmnop');
    await written(term);
    term.resize(10, 6);
    await written(term);
    expect(rows(term).slice(0, 3)).toEqual(['$ 01234567', '89abcdefgh', 'ijklmnop']);
    expect([term.buffer.active.cursorY, term.buffer.active.cursorX]).toEqual([2, 8]);
  });

  // Random editing on xterm.js and on the test screen must look the same.
  test('random editing looks the same on xterm.js and on the test screen', async () => {
    const keys = fc.constantFrom(
      'a', 'bc', ' ', '中', '文字', 'e\u0301', 'long-word-here',
      KEY.left, KEY.right, KEY.home, KEY.end, KEY.backspace, KEY.del, KEY.up, KEY.down,
      ctrl('k'), ctrl('u'), ctrl('w'), ctrl('y'), ctrl('t'), alt('b'), alt('f'), alt('d'),
      ctrl('r'), 'do', KEY.esc + 'x', ctrl('l'), alt('\t'), ctrl('v') + ctrl('b'), ctrl('_'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(keys, { maxLength: 40 }), fc.constantFrom(7, 11, 16), async (seq, cols) => {
        const term = new Terminal({ cols, rows: 40 });
        const { editor } = attachLineEditor(term);
        const screen = new Screen(cols, 40);
        const mirror = new LineEditor(
          { write: (d) => screen.write(d), cols, rows: 40 },
          { wcwidth },
        );
        for (const e of [editor, mirror]) {
          e.history.add('for i in 1 2\ndo echo 中\ndone');
          e.history.add('docker run 中文 --name web nginx');
        }
        void editor.readLine('\x1b[32m$\x1b[0m ');
        void mirror.readLine('\x1b[32m$\x1b[0m ');
        for (const k of seq) {
          term.input(k);
          mirror.feed(k);
        }
        await written(term);
        const b = term.buffer.active;
        expect(textOf(rows(term), b.cursorY)).toBe(screen.text());
        // xterm.js reports a cursor waiting to wrap as x == cols; the screen shows it clamped.
        expect([b.cursorY, Math.min(b.cursorX, cols - 1)]).toEqual(screen.cursor);
        expect(b.cursorX >= cols).toBe(screen.pendingWrap);
        term.dispose();
      }),
      { numRuns: Number(process.env.TERM_RUNS ?? 60) },
    );
  });

  test("a command's output is on the terminal as it is written, a flood in order after it", async () => {
    const term = new Terminal({ cols: 40, rows: 6, scrollback: 50_000 });
    const { editor } = attachLineEditor(term);
    // no task in between: the next frame draws it
    editor.write('CONTAINER ID   IMAGE\nabc            alpine\n');
    expect(rows(term).slice(0, 2)).toEqual(['CONTAINER ID   IMAGE', 'abc            alpine']);
    // a flood is parsed by xterm.js in slices; what follows it waits its turn
    const flood = Array.from({ length: 40_000 }, (_, i) => `line ${i}`).join('\n');
    editor.write(`${flood}\n`);
    editor.write('after\n');
    await written(term);
    const b = term.buffer.active;
    const last = Array.from({ length: 3 }, (_, k) => b.getLine(b.baseY + b.cursorY - 3 + k)?.translateToString(true).trimEnd());
    expect(last).toEqual(['line 39998', 'line 39999', 'after']);
    // someone waiting for what was written before (an empty write with a callback) is answered,
    // and output written meanwhile is not lost
    const waited = new Promise<void>((resolve) => term.write('', resolve));
    editor.write('later\n');
    await waited;
    await written(term);
    expect(b.getLine(b.baseY + b.cursorY - 1)?.translateToString(true).trimEnd()).toBe('later');
    term.dispose();
  });
});
