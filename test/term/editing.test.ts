import { describe, expect, test } from 'vitest';
import { KEY, setup } from './harness';

const { ctrl, alt } = KEY;

describe('typing and moving', () => {
  test('typed text appears after the prompt with the cursor after it', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker ps');
    expect(h.screen.text()).toBe('$ docker ps');
    expect(h.screen.cursor).toEqual([0, 11]);
  });

  test('Home then Ctrl-K kills the whole line', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker ps', KEY.home, ctrl('k'));
    expect(h.screen.text()).toBe('$');
    expect(h.screen.cursor).toEqual([0, 2]);
    expect(h.editor.state.line).toBe('');
  });

  test.each([
    ['ESC [ H', '\x1b[H', '\x1b[F'],
    ['ESC [ 1 ~', '\x1b[1~', '\x1b[4~'],
    ['ESC O H', '\x1bOH', '\x1bOF'],
    ['ESC [ 7 ~', '\x1b[7~', '\x1b[8~'],
    ['Ctrl-A / Ctrl-E', ctrl('a'), ctrl('e')],
  ])('Home and End (%s)', (_name, home, end) => {
    const h = setup();
    h.read('$ ');
    h.type('echo hi', home);
    expect(h.screen.cursor).toEqual([0, 2]);
    h.type('X');
    expect(h.screen.text()).toBe('$ Xecho hi');
    h.type(end, 'Y');
    expect(h.screen.text()).toBe('$ Xecho hiY');
    expect(h.screen.cursor).toEqual([0, 11]);
  });

  test('Left/Right and Ctrl-B/Ctrl-F move by one character; insertion happens at the cursor', () => {
    const h = setup();
    h.read('$ ');
    h.type('dockr', KEY.left);
    expect(h.screen.cursor).toEqual([0, 6]);
    h.type('e');
    expect(h.screen.text()).toBe('$ docker');
    expect(h.screen.cursor).toEqual([0, 7]);
    h.type(ctrl('b'), ctrl('b'), ctrl('f'));
    expect(h.screen.cursor).toEqual([0, 6]);
    h.type(KEY.right, KEY.right);
    expect(h.screen.cursor).toEqual([0, 8]);
  });

  test('Right at the end and Left at the start ring the bell and stay', () => {
    const h = setup();
    h.read('$ ');
    h.type('ab', KEY.right);
    expect(h.screen.bells).toBe(1);
    h.type(KEY.home, KEY.left);
    expect(h.screen.bells).toBe(2);
    expect(h.screen.cursor).toEqual([0, 2]);
  });

  test('Alt-B and Alt-F move over words of letters and digits', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker run my_app:v2');
    h.type(alt('b'));
    expect(h.screen.cursor).toEqual([0, 20]); // before "v2"
    h.type(alt('b'));
    expect(h.screen.cursor).toEqual([0, 16]); // before "app"
    h.type(alt('b'), alt('b'));
    expect(h.screen.cursor).toEqual([0, 9]); // before "run"
    h.type(alt('f'));
    expect(h.screen.cursor).toEqual([0, 12]); // after "run"
    h.type(alt('F')); // Alt-Shift-F acts like Alt-F
    expect(h.screen.cursor).toEqual([0, 15]); // after "my"
  });

  test('Ctrl-Left and Ctrl-Right move by words as well', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker image ls', '\x1b[1;5D', '\x1b[1;5D');
    expect(h.screen.cursor).toEqual([0, 9]);
    h.type('\x1b[1;5C');
    expect(h.screen.cursor).toEqual([0, 14]);
  });
});

describe('deleting and killing', () => {
  test('Backspace deletes before the cursor, Delete and Ctrl-D under it', () => {
    const h = setup();
    h.read('$ ');
    h.type('dockerr', KEY.backspace);
    expect(h.screen.text()).toBe('$ docker');
    h.type(KEY.home, KEY.del);
    expect(h.screen.text()).toBe('$ ocker');
    h.type(ctrl('d'));
    expect(h.screen.text()).toBe('$ cker');
    expect(h.screen.cursor).toEqual([0, 2]);
    expect(h.results).toEqual([]);
  });

  test('Ctrl-U kills back to the start, Ctrl-Y yanks it back', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker ps -a', KEY.left, KEY.left, KEY.left);
    h.type(ctrl('u'));
    expect(h.screen.text()).toBe('$  -a');
    expect(h.screen.cursor).toEqual([0, 2]);
    h.type(KEY.end, ctrl('y'));
    expect(h.screen.text()).toBe('$  -adocker ps');
  });

  test('Ctrl-W kills the previous whitespace-delimited word; consecutive kills yank together', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker run --rm -it alpine  ');
    h.type(ctrl('w'));
    expect(h.screen.text()).toBe('$ docker run --rm -it');
    h.type(ctrl('w'));
    expect(h.screen.text()).toBe('$ docker run --rm');
    h.type(ctrl('y'));
    expect(h.screen.text()).toBe('$ docker run --rm -it alpine');
  });

  test('Alt-D kills the next word, Alt-Backspace the previous one', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker container ls', KEY.home, alt('d'));
    expect(h.screen.text()).toBe('$  container ls');
    h.type(KEY.end, alt('\x7f'));
    expect(h.screen.text()).toBe('$  container');
  });

  test('Alt-Y cycles through earlier kills after Ctrl-Y', () => {
    const h = setup();
    h.read('$ ');
    h.type('one', ctrl('u'), 'two', ctrl('u'));
    h.type(ctrl('y'));
    expect(h.screen.text()).toBe('$ two');
    h.type(alt('y'));
    expect(h.screen.text()).toBe('$ one');
  });

  test('Ctrl-T transposes the characters around the cursor', () => {
    const h = setup();
    h.read('$ ');
    h.type('dokcer', KEY.left, KEY.left, KEY.left, ctrl('t'));
    expect(h.screen.text()).toBe('$ docker');
    expect(h.screen.cursor).toEqual([0, 6]);
    h.type(KEY.end, ctrl('t'));
    expect(h.screen.text()).toBe('$ dockre');
  });

  test('Ctrl-_ undoes the last change', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker ps', ctrl('w'));
    expect(h.screen.text()).toBe('$ docker');
    h.type(ctrl('_'));
    expect(h.screen.text()).toBe('$ docker ps');
  });
});

describe('ending a line', () => {
  test('Enter returns the line and moves to a fresh row', async () => {
    const h = setup();
    const p = h.read('$ ');
    h.type('docker ps', KEY.left, KEY.left, KEY.enter);
    expect(await p).toBe('docker ps');
    expect(h.screen.cursor).toEqual([1, 0]);
    expect(h.editor.editing).toBe(false);
  });

  test('Ctrl-D on an empty line is end of input and prints nothing', async () => {
    const h = setup();
    const p = h.read('$ ');
    h.type(ctrl('d'));
    expect(await p).toBeNull();
    expect(h.screen.text()).toBe('$');
    expect(h.screen.cursor).toEqual([0, 2]);
  });

  test('Ctrl-D after Ctrl-D emptied the line is not end of input', () => {
    const h = setup();
    h.read('$ ');
    h.type('a', KEY.home, ctrl('d'), ctrl('d'));
    expect(h.editor.editing).toBe(true);
    expect(h.screen.bells).toBe(1);
  });

  test('Ctrl-C abandons the line: ^C, a new row, a fresh prompt', async () => {
    const h = setup();
    let cancels = 0;
    h.editor.configure({
      onCancel: () => {
        cancels++;
      },
    });
    h.read('$ ');
    h.type('docker ps', ctrl('c'));
    expect(h.screen.text()).toBe('$ docker ps^C\n$');
    expect(h.screen.cursor).toEqual([1, 2]);
    expect(h.editor.state.line).toBe('');
    expect(cancels).toBe(1);
    h.type('ls', KEY.enter);
    await h.settle();
    expect(h.results).toEqual(['ls']);
  });

  test('Ctrl-C mid-line writes ^C where the cursor is, as bash does', () => {
    const h = setup();
    h.read('$ ');
    h.type('echo hello', KEY.left, KEY.left, KEY.left, ctrl('c'));
    expect(h.screen.text()).toBe('$ echo he^Co\n$');
  });

  test('onCancel may give the next prompt', () => {
    const h = setup({ onCancel: () => '130$ ' });
    h.read('$ ');
    h.type('x', ctrl('c'));
    expect(h.screen.text()).toBe('$ x^C\n130$');
  });

  test('Ctrl-L clears the screen and redraws the prompt and the line', () => {
    const h = setup();
    h.editor.write('some output\nmore\n');
    h.read('$ ');
    h.type('docker ps', KEY.left, ctrl('l'));
    expect(h.screen.text()).toBe('$ docker ps');
    expect(h.screen.cursor).toEqual([0, 10]);
  });

  test('the prompt may contain colours; only visible characters count', () => {
    const h = setup({ cols: 20 });
    h.read('\x1b[1;32muser@host\x1b[0m:\x1b[34m~\x1b[0m$ ');
    h.type('abc');
    expect(h.screen.text()).toBe('user@host:~$ abc');
    expect(h.screen.cursor).toEqual([0, 16]);
    h.type(KEY.home);
    expect(h.screen.cursor).toEqual([0, 13]);
    h.type('0123456789');
    expect(h.screen.text()).toBe('user@host:~$ 0123456\n789abc');
    expect(h.screen.cursor).toEqual([1, 3]);
  });

  test("readline's \\001 \\002 markers hide what they enclose", () => {
    const h = setup();
    h.read('\x01\x1b[31m\x02#\x01\x1b[0m\x02 ');
    h.type('x');
    expect(h.screen.text()).toBe('# x');
    expect(h.screen.cursor).toEqual([0, 3]);
  });

  test('a multi-line prompt prints its first lines once; editing happens on the last', () => {
    const h = setup();
    h.read('[~/src]\n$ ');
    h.type('abc', KEY.home, 'X');
    expect(h.screen.text()).toBe('[~/src]\n$ Xabc');
    expect(h.screen.cursor).toEqual([1, 3]);
    h.type(ctrl('l'));
    expect(h.screen.text()).toBe('[~/src]\n$ Xabc');
  });

  test('the prompt starts where previous output left the cursor', () => {
    const h = setup({ cols: 10 });
    h.editor.write('hello');
    h.read('$ ');
    h.type('abcdef');
    expect(h.screen.text()).toBe('hello$ abc\ndef');
    h.type(KEY.home);
    expect(h.screen.cursor).toEqual([0, 7]);
  });

  test('output written while editing appears above the prompt, which is redrawn', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker ps', KEY.left);
    h.editor.write('[1]+  Done  sleep 1\n');
    expect(h.screen.text()).toBe('[1]+  Done  sleep 1\n$ docker ps');
    expect(h.screen.cursor).toEqual([1, 10]);
  });
});

describe('more readline commands', () => {
  test('Alt-U, Alt-L and Alt-C change the case of the next word', () => {
    const h = setup();
    h.read('$ ');
    h.type('echo hello WORLD again', KEY.home, alt('f'), alt('u'));
    expect(h.editor.state.line).toBe('echo HELLO WORLD again');
    h.type(alt('l'));
    expect(h.editor.state.line).toBe('echo HELLO world again');
    h.type(alt('c'));
    expect(h.editor.state.line).toBe('echo HELLO world Again');
  });

  test('Alt-# comments the line out and runs it', async () => {
    const h = setup();
    const p = h.read('$ ');
    h.type('rm -rf /', alt('#'));
    expect(await p).toBe('#rm -rf /');
  });

  test('Alt-\\ deletes the spaces around the cursor; Alt-Tab inserts a tab', () => {
    const h = setup();
    h.read('$ ');
    h.type('a    b', KEY.left, KEY.left, alt('\\'));
    expect(h.editor.state.line).toBe('ab');
    h.type(alt('\t'));
    expect(h.editor.state.line).toBe('a\tb');
    expect(h.screen.text()).toBe('$ a     b');
  });

  test('Ctrl-X Ctrl-U undoes, like Ctrl-_; typing is undone in runs', () => {
    const h = setup();
    h.read('$ ');
    h.type('docker', ' ', 'p', 's', ctrl('x'), ctrl('u'));
    expect(h.editor.state.line).toBe('');
    h.type('x', KEY.backspace, ctrl('_'));
    expect(h.editor.state.line).toBe('x');
  });

  test('Alt-? lists completions at once', () => {
    const h = setup({
      complete: () => ({ candidates: ['ps', 'pull', 'push'], replaceFrom: 7, replaceTo: 8 }),
    });
    h.read('$ ');
    h.type('docker p', alt('?'));
    expect(h.screen.text()).toBe('$ docker p\nps    pull  push\n$ docker p');
  });

  test('Ctrl-J accepts the line like Enter', async () => {
    const h = setup();
    const p = h.read('$ ');
    h.type('ls', ctrl('j'));
    expect(await p).toBe('ls');
  });

  test('Escape then a letter is Alt-letter, even in separate chunks', () => {
    const h = setup();
    h.read('$ ');
    h.type('one two', KEY.esc);
    h.type('b');
    expect(h.screen.cursor).toEqual([0, 6]);
  });

  test('unknown keys and function keys are ignored', () => {
    const h = setup();
    h.read('$ ');
    h.type('ab', '\x1b[15~', '\x1bOP', '\x1b[2~', '\x1b[Z');
    expect(h.screen.text()).toBe('$ ab');
  });
});
