import { describe, expect, test } from 'vitest';
import { commonPrefix, formatColumns, type CompletionResult } from '../../src/term/completion';
import { KEY, setup } from './harness';

const { ctrl, tab } = KEY;

const SUBCOMMANDS = ['attach', 'build', 'commit', 'cp', 'create', 'diff', 'events', 'exec'];

/** Completes the last word of the line from a fixed list. */
function fromList(words: string[]) {
  return (line: string, cursor: number): CompletionResult => {
    const start = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(start, cursor);
    return { candidates: words.filter((w) => w.startsWith(word)), replaceFrom: start, replaceTo: cursor };
  };
}

describe('Tab completion', () => {
  test('a single candidate is completed with a space after it', () => {
    const h = setup({ complete: fromList(['docker', 'dd']) });
    h.read();
    h.type('doc', tab);
    expect(h.screen.text()).toBe('$ docker');
    expect(h.editor.state.line).toBe('docker ');
    expect(h.screen.cursor).toEqual([0, 9]);
    expect(h.screen.bells).toBe(0);
  });

  test('no space is added in the middle of a line, nor after a directory', () => {
    const h = setup({ complete: fromList(['docker', 'src/']) });
    h.read();
    h.type('doc x', KEY.left, KEY.left, tab);
    expect(h.editor.state.line).toBe('docker x');
    h.type(ctrl('e'), ' s', tab);
    expect(h.editor.state.line).toBe('docker x src/');
  });

  test('candidates may carry their own suffix and display text', () => {
    const h = setup({
      complete: () => ({ candidates: [{ value: 'src/term', suffix: '/', display: 'term/' }], replaceFrom: 0, replaceTo: 5 }),
    });
    h.read();
    h.type('src/t', tab);
    expect(h.editor.state.line).toBe('src/term/');
  });

  test('several candidates complete their common prefix and ring the bell', () => {
    const h = setup({ complete: fromList(['container', 'context', 'commit']) });
    h.read();
    h.type('docker con', tab);
    expect(h.editor.state.line).toBe('docker cont');
    expect(h.screen.bells).toBe(1);
  });

  test('no candidate rings the bell and changes nothing', () => {
    const h = setup({ complete: fromList(SUBCOMMANDS) });
    h.read();
    h.type('docker zz', tab);
    expect(h.editor.state.line).toBe('docker zz');
    expect(h.screen.bells).toBe(1);
  });

  test('a second Tab lists the candidates in sorted columns, then redraws the prompt and line', () => {
    const h = setup({ cols: 40, complete: fromList([...SUBCOMMANDS].reverse()) });
    h.read();
    h.type('docker ', tab);
    expect(h.screen.bells).toBe(1);
    h.type(tab);
    expect(h.screen.text()).toBe(
      ['$ docker', 'attach  commit  create  events', 'build   cp      diff    exec', '$ docker'].join('\n'),
    );
    expect(h.screen.cursor).toEqual([3, 9]);
    h.type('c', tab);
    expect(h.editor.state.line).toBe('docker c');
  });

  test('after Tab completed a prefix, it takes two more Tabs to list, as in bash', () => {
    const h = setup({ complete: fromList(['container', 'context']) });
    h.read();
    h.type('docker co', tab);
    expect(h.editor.state.line).toBe('docker cont');
    h.type(tab);
    expect(h.screen.text()).toBe('$ docker cont');
    h.type(tab);
    expect(h.screen.text()).toBe('$ docker cont\ncontainer  context\n$ docker cont');
  });

  test('the listing comes below all rows of a wrapped line', () => {
    const h = setup({ cols: 20, complete: fromList(['alpha', 'alpine']) });
    h.read();
    h.type('docker run --rm -it al', KEY.home, KEY.right, ctrl('e'), tab, tab, tab);
    expect(h.screen.text()).toBe(['$ docker run --rm -i', 't alp', 'alpha   alpine', '$ docker run --rm -i', 't alp'].join('\n'));
    expect(h.screen.cursor).toEqual([4, 5]);
  });

  test('with 100 candidates or more, bash asks first; n declines', () => {
    const many = Array.from({ length: 120 }, (_, i) => `img${String(i).padStart(3, '0')}`);
    const h = setup({ cols: 80, rows: 50, complete: fromList(many) });
    h.read();
    h.type('img', tab, tab);
    expect(h.screen.text()).toBe('$ img\nDisplay all 120 possibilities? (y or n)');
    h.type('x');
    expect(h.screen.bells).toBe(2);
    h.type('n');
    expect(h.screen.text()).toBe('$ img\nDisplay all 120 possibilities? (y or n)\n$ img');
    expect(h.screen.cursor).toEqual([2, 5]);
  });

  test('y shows them all', () => {
    const many = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
    const h = setup({ cols: 80, rows: 50, complete: fromList(many) });
    h.read();
    h.type(tab, tab, 'y');
    const rows = h.screen.text().split('\n');
    expect(rows[0]).toBe('$');
    expect(rows[1]).toBe('Display all 100 possibilities? (y or n)');
    // 4-column cells in an 80-column terminal: 19 columns (20 would fill the row exactly),
    // so 6 rows, sorted down the columns.
    expect(rows[2]).toBe(Array.from({ length: 17 }, (_, k) => String(k * 6).padStart(2, '0')).join('  '));
    expect(rows[7]).toBe(Array.from({ length: 16 }, (_, k) => String(5 + k * 6).padStart(2, '0')).join('  '));
    expect(rows.length).toBe(2 + 6 + 1);
    expect(rows[8]).toBe('$');
  });

  test('a listing taller than the screen pauses with --More--', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word-number-${String(i).padStart(2, '0')}-xxxxxxxxxx`);
    const h = setup({ cols: 40, rows: 6, complete: fromList(words) });
    h.read();
    h.type(tab, tab, tab);
    // Five rows of a six-row screen, then the pager's question.
    expect(h.screen.screen()).toEqual([
      'word-number-00-xxxxxxxxxx',
      'word-number-01-xxxxxxxxxx',
      'word-number-02-xxxxxxxxxx',
      'word-number-03-xxxxxxxxxx',
      'word-number-04-xxxxxxxxxx',
      '--More--',
    ]);
    h.type(KEY.enter);
    expect(h.screen.screen().slice(-2)).toEqual(['word-number-05-xxxxxxxxxx', '--More--']);
    h.type(' ');
    expect(h.screen.screen()).toEqual([
      'word-number-06-xxxxxxxxxx',
      'word-number-07-xxxxxxxxxx',
      'word-number-08-xxxxxxxxxx',
      'word-number-09-xxxxxxxxxx',
      'word-number-10-xxxxxxxxxx',
      '--More--',
    ]);
    h.type('q');
    expect(h.screen.screen().slice(-2)).toEqual(['word-number-10-xxxxxxxxxx', '$ word-number-']);
    expect(h.editor.editing).toBe(true);
  });

  test('a completer may answer later; keys typed meanwhile wait their turn', async () => {
    let answer: (r: CompletionResult) => void = () => {};
    const h = setup({
      complete: () =>
        new Promise<CompletionResult>((resolve) => {
          answer = resolve;
        }),
    });
    h.read();
    h.type('docker ins', tab, 'x');
    expect(h.editor.state.line).toBe('docker ins');
    answer({ candidates: ['inspect'], replaceFrom: 7, replaceTo: 10 });
    await h.settle();
    expect(h.editor.state.line).toBe('docker inspect x');
    expect(h.screen.text()).toBe('$ docker inspect x');
  });

  test('Ctrl-C while waiting for a slow completer abandons the line', async () => {
    let answer: (r: CompletionResult) => void = () => {};
    const h = setup({
      complete: () =>
        new Promise<CompletionResult>((resolve) => {
          answer = resolve;
        }),
    });
    h.read();
    h.type('docker ins', tab, ctrl('c'));
    expect(h.screen.text()).toBe('$ docker ins^C\n$');
    answer({ candidates: ['inspect'], replaceFrom: 7, replaceTo: 10 });
    await h.settle();
    expect(h.editor.state.line).toBe('');
  });

  test('a failing completer rings the bell', async () => {
    const h = setup({ complete: () => Promise.reject(new Error('boom')) });
    h.read();
    h.type('x', tab);
    await h.settle();
    expect(h.screen.bells).toBe(1);
    expect(h.editor.state.line).toBe('x');
  });

  test('Tab inside a bracketed paste is inserted, not completed', () => {
    let calls = 0;
    const h = setup({
      complete: () => {
        calls++;
        return null;
      },
    });
    h.read();
    h.type('\x1b[200~a\tb\x1b[201~');
    expect(calls).toBe(0);
    expect(h.editor.state.line).toBe('a\tb');
    expect(h.screen.text()).toBe('$ a     b');
  });
});

test('Tabs in every line of a multi-line paste are inserted', async () => {
  let calls = 0;
  const h = setup({
    complete: () => {
      calls++;
      return null;
    },
  });
  const first = h.read();
  h.type('\x1b[200~echo\ta\recho\tb\r\x1b[201~');
  expect(await first).toBe('echo\ta');
  const second = h.read();
  expect(await second).toBe('echo\tb');
  expect(calls).toBe(0);
});

describe('completion helpers', () => {
  test('common prefix', () => {
    expect(commonPrefix(['container', 'context'])).toBe('cont');
    expect(commonPrefix(['a'])).toBe('a');
    expect(commonPrefix([])).toBe('');
    expect(commonPrefix(['x', 'y'])).toBe('');
  });

  test('columns: width of the longest plus two, one fewer column when they would fill the row', () => {
    // Sorted down the columns, like ls; every column but the last is padded.
    expect(formatColumns(['aa', 'bb', 'cc', 'dd'], 16)).toEqual(['aa  cc  ', 'bb  dd  ']);
    expect(formatColumns(['aa', 'bb', 'cc', 'dd', 'ee'], 17)).toEqual(['aa  cc  ee  ', 'bb  dd  ']);
    expect(formatColumns(['a-very-long-name', 'b'], 10)).toEqual(['a-very-long-name', 'b']);
  });
});
