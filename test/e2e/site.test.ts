// The site end to end: the built pages served as the edge serves them, in headless Chromium.
// Deep links reach their prerendered HTML; the text reads without JavaScript; lesson 1 is
// completed by typing its commands into the terminal on its page, every step ticked; progress
// survives a reload; Run buttons type into the terminal and give it the focus back; hints come
// one at a time; the picture shows the hops of a docker run; the phone layout keeps the
// terminal on screen. Screenshots of a lesson page go to test-artifacts/. Skips without
// Debian's chromium.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ARTIFACTS, buildSite, HAVE_CHROMIUM, launch, ready, resolveAsset, rows, serve, typeCommand, waitPrompt, type Site } from '../site/support';

if (!HAVE_CHROMIUM) console.warn('test/e2e/site: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

type Hook = { run: { progress(): { steps: { id: string; done: boolean }[]; complete: boolean } }; reset(): Promise<void>; flush(): Promise<void> };

const stepsDone = (page: Page) => page.$$eval('.lesson-outline li.is-done', (lis) => lis.map((li) => (li as HTMLElement).dataset.step));
const waitDone = (page: Page, ids: string[], timeout = 15_000) =>
  page.waitForFunction((want) => want.every((id) => document.querySelector(`section.step[data-step="${id}"]`)?.classList.contains('is-done')), ids, { timeout });

const LESSON_1 = [
  ['hello', 'docker run hello-world'],
  ['curl-create', `curl --unix-socket /var/run/docker.sock -X POST -H "Content-Type: application/json" -d '{"Image":"hello-world"}' "http://localhost/v1.50/containers/create?name=from-curl"`],
  ['curl-start', 'curl --unix-socket /var/run/docker.sock -X POST http://localhost/v1.50/containers/from-curl/start'],
  ['tcp', 'docker -H tcp://127.0.0.1:2375 run --name over-tcp hello-world'],
] as const;

describe.skipIf(!HAVE_CHROMIUM)('the site in Chromium', () => {
  let site: Site;

  beforeAll(async () => {
    site = await serve(buildSite());
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  test('deep links resolve to their prerendered pages; the rest is the 404 page', async () => {
    for (const path of ['/', '/lessons/', '/lessons/architecture/', '/lessons/first-service/', '/playground/', '/reference/commands/', '/reference/architecture/']) {
      const r = resolveAsset(site.dir, path);
      expect(r.status, path).toBe(200);
      const res = await fetch(site.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect(await (await fetch(`${site.url}/lessons/architecture/`)).text()).toContain('Ask the daemon to run something');
    const bare = await fetch(`${site.url}/lessons/architecture`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([307, '/lessons/architecture/']);
    const missing = await fetch(`${site.url}/lessons/nope/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('No page here');
  });

  test('the text of every page reads without JavaScript', async () => {
    const b = await launch({ width: 1280, height: 800 }, { javaScript: false });
    try {
      const page = b.page;
      await page.goto(`${site.url}/lessons/architecture/`);
      expect(await page.isVisible('text=Ask the daemon to run something')).toBe(true);
      expect(await page.isVisible('text=Talk to dockerd over the network')).toBe(true);
      expect(await page.isVisible('.run-button')).toBe(false);
      expect(await page.textContent('#terminal')).toContain('The terminal needs JavaScript');
      await page.goto(`${site.url}/reference/commands/`);
      expect(await page.isVisible('h3:has-text("docker container run")')).toBe(true);
      await page.goto(`${site.url}/`);
      await page.click('text=Open the playground');
      expect(new URL(page.url()).pathname).toBe('/playground/');
    } finally {
      await b.close();
    }
  }, 60_000);

  test('lesson 1, typed on its page: every step ticks off, and stays ticked after a reload', async () => {
    const b = await launch({ width: 1280, height: 800 });
    try {
      const { page } = b;
      await page.goto(`${site.url}/lessons/architecture/`);
      await ready(page);
      // the terminal has the focus: typing goes there
      expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(true);
      expect(await page.textContent('.progress-text')).toBe('Step 1 of 4: Ask the daemon to run something');
      const done: string[] = [];
      for (const [id, line] of LESSON_1) {
        const out = await typeCommand(page, line);
        done.push(id);
        await waitDone(page, done).catch(async (e) => {
          throw new Error(`step ${id} was not ticked after ${line}:\n${out}\n(${String(e)})`);
        });
        expect(await stepsDone(page)).toEqual(done);
      }
      expect((await rows(page)).join('\n')).toContain('https://docs.docker.com/get-started/');
      // the lesson text scrolled to the step to do next; the page itself stays put
      expect(await page.evaluate(() => [document.scrollingElement!.scrollTop, document.body.scrollTop])).toEqual([0, 0]);
      expect(await page.textContent('.progress-text')).toContain('Lesson complete: all 4 steps done.');
      expect(await page.evaluate(() => (window as unknown as { __docksim: Hook }).__docksim.run.progress().complete)).toBe(true);
      // the World and the progress come back after a reload
      await page.evaluate(() => (window as unknown as { __docksim: Hook }).__docksim.flush());
      await page.reload();
      await ready(page);
      await waitDone(page, done);
      expect(await page.textContent('.progress-text')).toContain('Lesson complete');
      expect(await typeCommand(page, 'docker ps -a --format "{{.Names}} {{.Status}}"')).toMatch(/over-tcp Exited \(0\)[\s\S]*from-curl Exited \(0\)/);
      // the lessons index shows it
      await page.goto(`${site.url}/lessons/`);
      expect(await page.textContent('.lesson-card[data-lesson="architecture"] .card-progress')).toBe('✓ completed');
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  }, 240_000);

  test('the lesson starts from its setup; Run types into the terminal and gives it the focus back; hints one at a time; Start over', async () => {
    const b = await launch({ width: 1280, height: 800 });
    try {
      const { page } = b;
      await page.goto(`${site.url}/lessons/containers/`);
      await ready(page);
      // the lesson's setup made the machine: alpine is there already
      expect(await typeCommand(page, 'docker images --format "{{.Repository}}:{{.Tag}}"')).toMatch(/\nalpine:latest\n/);
      const first = page.locator('section.step[data-step="exit-0"] .run-button').first();
      expect(await first.getAttribute('aria-label')).toBe('Run docker run alpine echo hello in the terminal');
      await first.focus();
      // a focused button shows it
      expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(true);
      await waitDone(page, ['exit-0'], 60_000);
      await waitPrompt(page);
      const screen = (await rows(page)).join('\n');
      expect(screen).toMatch(/learner@docksim:~\$ docker run alpine echo hello\nhello\n/);
      // hints
      const hints = page.locator('section.step[data-step="running"] details.hints');
      await hints.locator('summary').click();
      expect(await hints.locator('li:visible').count()).toBe(1);
      const more = hints.locator('.more-hint');
      expect(await more.textContent()).toBe('Show what this step checks');
      await more.click();
      expect(await hints.locator('li:visible').count()).toBe(2);
      expect(await hints.locator('li:visible').last().textContent()).toBe('What this step checks: a running container named ticker running "date".');
      expect(await more.isVisible()).toBe(false);
      // Start over: a new machine, set up as the lesson says, and no step done
      page.once('dialog', (d) => void d.accept());
      await page.click('.start-over');
      await page.waitForFunction(() => !document.querySelector('section.step[data-step="exit-0"]')?.classList.contains('is-done'));
      await waitPrompt(page);
      expect(await page.textContent('.progress-text')).toBe('Step 1 of 8: A container that does one thing');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(true);
      expect(await typeCommand(page, 'docker ps -aq | wc -l')).toMatch(/\n0\n/);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
  }, 180_000);

  test('the picture on a lesson page shows the hops of a docker run', async () => {
    const b = await launch({ width: 1280, height: 800 });
    try {
      const { page } = b;
      await page.goto(`${site.url}/lessons/engine/`);
      await ready(page);
      await page.waitForSelector('.dsp svg.dsp-svg', { timeout: 30_000 });
      await page.selectOption('.dsp [data-act="speed"]', '4');
      await page.evaluate(() => {
        const w = window as unknown as { routes: string[] };
        w.routes = [];
        const caption = document.querySelector('.dsp-caption')!;
        new MutationObserver(() => {
          const r = caption.querySelector('b')?.textContent;
          if (r && w.routes[w.routes.length - 1] !== r) w.routes.push(r);
        }).observe(caption, { childList: true, subtree: true, characterData: true });
      });
      await page.click('#terminal');
      const line = 'docker run -d --name web alpine sleep 1000';
      await typeCommand(page, line);
      await page.waitForFunction((t) => document.querySelector('.dsp-cmd-title')?.textContent === t, line, { timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('.dsp-oci.is-on')?.getAttribute('data-oci') === 'running', undefined, { timeout: 30_000 });
      const routes = await page.evaluate(() => (window as unknown as { routes: string[] }).routes);
      const want = ['docker CLI → dockerd', 'dockerd → containerd', 'containerd → shim', 'shim → runc'];
      let i = 0;
      for (const r of routes) if (r === want[i]) i++;
      expect(i, `routes seen: ${routes.join(' | ')}`).toBe(want.length);
      await page.screenshot({ path: join(ARTIFACTS, 'site-lesson-picture-desktop.png') });
    } finally {
      await b.close();
    }
  }, 180_000);

  test('screenshots of a lesson page at desktop and phone sizes; on a phone the terminal stays on screen', async () => {
    const desk = await launch({ width: 1280, height: 800 });
    try {
      await desk.page.goto(`${site.url}/lessons/architecture/`);
      await ready(desk.page);
      await typeCommand(desk.page, 'docker run hello-world');
      await waitDone(desk.page, ['hello']);
      await desk.page.waitForTimeout(800);
      await desk.page.screenshot({ path: join(ARTIFACTS, 'site-lesson-desktop.png') });
    } finally {
      await desk.close();
    }
    const phone = await launch({ width: 390, height: 844 }, { touch: true });
    try {
      const { page } = phone;
      await page.goto(`${site.url}/lessons/architecture/`);
      await ready(page);
      const inView = async (sel: string) => {
        const box = await page.locator(sel).boundingBox();
        return !!box && box.height > 100 && box.y >= 0 && box.y + box.height <= 844 + 1;
      };
      expect(await inView('#terminal')).toBe(true);
      expect(await page.isVisible('#lesson-text')).toBe(true);
      expect(await page.isVisible('#picture-pane')).toBe(false);
      // nothing wider than the screen
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, 'site-lesson-phone.png') });
      await page.click('#tab-picture');
      expect(await page.isVisible('#lesson-text')).toBe(false);
      expect(await page.isVisible('#picture-pane')).toBe(true);
      expect(await inView('#terminal')).toBe(true);
      await page.waitForSelector('.dsp svg.dsp-svg', { timeout: 30_000 });
      await page.screenshot({ path: join(ARTIFACTS, 'site-lesson-phone-picture.png') });
      // the tabs work from the keyboard too
      await page.focus('#tab-picture');
      await page.keyboard.press('ArrowLeft');
      expect(await page.getAttribute('#tab-lesson', 'aria-selected')).toBe('true');
      expect(await page.isVisible('#lesson-text')).toBe(true);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 180_000);

  test('from the keyboard: skip links first, and the one to the terminal lands in it', async () => {
    // a narrow window: the page does not put the focus in the terminal by itself
    const b = await launch({ width: 900, height: 800 });
    try {
      const { page } = b;
      await page.goto(`${site.url}/lessons/images/`);
      await ready(page);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the terminal');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea'))).toBe(true);
      await typeCommand(page, 'echo typed');
      expect((await rows(page)).join('\n')).toContain('$ echo typed\ntyped');
    } finally {
      await b.close();
    }
  }, 120_000);

  test('home, lessons and reference pages at phone size fit the screen', async () => {
    const b = await launch({ width: 390, height: 844 }, { touch: true });
    try {
      for (const path of ['/', '/lessons/', '/reference/commands/', '/reference/architecture/', '/playground/']) {
        await b.page.goto(site.url + path);
        expect(await b.page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      }
      await b.page.goto(`${site.url}/`);
      await b.page.screenshot({ path: join(ARTIFACTS, 'site-home-phone.png'), fullPage: true });
    } finally {
      await b.close();
    }
  }, 120_000);
});
