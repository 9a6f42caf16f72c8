// The picture's test page: a World in the page, its Engine API, buttons that send what docker
// commands send, and the picture mounted lazily beside them (in a tab on phones). Browser tests
// drive it through window.docksimDemo.

import { createEngineApi } from '../../../src/api/app';
import { RealtimeDriver } from '../../../src/clock/realtime';
import { createWorld } from '../../../src/sim/engine';
import { mountPictureLazy } from '../lazy';
import { worldSource } from '../world-source';

const world = createWorld({ seed: 'picture-demo' });
const clock = new RealtimeDriver(world);
const api = createEngineApi(world, { sync: () => clock.sync() });
const log = document.querySelector('.log') as HTMLElement;

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await api.fetch(new Request(`http://docker/v1.50${path}`, init));
  return { status: res.status, text: await res.text() };
}

function say(line: string): void {
  log.textContent += `${line}\n`;
  log.scrollTop = log.scrollHeight;
}

async function must(method: string, path: string, body?: unknown): Promise<string> {
  const r = await call(method, path, body);
  if (r.status >= 400) throw new Error(JSON.parse(r.text).message ?? r.text);
  return r.text;
}

const id = async (name: string) => (JSON.parse(await must('GET', `/containers/${name}/json`)) as { Id: string }).Id;

/** What a few docker commands send, as Engine API requests. */
const COMMANDS: Record<string, () => Promise<string>> = {
  'docker pull alpine': async () => {
    await must('POST', '/images/create?fromImage=alpine&tag=latest');
    return 'Status: Downloaded newer image for alpine:latest';
  },
  'docker pull nginx:alpine': async () => {
    await must('POST', '/images/create?fromImage=nginx&tag=alpine');
    return 'Status: Downloaded newer image for nginx:alpine';
  },
  'docker run -d --name web alpine sleep 1000': async () => {
    const c = JSON.parse(await must('POST', '/containers/create?name=web', { Image: 'alpine', Cmd: ['sleep', '1000'] })) as { Id: string };
    await must('POST', `/containers/${c.Id}/start`);
    return c.Id;
  },
  'docker run --name hi alpine echo hi': async () => {
    const c = JSON.parse(await must('POST', '/containers/create?name=hi', { Image: 'alpine', Cmd: ['echo', 'hi'] })) as { Id: string };
    await must('POST', `/containers/${c.Id}/start`);
    return 'hi';
  },
  'docker volume create data': async () => {
    await must('POST', '/volumes/create', { Name: 'data' });
    return 'data';
  },
  'docker network create app': async () => {
    await must('POST', '/networks/create', { Name: 'app' });
    return 'app';
  },
  'docker run -d --name db --network app -v data:/data alpine sleep 1000': async () => {
    const c = JSON.parse(
      await must('POST', '/containers/create?name=db', { Image: 'alpine', Cmd: ['sleep', '1000'], HostConfig: { NetworkMode: 'app', Binds: ['data:/data'] } }),
    ) as { Id: string };
    await must('POST', `/containers/${c.Id}/start`);
    return c.Id;
  },
  'docker pause web': async () => {
    await must('POST', `/containers/${await id('web')}/pause`);
    return 'web';
  },
  'docker unpause web': async () => {
    await must('POST', `/containers/${await id('web')}/unpause`);
    return 'web';
  },
  'docker kill web': async () => {
    await must('POST', `/containers/${await id('web')}/kill`);
    return 'web';
  },
  'docker rm -f web': async () => {
    await must('DELETE', `/containers/${await id('web')}?force=1`);
    return 'web';
  },
};

/** The same commands for other names: docker run -d --name X alpine sleep N, docker pause X, … */
function commandFor(line: string): (() => Promise<string>) | undefined {
  if (COMMANDS[line]) return COMMANDS[line];
  let m = /^docker run -d --name (\S+) alpine (.+)$/.exec(line);
  if (m) {
    const [, name, cmd] = m;
    return async () => {
      const c = JSON.parse(await must('POST', `/containers/create?name=${name}`, { Image: 'alpine', Cmd: cmd!.split(' ') })) as { Id: string };
      await must('POST', `/containers/${c.Id}/start`);
      return c.Id;
    };
  }
  m = /^docker (pause|unpause|kill|stop) (\S+)$/.exec(line);
  if (m) {
    const [, verb, name] = m;
    return async () => {
      await must('POST', `/containers/${await id(name!)}/${verb}`);
      return name!;
    };
  }
  m = /^docker rm -f (\S+)$/.exec(line);
  if (m) {
    const name = m[1]!;
    return async () => {
      await must('DELETE', `/containers/${await id(name)}?force=1`);
      return name;
    };
  }
  return undefined;
}

async function run(line: string): Promise<string> {
  const f = commandFor(line);
  if (!f) throw new Error(`unknown command: ${line}`);
  say(`$ ${line}`);
  picture.command(line);
  try {
    const out = await f();
    say(out);
    return out;
  } catch (e) {
    const msg = `Error response from daemon: ${(e as Error).message}`;
    say(msg);
    throw new Error(msg);
  }
}

const cmds = document.querySelector('.cmds') as HTMLElement;
for (const line of Object.keys(COMMANDS)) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = line;
  b.addEventListener('click', () => void run(line).catch(() => {}));
  cmds.appendChild(b);
}

// Tabs for narrow screens: the commands and the picture take turns, neither is lost.
const tabs = [...document.querySelectorAll<HTMLButtonElement>('.tabs [role="tab"]')];
function showTab(which: string): void {
  const narrow = matchMedia('(max-width: 760px)').matches;
  for (const t of tabs) {
    const on = t.getAttribute('aria-controls') === which;
    t.setAttribute('aria-selected', String(on));
    const panel = document.getElementById(t.getAttribute('aria-controls')!)!;
    panel.hidden = narrow && !on;
  }
}
for (const t of tabs) t.addEventListener('click', () => showTab(t.getAttribute('aria-controls')!));
matchMedia('(max-width: 760px)').addEventListener('change', () => showTab(tabs.find((t) => t.getAttribute('aria-selected') === 'true')!.getAttribute('aria-controls')!));
showTab(new URLSearchParams(location.search).get('tab') ?? 'term');

const picture = mountPictureLazy(document.getElementById('pic')!, () => worldSource(world));

declare global {
  interface Window {
    docksimDemo: {
      run: typeof run;
      call: typeof call;
      showTab: typeof showTab;
      picture: typeof picture;
      world: typeof world;
    };
  }
}
window.docksimDemo = { run, call, showTab, picture, world };
