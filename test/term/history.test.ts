import { describe, expect, test } from 'vitest';
import { History } from '../../src/term/history';
import { KEY, setup } from './harness';

const { ctrl, alt } = KEY;

describe('History', () => {
  test('records lines, skipping empty ones, repeats of the previous line and lines starting with a space', () => {
    const h = new History();
    expect(h.add('docker ps')).toBe(true);
    expect(h.add('docker ps')).toBe(false);
    expect(h.add(' secret --password x')).toBe(false);
    expect(h.add('   ')).toBe(false);
    expect(h.add('')).toBe(false);
    expect(h.add('ls')).toBe(true);
    expect(h.add('docker ps')).toBe(true);
    expect(h.entries()).toEqual(['docker ps', 'ls', 'docker ps']);
  });

  test('keeps at most maxSize lines (1000 by default), dropping the oldest', () => {
    const h = new History();
    for (let i = 0; i < 1005; i++) h.add(`cmd ${i}`);
    expect(h.length).toBe(1000);
    expect(h.get(0)).toBe('cmd 5');
    const small = new History([], { maxSize: 2 });
    small.add('a');
    small.add('b');
    small.add('c');
    expect(small.entries()).toEqual(['b', 'c']);
  });

  test('survives a round trip through JSON and ignores malformed data', () => {
    const h = new History(['a', 'b']);
    const saved = JSON.stringify(h);
    expect(History.from(saved).entries()).toEqual(['a', 'b']);
    expect(History.from(JSON.parse(saved)).entries()).toEqual(['a', 'b']);
    expect(History.from('not json').entries()).toEqual([]);
    expect(History.from([1, 'x', null]).entries()).toEqual(['x']);
    expect(History.from(['a', 'b', 'c'], { maxSize: 2 }).entries()).toEqual(['b', 'c']);
  });

  test('tells listeners about changes so the host can save', () => {
    const h = new History();
    let n = 0;
    const off = h.onChange(() => n++);
    h.add('a');
    h.add('a');
    h.clear();
    off();
    h.add('b');
    expect(n).toBe(2);
  });

  test('ignoredups and ignorespace can be turned off', () => {
    const h = new History([], { ignoreDups: false, ignoreSpace: false });
    h.add('a');
    h.add('a');
    h.add(' b');
    expect(h.entries()).toEqual(['a', 'a', ' b']);
  });
});

describe('history in the editor', () => {
  test('accepted lines are recorded; Up and Down walk through them', async () => {
    const h = setup();
    h.read();
    h.type('docker ps', KEY.enter);
    await h.settle();
    h.read();
    h.type('docker images', KEY.enter);
    await h.settle();
    expect(h.editor.history.entries()).toEqual(['docker ps', 'docker images']);
    h.read();
    h.type(KEY.up);
    expect(h.editor.state.line).toBe('docker images');
    h.type(KEY.up);
    expect(h.editor.state.line).toBe('docker ps');
    expect(h.screen.text().split('\n').pop()).toBe('$ docker ps');
    expect(h.screen.cursor[1]).toBe(11);
    h.type(KEY.up);
    expect(h.screen.bells).toBe(1);
    h.type(KEY.down, KEY.down);
    expect(h.editor.state.line).toBe('');
  });

  test('the line being typed is kept while browsing the history', () => {
    const h = setup();
    h.editor.history.add('docker ps');
    h.read();
    h.type('docker run -d ng', KEY.up);
    expect(h.editor.state.line).toBe('docker ps');
    h.type(KEY.down);
    expect(h.editor.state.line).toBe('docker run -d ng');
    expect(h.screen.text()).toBe('$ docker run -d ng');
  });

  test('edits to recalled lines are kept while browsing and reverted once a line is accepted', async () => {
    const h = setup();
    h.editor.history.add('one');
    h.editor.history.add('two');
    h.read();
    h.type(KEY.up, ' edited', KEY.up, KEY.down);
    expect(h.editor.state.line).toBe('two edited');
    h.type(KEY.down, 'three', KEY.enter);
    await h.settle();
    expect(h.editor.history.entries()).toEqual(['one', 'two', 'three']);
    h.read();
    h.type(KEY.up, KEY.up);
    expect(h.editor.state.line).toBe('two');
  });

  test('Ctrl-P and Ctrl-N are Up and Down; Alt-< and Alt-> go to the ends', () => {
    const h = setup();
    for (const l of ['a', 'b', 'c']) h.editor.history.add(l);
    h.read();
    h.type(ctrl('p'), ctrl('p'));
    expect(h.editor.state.line).toBe('b');
    h.type(ctrl('n'));
    expect(h.editor.state.line).toBe('c');
    h.type(alt('<'));
    expect(h.editor.state.line).toBe('a');
    h.type(alt('>'));
    expect(h.editor.state.line).toBe('');
  });

  test('a line starting with a space is run but not recorded', async () => {
    const h = setup();
    const p = h.read();
    h.type(' docker login -p secret', KEY.enter);
    expect(await p).toBe(' docker login -p secret');
    expect(h.editor.history.length).toBe(0);
  });

  test('Alt-. inserts the last argument of the previous command, again for older ones', () => {
    const h = setup();
    h.editor.history.add('docker run -d --name web nginx');
    h.editor.history.add('docker logs "my app"');
    h.read();
    h.type('docker stop ', alt('.'));
    expect(h.editor.state.line).toBe('docker stop "my app"');
    h.type(alt('.'));
    expect(h.editor.state.line).toBe('docker stop nginx');
  });

  test('Ctrl-O runs the recalled line and brings up the next one', async () => {
    const h = setup();
    for (const l of ['cd /app', 'make', 'ls']) h.editor.history.add(l);
    const p = h.read();
    h.type(KEY.up, KEY.up, KEY.up, ctrl('o'));
    expect(await p).toBe('cd /app');
    h.read();
    expect(h.editor.state.line).toBe('make');
  });

  test('Alt-R reverts a recalled line to what the history holds', () => {
    const h = setup();
    h.editor.history.add('docker ps');
    h.read();
    h.type(KEY.up, ctrl('w'), 'xx', alt('r'));
    expect(h.editor.state.line).toBe('docker ps');
  });
});
