import { describe, expect, test } from 'vitest';
import { KEY, setup } from './harness';

const { ctrl } = KEY;

function withHistory(cols = 60) {
  const h = setup({ cols });
  for (const l of ['docker ps', 'ls -l', 'docker run -d nginx', 'echo docker', 'docker images']) h.editor.history.add(l);
  return h;
}

describe('Ctrl-R reverse incremental search', () => {
  test('shows the search prompt, then the newest matching line with the cursor on the match', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'));
    expect(h.screen.text()).toBe("(reverse-i-search)`':");
    expect(h.screen.cursor).toEqual([0, 22]);
    h.type('run');
    expect(h.screen.text()).toBe("(reverse-i-search)`run': docker run -d nginx");
    expect(h.screen.cursor).toEqual([0, "(reverse-i-search)`run': docker ".length]);
  });

  test('each character narrows the search from the current match', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'd');
    expect(h.screen.text()).toBe("(reverse-i-search)`d': docker images");
    h.type('o', 'c', 'k', 'e', 'r', ' ', 'r');
    expect(h.screen.text()).toBe("(reverse-i-search)`docker r': docker run -d nginx");
  });

  test('Ctrl-R again finds older matches, also earlier in the same line', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'docker');
    expect(h.screen.text()).toBe("(reverse-i-search)`docker': docker images");
    h.type(ctrl('r'));
    expect(h.screen.text()).toBe("(reverse-i-search)`docker': echo docker");
    expect(h.screen.cursor).toEqual([0, "(reverse-i-search)`docker': echo ".length]);
    h.type(ctrl('r'));
    expect(h.screen.text()).toBe("(reverse-i-search)`docker': docker run -d nginx");
    h.type(ctrl('r'), ctrl('r'));
    expect(h.screen.text()).toBe("(failed reverse-i-search)`docker': docker ps");
    expect(h.screen.bells).toBe(1);
  });

  test('a search that finds nothing says so and keeps the last match', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'ls', 'x');
    expect(h.screen.text()).toBe("(failed reverse-i-search)`lsx': ls -l");
  });

  test('Enter runs the line found, shown with the normal prompt', async () => {
    const h = withHistory();
    const p = h.read();
    h.type(ctrl('r'), 'nginx', KEY.enter);
    expect(await p).toBe('docker run -d nginx');
    expect(h.screen.text()).toBe('$ docker run -d nginx\n');
  });

  test('Escape ends the search and leaves the line for editing', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'nginx', KEY.esc);
    expect(h.editor.editing).toBe(true);
    expect(h.screen.text()).toBe('$ docker run -d nginx');
    expect(h.screen.cursor).toEqual([0, 2 + 14]);
    h.type('X');
    expect(h.editor.state.line).toBe('docker run -d Xnginx');
  });

  test('an editing key ends the search and then acts on the line', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'ls', ctrl('e'), ' /tmp');
    expect(h.screen.text()).toBe('$ ls -l /tmp');
    h.type(KEY.up);
    // History moves on from the line found.
    expect(h.editor.state.line).toBe('docker ps');
  });

  test('Ctrl-G gives up the search and brings back the line as it was', () => {
    const h = withHistory();
    h.read();
    h.type('half typed', KEY.left, ctrl('r'), 'docker', ctrl('g'));
    expect(h.screen.text()).toBe('$ half typed');
    expect(h.screen.cursor).toEqual([0, 11]);
  });

  test('Backspace shortens the search string', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'ech', KEY.backspace);
    expect(h.screen.text()).toBe("(reverse-i-search)`ec': echo docker");
  });

  test('Ctrl-R with an empty search string searches for the previous string again', async () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'ls', KEY.enter);
    await h.settle();
    h.read();
    h.type(ctrl('r'), ctrl('r'));
    expect(h.screen.text().split('\n').pop()).toBe("(reverse-i-search)`ls': ls -l");
  });

  test('the line being edited is searched first, from the cursor', () => {
    const h = withHistory();
    h.read();
    h.type('ls /tmp', ctrl('r'), 'ls');
    expect(h.screen.text()).toBe("(reverse-i-search)`ls': ls /tmp");
    h.type(ctrl('r'));
    expect(h.screen.text()).toBe("(reverse-i-search)`ls': ls -l");
  });

  test('Ctrl-C abandons the search and the line', () => {
    const h = withHistory();
    h.read();
    h.type(ctrl('r'), 'ls', ctrl('c'));
    expect(h.screen.text()).toBe("(reverse-i-search)`ls': ^C -l\n$");
    expect(h.editor.state.line).toBe('');
  });

  test('Ctrl-S searches forward from where the search is', () => {
    const h = withHistory();
    h.read();
    h.type(KEY.up, KEY.up, KEY.up, KEY.up, KEY.up, ctrl('a'), ctrl('s'), 'docker');
    expect(h.screen.text()).toBe("(i-search)`docker': docker ps");
    h.type(ctrl('s'));
    expect(h.screen.text()).toBe("(i-search)`docker': docker run -d nginx");
  });
});
