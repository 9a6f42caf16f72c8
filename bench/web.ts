// The playground in headless Chromium on loopback (the built site from a static server, fresh
// profiles so the cache is cold):
//   web.first_prompt_ms        navigation start → a prompt on the screen that takes keys: index.html's
//                              own (first contentful paint; keys typed there are echoed and handed
//                              to the line editor), or the terminal's when there is none
//   web.terminal_prompt_ms     navigation start → xterm.js's prompt drawn, the line editor reading
//   web.js_gzip_kb             JavaScript fetched before that prompt, gzipped
//   web.world_ready_ms         navigation start → the World, its API and the shell ready (the
//                              first command runs; keys typed before wait for it)
//   web.keystroke_echo_p99_ms  a key pressed → its echo drawn (xterm's rows change), without the
//                              wait for the display's next frame (see keystrokes)
//   web.keystroke_echo_with_frame_wait_p99_ms   the same with that wait (up to 16.7 ms at 60 Hz)
//   web.keystroke_echo_missed_frames            echoes that were not drawn by the first frame
//                              after they were ready (of 200 keys)
//   web.ps1000_render_ms       Enter on `docker ps` over 1,000 running containers → the prompt
//                              after the last line drawn
// Skips (no figures) without Debian's chromium.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildSite, HAVE_CHROMIUM, launch, PLAYGROUND, ready, serve, waitScreen } from '../test/e2e/browser';
import type { Figure } from './engine';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Installed before any page script: records when the first prompt is on the screen. */
const PROMPT_PROBE = `
(() => {
  document.addEventListener('DOMContentLoaded', () => { window.__bootPrompt = !!document.getElementById('boot-keys') && !!window.__boot; });
  const seen = () => {
    const rows = document.querySelector('.xterm-rows');
    if (!rows || !rows.textContent.includes('learner@docksim:~$')) return false;
    const ta = document.querySelector('.xterm-helper-textarea');
    if (document.activeElement !== ta) return false;
    window.__firstPrompt = performance.now();
    return true;
  };
  const obs = new MutationObserver(() => { if (seen()) obs.disconnect(); });
  obs.observe(document, { subtree: true, childList: true, characterData: true });
})();
`;

async function firstPrompt(url: string): Promise<{ ms: number; terminal: number; ready: number; scripts: string[] }> {
  const b = await launch();
  try {
    await b.context.addInitScript(PROMPT_PROBE);
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __firstPrompt?: number }).__firstPrompt !== undefined, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => (window as unknown as { __docksim?: unknown }).__docksim !== undefined, undefined, { timeout: 30_000 });
    const ready = await page.evaluate(async () => {
      const h = (window as unknown as { __docksim: { ready: Promise<void>; readyAt: number } }).__docksim;
      await h.ready;
      return h.readyAt;
    });
    const r = await page.evaluate(() => {
      const w = window as unknown as { __firstPrompt: number; __bootPrompt?: boolean };
      const t = w.__firstPrompt;
      const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime;
      const first = w.__bootPrompt && fcp !== undefined ? Math.min(fcp, t) : t;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < t && /\.m?js(\?|$)/.test(e.name))
        .map((e) => new URL(e.name).pathname);
      return { ms: first, terminal: t, scripts };
    });
    return { ...r, ready };
  } finally {
    await b.close();
  }
}

interface Echo {
  /** key → echo drawn, not counting the wait for the display's next frame (see keystrokes) */
  echo: number;
  /** key → echo drawn */
  drawn: number;
  /** the echo was not drawn by the first frame after it was ready */
  missed: boolean;
}

/**
 * Presses keys one at a time and times each echo: its keydown; the moment xterm.js has parsed
 * it (the cursor moved: it is ready to draw); the frame that draws it (its start,
 * document.timeline.currentTime) and the moment the rows change. The display draws frames at
 * its own pace (60 Hz here), and an echo ready between two waits for the next one, up to a
 * frame, which no page can shorten; `echo` leaves that wait out: the time until ready plus the
 * time the frame took to draw it. An echo not drawn by the first frame after it was ready
 * counts whole, wait included (`missed`). `drawn` is the time with the wait.
 */
async function keystrokes(page: Page, text: string): Promise<Echo[]> {
  await page.evaluate(() => {
    type Key = { down: number; want: number; ready: number };
    type Echo = { echo: number; drawn: number; missed: boolean };
    const w = window as unknown as { __echo: Echo[]; __docksim: { term: { onCursorMove(f: () => void): unknown } } };
    const rows = document.querySelector('.xterm-rows')!;
    const length = () => (rows.textContent ?? '').replace(/[\s\u00a0]+$/, '').length;
    // each frame: its start and when its callbacks ran
    const frames: { start: number; ran: number }[] = [];
    const tick = (start: number) => {
      frames.push({ start, ran: performance.now() });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    let key: Key | null = null;
    w.__echo = [];
    document.addEventListener('keydown', () => (key = { down: performance.now(), want: length() + 1, ready: 0 }), true);
    w.__docksim.term.onCursorMove(() => {
      if (key && !key.ready) key.ready = performance.now();
    });
    new MutationObserver(() => {
      if (!key || length() < key.want) return;
      const drawn = performance.now();
      const frame = Number(document.timeline.currentTime);
      const ready = key.ready || drawn;
      // an earlier frame ran its callbacks after the echo was ready, and did not draw it
      const missed = frames.some((f) => f.ran > ready && f.start < frame);
      w.__echo.push({ echo: missed ? drawn - key.down : ready - key.down + (drawn - Math.max(frame, ready)), drawn: drawn - key.down, missed });
      key = null;
    }).observe(rows, { subtree: true, childList: true, characterData: true });
  });
  for (const ch of text) {
    await page.keyboard.press(ch);
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => (window as unknown as { __echo: Echo[] }).__echo);
}

/** 1,000 running containers, made through the page's Engine API (the clock run ahead for the pull). */
async function thousandContainers(page: Page): Promise<void> {
  await page.evaluate(async () => {
    type Hook = { world: { advance(ms: number): void }; engine: { request(m: string, p: string, o?: unknown): Promise<Response>; json(m: string, p: string, o?: unknown): Promise<{ Id: string }> } };
    const h = (window as unknown as { __docksim: Hook }).__docksim;
    const res = await h.engine.request('POST', '/images/create', { query: { fromImage: 'alpine', tag: 'latest' } });
    const reader = res.body!.getReader();
    let done = false;
    const all = (async () => {
      while (!(await reader.read()).done);
      done = true;
    })();
    while (!done) {
      h.world.advance(200);
      await new Promise((r) => setTimeout(r, 0));
    }
    await all;
    for (let i = 0; i < 1000; i++) {
      const c = await h.engine.json('POST', '/containers/create', { query: { name: `c${i}` }, body: { Image: 'alpine', Cmd: ['sleep', 'infinity'] } });
      await h.engine.request('POST', `/containers/${c.Id}/start`);
    }
  });
}

async function psRender(page: Page): Promise<number> {
  await page.keyboard.type('docker ps');
  await page.evaluate(() => {
    const w = window as unknown as { __enter: number; __drawn: number; __docksim: { session: { busy: boolean } } };
    w.__enter = 0;
    w.__drawn = 0;
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !w.__enter) w.__enter = performance.now();
    }, true);
    const rows = document.querySelector('.xterm-rows')!;
    const obs = new MutationObserver(() => {
      if (!w.__enter || w.__docksim.session.busy) return;
      const lines = [...rows.children].map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).filter((l) => l !== '');
      const last = lines[lines.length - 1] ?? '';
      const before = lines[lines.length - 2] ?? '';
      if (/learner@docksim:~\$$/.test(last) && /\sc\d+$/.test(before)) {
        w.__drawn = performance.now();
        obs.disconnect();
      }
    });
    obs.observe(rows, { subtree: true, childList: true, characterData: true });
  });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __drawn: number }).__drawn > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __enter: number; __drawn: number };
    return w.__drawn - w.__enter;
  });
}

export async function webBench(): Promise<Figure[]> {
  if (!HAVE_CHROMIUM) {
    console.log('web: skipped (no /usr/bin/chromium; apt-get install chromium)');
    return [];
  }
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string) => {
    figures.push({ name, value, unit });
    console.log(`${name.padEnd(32)} ${value} ${unit}`);
  };
  const dir = buildSite();
  const site = await serve(dir);
  try {
    // first prompt, cold cache each time
    const runs: { ms: number; terminal: number; ready: number; scripts: string[] }[] = [];
    for (let i = 0; i < 7; i++) runs.push(await firstPrompt(`${site.url}/playground/`));
    add('web.first_prompt_ms', round(median(runs.map((r) => r.ms))), 'ms');
    add('web.terminal_prompt_ms', round(median(runs.map((r) => r.terminal))), 'ms');
    add('web.world_ready_ms', round(median(runs.map((r) => r.ready))), 'ms');
    const scripts = [...new Set(runs.flatMap((r) => r.scripts))];
    const gz = scripts.reduce((n, p) => n + gzipSync(readFileSync(join(dir, p))).length, 0);
    add('web.js_gzip_kb', round(gz / 1024), 'KB');

    const b = await launch();
    try {
      const page = b.context.pages()[0] ?? (await b.context.newPage());
      await page.goto(`${site.url}/playground/`);
      await ready(page);
      const echoes = await keystrokes(page, 'echo_thequickbrownfoxjumpsoverthelazydog'.repeat(5));
      const echo = echoes.map((e) => e.echo);
      add('web.keystroke_echo_p50_ms', round(median(echo)), 'ms');
      add('web.keystroke_echo_p99_ms', round(pct(echo, 99)), 'ms');
      add('web.keystroke_echo_with_frame_wait_p99_ms', round(pct(echoes.map((e) => e.drawn), 99)), 'ms');
      add('web.keystroke_echo_missed_frames', echoes.filter((e) => e.missed).length, 'keys');
      await page.keyboard.press('Control+U');
      await thousandContainers(page);
      const times: number[] = [];
      // the median of 5, after one untimed (the first compiles the code that lists and formats)
      for (let i = 0; i < 6; i++) {
        await page.keyboard.type('clear');
        await page.keyboard.press('Enter');
        await waitScreen(page, /^learner@docksim:~\$$/);
        const t = await psRender(page);
        if (i > 0) times.push(t);
      }
      add('web.ps1000_render_ms', round(median(times)), 'ms');
    } finally {
      await b.close();
    }
  } finally {
    await site.close();
  }
  return figures;
}
