import { describe, expect, test } from 'vitest';
import type { LineEditor } from '../../src/term/editor';
import { KEY, setup, type Harness } from './harness';

const { ctrl } = KEY;

/**
 * A tiny host: reads commands and "runs" them. `echo X` prints X; `sleep` waits until the
 * test calls the returned finish function for it.
 */
function host(h: Harness) {
  const ran: string[] = [];
  const waiting: (() => void)[] = [];
  let stopped = false;
  const loop = async (editor: LineEditor): Promise<void> => {
    while (!stopped) {
      const line = await editor.readLine('$ ');
      if (line === null) {
        editor.write('exit\n');
        return;
      }
      ran.push(line);
      const [cmd, ...args] = line.trim().split(/\s+/);
      if (cmd === 'echo') editor.write(args.join(' ') + '\n');
      if (cmd === 'sleep') await new Promise<void>((resolve) => waiting.push(resolve));
      if (cmd === 'cat') {
        for (;;) {
          const input = await editor.readInput();
          if (input === null) break;
          editor.write(input);
        }
      }
    }
  };
  const done = loop(h.editor);
  return {
    ran,
    done,
    /** Lets the oldest running sleep finish. */
    finish: async () => {
      waiting.shift()?.();
      await h.settle();
    },
    stop: () => {
      stopped = true;
    },
  };
}

describe('pasting several lines', () => {
  test('each pasted line runs in turn, after the previous command finished', async () => {
    const h = setup();
    const sh = host(h);
    h.type('\x1b[200~echo one\recho two\recho three\r\x1b[201~');
    await h.settle();
    expect(sh.ran).toEqual(['echo one', 'echo two', 'echo three']);
    expect(h.screen.text()).toBe('$ echo one\none\n$ echo two\ntwo\n$ echo three\nthree\n$');
  });

  test('a paste without brackets behaves the same', async () => {
    const h = setup();
    const sh = host(h);
    h.type('echo a\recho b\r');
    await h.settle();
    expect(sh.ran).toEqual(['echo a', 'echo b']);
    expect(h.screen.text()).toBe('$ echo a\na\n$ echo b\nb\n$');
  });

  test('lines pasted while a command runs wait for it, without being shown twice', async () => {
    const h = setup();
    const sh = host(h);
    h.type('sleep 1\recho after\r');
    await h.settle();
    expect(sh.ran).toEqual(['sleep 1']);
    expect(h.screen.text()).toBe('$ sleep 1\n');
    await sh.finish();
    expect(sh.ran).toEqual(['sleep 1', 'echo after']);
    expect(h.screen.text()).toBe('$ sleep 1\n$ echo after\nafter\n$');
  });

  test('the last pasted line without a newline stays on the prompt for editing', async () => {
    const h = setup();
    const sh = host(h);
    h.type('\x1b[200~echo one\recho tw\x1b[201~');
    await h.settle();
    expect(sh.ran).toEqual(['echo one']);
    expect(h.screen.text()).toBe('$ echo one\none\n$ echo tw');
    h.type('o', KEY.enter);
    await h.settle();
    expect(sh.ran).toEqual(['echo one', 'echo two']);
  });
});

describe('typing while a command runs (type-ahead)', () => {
  test('typed text is echoed at once and becomes the next command line, as in bash', async () => {
    const h = setup();
    const sh = host(h);
    h.type('sleep 5', KEY.enter);
    await h.settle();
    h.type('e', 'c', 'h', 'o', ' ', 'x', KEY.enter);
    expect(h.screen.text()).toBe('$ sleep 5\necho x\n');
    await sh.finish();
    expect(sh.ran).toEqual(['sleep 5', 'echo x']);
    expect(h.screen.text()).toBe('$ sleep 5\necho x\n$ echo x\nx\n$');
  });

  test('an unfinished type-ahead line is waiting on the next prompt', async () => {
    const h = setup();
    const sh = host(h);
    h.type('sleep 5', KEY.enter);
    await h.settle();
    h.type('docker p', KEY.backspace, 'ps');
    expect(h.screen.text()).toBe('$ sleep 5\ndocker ps');
    await sh.finish();
    // bash prints the prompt where the echo left the cursor, then the line again.
    expect(h.screen.text()).toBe('$ sleep 5\ndocker ps$ docker ps');
    expect(h.editor.state.line).toBe('docker ps');
  });

  test('arrow keys typed ahead act at the next prompt', async () => {
    const h = setup();
    const sh = host(h);
    h.type('sleep 5', KEY.enter);
    await h.settle();
    h.type(KEY.up);
    expect(h.screen.text()).toBe('$ sleep 5\n^[[A');
    await sh.finish();
    expect(h.editor.state.line).toBe('sleep 5');
  });

  test('Ctrl-C while a command runs is reported to the host and discards type-ahead', async () => {
    const signals: string[] = [];
    const h = setup({ onSignal: (s) => signals.push(s) });
    const sh = host(h);
    h.type('sleep 5', KEY.enter);
    await h.settle();
    h.type('echo lost', KEY.enter, 'more', ctrl('c'));
    expect(signals).toEqual(['SIGINT']);
    expect(h.screen.text()).toBe('$ sleep 5\necho lost\nmore^C');
    h.editor.write('\n');
    await sh.finish();
    expect(sh.ran).toEqual(['sleep 5']);
    expect(h.screen.text()).toBe('$ sleep 5\necho lost\nmore^C\n$');
    h.type(ctrl('\\'), ctrl('z'));
    expect(signals).toEqual(['SIGINT']);
  });

  test('Ctrl-\\ and Ctrl-Z while a command runs are SIGQUIT and SIGTSTP', async () => {
    const signals: string[] = [];
    const h = setup({ onSignal: (s) => signals.push(s) });
    host(h);
    h.type('sleep 5', KEY.enter);
    await h.settle();
    h.type(ctrl('\\'), ctrl('z'));
    expect(signals).toEqual(['SIGQUIT', 'SIGTSTP']);
    expect(h.screen.text()).toBe('$ sleep 5\n^\\^Z');
  });
});

describe('commands reading the terminal', () => {
  test('readInput returns lines as they are completed, null after Ctrl-D', async () => {
    const h = setup();
    const sh = host(h);
    h.type('cat', KEY.enter);
    await h.settle();
    h.type('hello', KEY.enter);
    await h.settle();
    expect(h.screen.text()).toBe('$ cat\nhello\nhello\n');
    h.type('abc', KEY.backspace, 'd', KEY.enter, ctrl('d'));
    await h.settle();
    expect(sh.ran).toEqual(['cat']);
    expect(h.screen.text()).toBe('$ cat\nhello\nhello\nabd\nabd\n$');
  });

  test('without echo (a password), nothing typed is shown', async () => {
    const h = setup();
    h.editor.echo = false;
    const p = h.editor.readInput();
    h.type('s3cret', KEY.enter);
    expect(await p).toBe('s3cret\n');
    expect(h.screen.text()).toBe('');
    h.editor.echo = true;
  });

  test('lines typed before the command reads are waiting for it; takeInput drains them', async () => {
    const h = setup();
    h.type('one', KEY.enter, 'two', KEY.enter, 'thr');
    expect(h.editor.takeInput()).toBe('one\ntwo\n');
    const p = h.editor.readInput();
    h.type('ee', KEY.enter);
    expect(await p).toBe('three\n');
  });

  test('a read can be abandoned with an AbortSignal', async () => {
    const h = setup();
    const ac = new AbortController();
    const p = h.editor.readInput({ signal: ac.signal });
    ac.abort(new Error('interrupted'));
    await expect(p).rejects.toThrow('interrupted');
    h.type('x', KEY.enter);
    expect(await h.editor.readInput()).toBe('x\n');
  });
});

describe('raw mode', () => {
  test('every chunk goes straight to the handler, without echo', () => {
    const h = setup();
    const got: string[] = [];
    h.editor.setRawMode((d) => got.push(d));
    h.type('ls\r', ctrl('c'), ctrl('p'), ctrl('q'), '\x1b[A');
    expect(got).toEqual(['ls\r', '\x03', '\x10', '\x11', '\x1b[A']);
    expect(h.screen.text()).toBe('');
    expect(h.editor.raw).toBe(true);
    h.editor.setRawMode(null);
    expect(h.editor.raw).toBe(false);
  });

  test('type-ahead is delivered first; output is written as it is', () => {
    const h = setup();
    h.type('x');
    const got: string[] = [];
    h.editor.setRawMode((d) => got.push(d));
    expect(got).toEqual(['x']);
    h.editor.write('a\nb');
    expect(h.screen.text()).toBe('xa\n  b');
  });

  test('a line cannot be read in raw mode', async () => {
    const h = setup();
    h.editor.setRawMode(() => {});
    await expect(h.editor.readLine('$ ')).rejects.toThrow(/raw mode/);
  });
});

describe('commands over several lines', () => {
  const quotesBalanced = (text: string): boolean => (text.match(/"/g) ?? []).length % 2 === 0;

  test('an incomplete command asks for more with "> " and returns all lines', async () => {
    const h = setup({ isComplete: quotesBalanced });
    const p = h.read();
    h.type('echo "one', KEY.enter);
    expect(h.screen.text()).toBe('$ echo "one\n>');
    h.type('two"', KEY.enter);
    expect(await p).toBe('echo "one\ntwo"');
    expect(h.screen.text()).toBe('$ echo "one\n> two"\n');
    expect(h.editor.history.entries()).toEqual(['echo "one\ntwo"']);
  });

  test('a multi-line command recalled from history shows on several rows and can be run again', async () => {
    const h = setup({ isComplete: quotesBalanced });
    h.editor.history.add('for i in 1 2\ndo echo $i\ndone');
    const p = h.read();
    h.type(KEY.up);
    expect(h.screen.text()).toBe('$ for i in 1 2\ndo echo $i\ndone');
    expect(h.screen.cursor).toEqual([2, 4]);
    h.type(ctrl('a'));
    expect(h.screen.cursor).toEqual([0, 2]);
    h.type(KEY.down);
    expect(h.screen.text()).toBe('$');
    h.type(KEY.up, KEY.enter);
    expect(await p).toBe('for i in 1 2\ndo echo $i\ndone');
  });

  test('the host decides how a multi-line command is recorded', async () => {
    const h = setup({ isComplete: quotesBalanced, historyEntry: (lines) => lines.join('; ') });
    const p = h.read();
    h.type('echo "a', KEY.enter, 'b"', KEY.enter);
    await p;
    expect(h.editor.history.entries()).toEqual(['echo "a; b"']);
  });

  test('Ctrl-C abandons the whole command', async () => {
    const h = setup({ isComplete: quotesBalanced });
    h.read();
    h.type('echo "a', KEY.enter, 'b', ctrl('c'));
    expect(h.screen.text()).toBe('$ echo "a\n> b^C\n$');
    h.type('echo ok', KEY.enter);
    await h.settle();
    expect(h.results).toEqual(['echo ok']);
  });

  test('Ctrl-D on an empty continuation line returns the unfinished text for the shell to report', async () => {
    const h = setup({ isComplete: quotesBalanced });
    const p = h.read();
    h.type('echo "a', KEY.enter, ctrl('d'));
    expect(await p).toBe('echo "a');
  });

  test('the continuation prompt can be set per read', async () => {
    const h = setup({ isComplete: quotesBalanced });
    const p = h.editor.readLine('$ ', { continuationPrompt: 'cont> ' });
    h.type('echo "a', KEY.enter);
    expect(h.screen.text()).toBe('$ echo "a\ncont>');
    h.type('"', KEY.enter);
    await p;
  });
});

describe('end of input', () => {
  test('the host prints exit after Ctrl-D, on the prompt line', async () => {
    const h = setup();
    const sh = host(h);
    h.type(ctrl('d'));
    await sh.done;
    expect(h.screen.text()).toBe('$ exit\n');
  });
});
