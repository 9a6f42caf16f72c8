import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { KEY, setup } from './harness';
import { Screen } from './vt';

const { ctrl, alt } = KEY;

describe('long lines at cols=20', () => {
  test('a line longer than the width wraps onto the next rows', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('docker run --rm -it alpine sh -c "echo hi"');
    expect(h.screen.text()).toBe('$ docker run --rm -i\nt alpine sh -c "echo\n hi"');
    expect(h.screen.cursor).toEqual([2, 4]);
  });

  test('cursor motions cross row boundaries', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('0123456789abcdefghijKLMNOPQRST');
    expect(h.screen.cursor).toEqual([1, 12]);
    h.type(KEY.home);
    expect(h.screen.cursor).toEqual([0, 2]);
    for (let i = 0; i < 18; i++) h.type(KEY.right);
    expect(h.screen.cursor).toEqual([1, 0]);
    h.type(KEY.left);
    expect(h.screen.cursor).toEqual([0, 19]);
    h.type(KEY.end);
    expect(h.screen.cursor).toEqual([1, 12]);
  });

  test('inserting in the first row pushes text into the next row', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('0123456789abcdefghij', KEY.home, 'XYZ');
    expect(h.screen.text()).toBe('$ XYZ0123456789abcde\nfghij');
    expect(h.screen.cursor).toEqual([0, 5]);
  });

  test('deleting pulls the text back and clears the rows left behind', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('0123456789abcdefghij0123456789abcdefghij');
    expect(h.screen.text()).toBe('$ 0123456789abcdefgh\nij0123456789abcdefgh\nij');
    h.type(KEY.home, alt('d'));
    expect(h.screen.text()).toBe('$');
    expect(h.screen.cursor).toEqual([0, 2]);
  });

  test('a line filling its row exactly puts the cursor at the start of the next row', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('0123456789abcdefgh');
    expect(h.screen.text()).toBe('$ 0123456789abcdefgh\n');
    expect(h.screen.cursor).toEqual([1, 0]);
    h.type(KEY.backspace);
    expect(h.screen.cursor).toEqual([0, 19]);
    h.type('h');
    expect(h.screen.cursor).toEqual([1, 0]);
    h.type('i');
    expect(h.screen.text()).toBe('$ 0123456789abcdefgh\ni');
    expect(h.screen.cursor).toEqual([1, 1]);
  });

  test('Enter after a line that fills its row exactly does not leave an empty row', async () => {
    const h = setup({ cols: 20 });
    const p = h.read('$ ');
    h.type('0123456789abcdefgh', KEY.home, KEY.enter);
    await p;
    h.editor.write('output\n');
    expect(h.screen.text()).toBe('$ 0123456789abcdefgh\noutput\n');
  });

  test('editing a wrapped line at the bottom of the screen scrolls correctly', () => {
    const h = setup({ cols: 20, rows: 3 });
    h.editor.write('a\nb\nc\n');
    h.read('$ ');
    h.type('0123456789abcdefghijklmnopqrstuvwxyz', KEY.home, 'X');
    expect(h.screen.screen()).toEqual(['c', '$ X0123456789abcdefg', 'hijklmnopqrstuvwxyz']);
    expect(h.screen.cursor).toEqual([1, 3]);
    h.type(ctrl('k'));
    expect(h.screen.screen()).toEqual(['c', '$ X', '']);
  });

  test('history lines of different lengths replace each other cleanly', () => {
    const h = setup({ cols: 20 });
    h.editor.history.add('docker run --name web -p 8080:80 -d nginx');
    h.editor.history.add('ls');
    h.read('$ ');
    h.type(KEY.up, KEY.up);
    expect(h.screen.text()).toBe('$ docker run --name\nweb -p 8080:80 -d ng\ninx');
    h.type(KEY.down);
    expect(h.screen.text()).toBe('$ ls');
    expect(h.screen.cursor).toEqual([0, 4]);
  });
});

describe('wide characters', () => {
  test('wide characters take two columns and the cursor moves over them whole', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('echo 你好');
    expect(h.screen.text()).toBe('$ echo 你好');
    expect(h.screen.cursor).toEqual([0, 11]);
    h.type(KEY.left);
    expect(h.screen.cursor).toEqual([0, 9]);
    h.type(KEY.backspace);
    expect(h.screen.text()).toBe('$ echo 好');
    expect(h.editor.state.line).toBe('echo 好');
  });

  test('a wide character at the right margin moves to the next row', () => {
    const h = setup({ cols: 10 });
    h.read('$ ');
    h.type('abcdefg中x');
    expect(h.screen.text()).toBe('$ abcdefg\n中x');
    expect(h.screen.cursor).toEqual([1, 3]);
    h.type(KEY.home, KEY.del);
    expect(h.screen.text()).toBe('$ bcdefg中\nx');
  });

  test('combining marks stay with their letter', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('cafe\u0301!');
    expect(h.screen.cursor).toEqual([0, 7]);
    h.type(KEY.left, KEY.left);
    expect(h.screen.cursor).toEqual([0, 5]);
    h.type(KEY.del);
    expect(h.editor.state.line).toBe('caf!');
  });

  test('a letter typed with its combining mark before an equal letter redraws as one character', () => {
    const h = setup({ cols: 20 });
    h.read('$ ');
    h.type('xe', KEY.left, 'e\u0301');
    expect(h.screen.text()).toBe('$ xe\u0301e');
    expect(h.screen.cursor).toEqual([0, 4]);
  });

  test('control characters inserted with Ctrl-V show as ^X', () => {
    const h = setup();
    h.read('$ ');
    h.type('a', ctrl('v'), ctrl('a'), 'b');
    expect(h.screen.text()).toBe('$ a^Ab');
    expect(h.editor.state.line).toBe('a\x01b');
    h.type(KEY.left, KEY.left);
    expect(h.screen.cursor).toEqual([0, 3]);
  });
});

describe('resizing', () => {
  test('after the terminal narrows, the line is redrawn for the new width', () => {
    const h = setup({ cols: 30 });
    h.read('$ ');
    h.type('0123456789abcdefghijklmnop');
    expect(h.screen.text()).toBe('$ 0123456789abcdefghijklmnop');
    h.screen.resize(10);
    h.editor.resize();
    expect(h.screen.text()).toBe('$ 01234567\n89abcdefgh\nijklmnop');
    expect(h.screen.cursor).toEqual([2, 8]);
    h.type(KEY.home);
    expect(h.screen.cursor).toEqual([0, 2]);
  });

  test('after the terminal widens, the wrapped line is joined again', () => {
    const h = setup({ cols: 10 });
    h.read('$ ');
    h.type('0123456789abcdefghijklmnop');
    h.screen.resize(40);
    h.type('!');
    expect(h.screen.text()).toBe('$ 0123456789abcdefghijklmnop!');
    expect(h.screen.cursor).toEqual([0, 29]);
  });
});

// Whatever keys were pressed, the screen must show what a fresh draw of the same prompt and
// line shows, with the cursor in the same place.
describe('incremental redraw matches a fresh draw', () => {
  const keys = fc.constantFrom(
    'a', 'b', ' ', 'xyz', '中', '文字', 'e\u0301', 'q',
    KEY.left, KEY.right, KEY.home, KEY.end, KEY.backspace, KEY.del,
    ctrl('a'), ctrl('e'), ctrl('k'), ctrl('u'), ctrl('w'), ctrl('y'), ctrl('t'),
    alt('b'), alt('f'), alt('d'), alt('\x7f'), ctrl('_'), KEY.up, KEY.down,
    alt('\t'), ctrl('v') + ctrl('a'),
  );

  test.each([7, 10, 13, 20])('cols=%i', (cols) => {
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 60 }), fc.constantFrom('$ ', '\x1b[32m>\x1b[0m ', 'long-prompt-abc$ '), (seq, prompt) => {
        const h = setup({ cols, rows: 30 });
        h.editor.history.add('for i in 1 2\ndo echo 中\ndone');
        h.editor.history.add('docker run 中文 --name web nginx');
        h.read(prompt);
        for (const k of seq) h.type(k);
        const { line, cursor } = h.editor.state;
        const fresh = setup({ cols, rows: 30 });
        fresh.editor.history.add('x');
        fresh.editor.readLine(prompt, { initial: line });
        // Put the fresh cursor where the edited one is.
        fresh.type(ctrl('a'));
        for (let i = 0; i < [...line.slice(0, cursor)].filter((c) => c !== '\u0301').length; i++) fresh.type(KEY.right);
        expect(h.screen.text()).toBe(fresh.screen.text());
        expect(h.screen.cursor).toEqual(fresh.screen.cursor);
      }),
      { numRuns: Number(process.env.TERM_RUNS ?? 150) },
    );
  });
});

test('the screen helper draws prompt and line identically from scratch', () => {
  // Sanity for the property above: the fresh draw is a plain write of prompt and text.
  const s = new Screen(10, 3);
  s.write('$ 0123456789');
  expect(s.text()).toBe('$ 01234567\n89');
});
