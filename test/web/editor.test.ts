// The page's line editor hands its output to xterm.js in bursts: what is written together goes in
// one write a microtask later, before the task ends (so before the next frame); the echo of a
// key is written at once.

import { describe, expect, test } from 'vitest';
import type { Terminal } from '@xterm/xterm';
import { History } from '../../src/term';
import { pageEditor } from '../../web/editor';

function fakeTerminal() {
  const writes: string[] = [];
  const data: ((d: string) => void)[] = [];
  const term = {
    cols: 80,
    rows: 24,
    write: (s: string) => void writes.push(s),
    onData: (f: (d: string) => void) => (data.push(f), { dispose: () => data.splice(data.indexOf(f), 1) }),
    onResize: () => ({ dispose() {} }),
    type: (d: string) => data.forEach((f) => f(d)),
  };
  return { term, writes, listeners: data };
}

const endOfTask = () => new Promise<void>((r) => setTimeout(r, 0));

describe('the page editor', () => {
  test('what a command prints and the prompt after it reach the terminal in one write, before the task ends', async () => {
    const { term, writes } = fakeTerminal();
    const pe = pageEditor(term as unknown as Terminal, new History());
    let taskEnded = false;
    setTimeout(() => (taskEnded = true), 0);
    pe.editor.write('line 1\nline 2\n');
    pe.editor.write('line 3\n');
    void pe.editor.readLine('$ ');
    expect(writes).toEqual([]);
    await Promise.resolve();
    expect(taskEnded).toBe(false);
    expect(writes.length).toBe(1);
    expect(writes[0]).toContain('line 1\r\nline 2\r\nline 3\r\n');
    expect(writes[0]!.endsWith('$ ')).toBe(true);
    pe.retire();
  });

  test('the echo of a key is written at once, after what was waiting', async () => {
    const { term, writes } = fakeTerminal();
    const pe = pageEditor(term as unknown as Terminal, new History());
    void pe.editor.readLine('$ ');
    await endOfTask();
    expect(writes).toEqual(['\x1b[?2004h$ ']);
    term.type('a');
    expect(writes).toEqual(['\x1b[?2004h$ ', 'a']);
    pe.editor.write('note\n');
    term.type('b');
    // the note came first: the echo of b is written with it, in order
    expect(writes.length).toBe(3);
    expect(writes[2]!.indexOf('note')).toBeLessThan(writes[2]!.lastIndexOf('b'));
    pe.retire();
  });

  test('flush() writes now; a retired editor writes what it had, then nothing, and reads no keys', async () => {
    const { term, writes, listeners } = fakeTerminal();
    const pe = pageEditor(term as unknown as Terminal, new History());
    void pe.editor.readLine('$ ');
    pe.flush();
    expect(writes).toEqual(['\x1b[?2004h$ ']);
    pe.editor.write('bye\n');
    pe.retire();
    expect(writes.join('')).toContain('bye');
    const n = writes.length;
    pe.editor.write('after\n');
    await endOfTask();
    expect(writes.length).toBe(n);
    expect(listeners.length).toBe(0);
  });
});
