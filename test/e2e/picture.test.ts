// The picture in headless Chromium, mounted over a World in the page: a `docker run` (its
// Engine API requests) animates client → dockerd → containerd → shim → runc, the container shows
// its state, its statechart follows it live; keyboard and phone sizes work. Screenshots go to
// test-artifacts/ (desktop 1280×800, phone 390×844).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, hasChromium, openDemo, type DemoBrowser } from '../picture/browser';

const RUN = 'docker run -d --name web alpine sleep 1000';

const run = (page: Page, line: string) => page.evaluate((l) => window.docksimDemo.run(l), line);

/** Whether `want` appears in `seen` in this order (other entries may sit between). */
function inOrder(seen: string[], want: string[]): boolean {
  let i = 0;
  for (const s of seen) if (s === want[i]) i++;
  return i === want.length;
}

/** The card of the container with this name. */
const card = (page: Page, name: string) => page.locator('.dsp-card', { has: page.locator('text.dsp-card-name', { hasText: new RegExp(`^${name}$`) }) });

const PIPELINE = ['docker CLI → dockerd', 'dockerd → containerd', 'containerd → shim', 'shim → runc'];

describe.skipIf(!hasChromium)('the picture in a browser', () => {
  let b: DemoBrowser;

  beforeAll(async () => {
    b = await openDemo();
    await b.open();
    // Mounted lazily, after the page is up: the component came in a chunk of its own.
    await b.page.waitForSelector('.dsp svg.dsp-svg', { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await b?.close();
  });

  it('loads after the page, in a chunk of its own', async () => {
    const scripts = b.served.filter((p) => p.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(1);
    const entry = readFileSync(join(b.dir, scripts[0]!), 'utf8');
    expect(entry).not.toContain('dsp-chart-title');
    expect(scripts.slice(1).some((p) => readFileSync(join(b.dir, p), 'utf8').includes('dsp-chart-title'))).toBe(true);
  });

  it('animates the hops of a docker run as they happen and shows the container running', async () => {
    const { page } = b;
    await page.selectOption('.dsp [data-act="speed"]', '4');
    // Record every hop the caption announces while the picture plays.
    await page.evaluate(() => {
      const w = window as unknown as { routes: string[] };
      w.routes = [];
      const caption = document.querySelector('.dsp-caption')!;
      new MutationObserver(() => {
        const r = caption.querySelector('b')?.textContent;
        if (r && w.routes[w.routes.length - 1] !== r) w.routes.push(r);
      }).observe(caption, { childList: true, subtree: true, characterData: true });
    });
    await run(page, 'docker pull alpine');
    await page.waitForFunction(() => document.querySelector('.dsp-cmd-title')?.textContent === 'docker pull alpine');
    const pullRoutes = await page.evaluate(() => (window as unknown as { routes: string[] }).routes.slice());
    await run(page, RUN);
    await page.waitForFunction((t) => document.querySelector('.dsp-cmd-title')?.textContent === t, RUN);
    // Played to its last hop, which leaves runc's OCI state at running.
    await page.waitForFunction(
      () => {
        const items = document.querySelectorAll('.dsp-steps li');
        return items.length > 0 && items[items.length - 1]!.getAttribute('aria-current') === 'step' && document.querySelector('.dsp-oci.is-on')?.getAttribute('data-oci') === 'running';
      },
      undefined,
      { timeout: 20_000 },
    );
    const routes = await page.evaluate(() => (window as unknown as { routes: string[] }).routes.slice());
    expect(inOrder(routes, PIPELINE), routes.join(' | ')).toBe(true);
    expect(pullRoutes.some((r) => r === 'dockerd → Docker Hub') || routes.includes('dockerd → Docker Hub')).toBe(true);
    const steps = await page.$$eval('.dsp-steps li .dsp-route', (els) => els.map((e) => e.textContent!.replace(/ · .*$/, '')));
    expect(inOrder(steps, PIPELINE), steps.join(' | ')).toBe(true);
    const oci = await page.$$eval('.dsp-steps li .dsp-route', (els) => els.map((e) => /· (\w+)$/.exec(e.textContent!)?.[1]).filter(Boolean));
    expect(oci).toEqual(['creating', 'created', 'running']);
    // The container, its state and its shim.
    const web = card(page, 'web');
    await expect.poll(() => web.getAttribute('data-status')).toBe('running');
    expect(await web.getAttribute('aria-label')).toContain('Container web, running');
    expect(await page.locator('.dsp-shimrow', { hasText: 'web' }).count()).toBe(1);
    expect(b.errors).toEqual([]);
  }, 90_000);

  it('replays the last command step by step, and at another speed', async () => {
    const { page } = b;
    const pos = () => page.locator('.dsp-pos').textContent();
    const total = await page.locator('.dsp-steps li').count();
    await page.click('.dsp [data-act="prev"]');
    await expect.poll(pos).toBe(`step ${total - 1} of ${total}`);
    expect(await page.locator('.dsp-mode').textContent()).not.toBe('live');
    await page.click('.dsp [data-act="prev"]');
    await expect.poll(pos).toBe(`step ${total - 2} of ${total}`);
    await page.waitForFunction(() => document.querySelector('.dsp-caption')?.textContent?.includes('OCI state: creating'));
    await page.click('.dsp [data-act="next"]');
    await expect.poll(pos).toBe(`step ${total - 1} of ${total}`);
    // Again from the first hop at a quarter speed: after a second it is still there.
    await page.selectOption('.dsp [data-act="speed"]', '0.25');
    await page.click('.dsp [data-act="replay"]');
    await expect.poll(pos).toBe(`step 1 of ${total}`);
    await page.waitForTimeout(1000);
    expect(await pos()).toBe(`step 1 of ${total}`);
    // Pause holds it; play goes on, faster.
    await page.click('.dsp [data-act="play"]');
    await expect.poll(() => page.locator('.dsp-mode').textContent()).toBe('paused');
    await page.selectOption('.dsp [data-act="speed"]', '4');
    await page.waitForTimeout(600);
    expect(await pos()).toBe(`step 1 of ${total}`);
    await page.click('.dsp [data-act="play"]');
    await page.waitForFunction((n) => document.querySelector('.dsp-pos')?.textContent === `step ${n} of ${n}`, total, { timeout: 15_000 });
  }, 60_000);

  it('shows the selected container’s lifecycle, lit where it is, changing live', async () => {
    const { page } = b;
    await card(page, 'web').click();
    await page.waitForSelector('.dsp-chart:not([hidden])');
    expect(await page.locator('.dsp-st.is-current').getAttribute('data-state')).toBe('running');
    // The desktop screenshot: a hop of the run on its way, the lifecycle beside it.
    await page.click('.dsp [data-act="prev"]');
    await page.click('.dsp [data-act="prev"]');
    await page.waitForTimeout(400);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'picture-desktop.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'picture-desktop-full.png'), fullPage: true });

    await run(page, 'docker pause web');
    await page.waitForSelector('.dsp-st.is-current[data-state="paused"]');
    expect(await page.locator('.dsp-tr.is-taken').getAttribute('data-from')).toBe('running');
    expect(await card(page, 'web').getAttribute('data-status')).toBe('paused');
    await run(page, 'docker unpause web');
    await page.waitForSelector('.dsp-st.is-current[data-state="running"]');
    await run(page, 'docker rm -f web');
    await page.waitForSelector('.dsp-st.is-current[data-state="removed"]');
    expect(await page.locator('.dsp-chart-note').textContent()).toContain('web was removed');
    await page.click('.dsp [data-act="close"]');
    await expect.poll(() => page.locator('.dsp-chart').isHidden()).toBe(true);
  }, 60_000);

  it('works from the keyboard: focusable controls and containers, visible focus', async () => {
    const { page } = b;
    await run(page, RUN.replace('web', 'kb'));
    await page.waitForSelector('.dsp-card[data-status="running"]');
    await page.focus('.dsp [data-act="prev"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-act'))).toBe('play');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('.dsp-mode').textContent()).not.toBe('live');
    // Containers are in the tab order and open their lifecycle with Enter.
    await page.focus('.dsp-card[data-status="running"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.dsp-chart:not([hidden])');
    expect(await page.locator('.dsp-chart-title').textContent()).toBe('Lifecycle of kb');
    await page.focus('.dsp [data-act="close"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('Container kb');
    await page.click('.dsp [data-act="live"]');
    await expect.poll(() => page.locator('.dsp-mode').textContent()).toBe('live');
  }, 60_000);

  it('fits a phone without hiding the terminal: a compact picture in its own tab', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.docksimDemo.showTab('pic'));
    await page.waitForSelector('svg.dsp-svg.is-compact');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const client = await page.locator('[data-part="client"] rect.dsp-box').boundingBox();
    const dockerd = await page.locator('[data-part="dockerd"] rect.dsp-box').boundingBox();
    expect(dockerd!.y).toBeGreaterThan(client!.y + client!.height);
    await card(page, 'kb').click();
    await page.selectOption('.dsp [data-act="speed"]', '1');
    await page.click('.dsp [data-act="replay"]');
    await page.waitForTimeout(2600);
    await page.screenshot({ path: join(ARTIFACTS, 'picture-phone.png') });
    await page.screenshot({ path: join(ARTIFACTS, 'picture-phone-full.png'), fullPage: true });
    // The terminal is a tab away, whole.
    await page.evaluate(() => window.docksimDemo.showTab('term'));
    expect(await page.locator('#term').isVisible()).toBe(true);
    expect(await page.locator('#pic').isHidden()).toBe(true);
    expect(b.errors).toEqual([]);
  }, 60_000);
});
