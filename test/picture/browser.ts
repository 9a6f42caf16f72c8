// Headless Chromium over the picture's test page (web/picture/demo.html) served by Vite's dev
// server, for the browser tests in test/e2e/picture*.test.ts.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { repoRoot } from '../support/shared';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const ARTIFACTS = join(repoRoot, 'test-artifacts');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface DemoBrowser {
  url: string;
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openDemo(viewport = { width: 1280, height: 800 }): Promise<DemoBrowser> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'dsp-vite-'));
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: join(repoRoot, 'web'),
    cacheDir,
    logLevel: 'error',
    // Everything the page imports is ES modules already; discovering dependencies would reload
    // the page in the middle of a test.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const addr = server.httpServer!.address() as { port: number };
  const url = `http://127.0.0.1:${addr.port}/picture/demo.html`;
  const profile = mkdtempSync(join(tmpdir(), 'dsp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => {});
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
