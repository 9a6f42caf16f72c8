// Tab completion on the host: commands, files, variables, and docker's subcommands, flags and
// the names of the World's objects where docker expects them.

import { afterEach, describe, expect, test } from 'vitest';
import { completionContext } from '../../src/shell';
import { startHost, type Host } from './harness';

let host: Host | null = null;
afterEach(() => {
  host?.stop();
  host = null;
});
const start = (...args: Parameters<typeof startHost>): Host => (host = startHost(...args));

/** Types `text`, then Tab (twice with `double`), and returns the line being edited. */
async function tab(h: Host, text: string, double = false): Promise<string> {
  await h.waitFor(/learner@docksim:~\$ /);
  h.type(text);
  h.type('\t');
  await new Promise((r) => setTimeout(r, 30));
  if (double) {
    h.type('\t');
    await new Promise((r) => setTimeout(r, 30));
  }
  await h.screen();
  return h.editor.state.line;
}

/** Abandons the line being edited. */
async function clear(h: Host): Promise<void> {
  h.type('\x03');
  await h.waitFor(/\^C\n.*\$ $/);
}

describe('Tab completion', () => {
  test('command names, files, directories after cd, variables', async () => {
    const h = start();
    await h.run('mkdir -p projects/site public && touch Dockerfile notes.txt');
    expect(await tab(h, 'doc')).toBe('docker ');
    await clear(h);
    expect(await tab(h, 'cat Dock')).toBe('cat Dockerfile ');
    await clear(h);
    expect(await tab(h, 'cd pro')).toBe('cd projects/');
    expect(await tab(h, '')).toBe('cd projects/site/');
    await clear(h);
    expect(await tab(h, 'echo $US')).toBe('echo $USER ');
    await clear(h);
    // double Tab lists: only directories for cd
    await tab(h, 'cd ', true);
    expect(h.editor.state.line).toBe('cd p');
    await tab(h, '', false);
    const screen = await h.screen();
    expect(screen).toMatch(/\$ cd p\nprojects\/ +public\/\n.*\$ cd p$/);
  });

  test('docker subcommands and flags from the CLI’s command table', async () => {
    const h = start();
    expect(await tab(h, 'docker ru')).toBe('docker run ');
    expect(await tab(h, '--na')).toBe('docker run --name ');
    await clear(h);
    expect(await tab(h, 'docker network l')).toBe('docker network ls ');
    await clear(h);
    expect(await tab(h, 'docker container pru')).toBe('docker container prune ');
    await clear(h);
    await tab(h, 'docker vo', true);
    expect(h.editor.state.line).toBe('docker volume ');
  });

  test('names from the World: containers by state, images and tags, networks, volumes', async () => {
    const h = start();
    await h.run('docker run -d --name web alpine sleep 1000 && docker run -d --name worker alpine sleep 1000 && docker create --name idle alpine', 60_000);
    await h.run('docker network create backend');
    await h.engine.json('POST', '/volumes/create', { body: { Name: 'data' } });
    expect(await tab(h, 'docker stop w')).toBe('docker stop w');
    await tab(h, '', false);
    const listing = await h.screen();
    expect(listing).toMatch(/\$ docker stop w\nweb +worker\n.*\$ docker stop w$/);
    await clear(h);
    expect(await tab(h, 'docker start ')).toBe('docker start idle ');
    await clear(h);
    expect(await tab(h, 'docker logs id')).toBe('docker logs idle ');
    await clear(h);
    expect(await tab(h, 'docker run --rm alp')).toBe('docker run --rm alpine');
    await tab(h, '', true);
    expect(await h.screen()).toMatch(/\nalpine +alpine:latest\n/);
    await clear(h);
    expect(await tab(h, 'docker network rm ba')).toBe('docker network rm backend ');
    await clear(h);
    expect(await tab(h, 'docker run --network ba')).toBe('docker run --network backend ');
    await clear(h);
    expect(await tab(h, 'docker volume inspect d')).toBe('docker volume inspect data ');
    await clear(h);
    expect(await tab(h, 'docker run -v d')).toBe('docker run -v data:');
  });
});

describe('the words completion sees', () => {
  test('the command the cursor is in, quotes, redirections', () => {
    expect(completionContext('ls; docker ps -a | grep we', 26)).toMatchObject({ words: ['grep'], current: { value: 'we', start: 24 }, commandPosition: false });
    expect(completionContext('echo "my fi', 11)).toMatchObject({ words: ['echo'], current: { value: 'my fi', quote: '"', start: 5 } });
    expect(completionContext('cat < Do', 8)).toMatchObject({ redirectTarget: true, current: { value: 'Do' } });
    expect(completionContext('FOO=1 do', 8)).toMatchObject({ commandPosition: true, current: { value: 'do' } });
    expect(completionContext('sudo do', 7)).toMatchObject({ commandPosition: true });
    expect(completionContext('echo $(do', 9)).toMatchObject({ commandPosition: true, words: [] });
    expect(completionContext('ls my\\ di', 9)).toMatchObject({ current: { value: 'my di', raw: 'my\\ di' } });
  });
});
