// The prerendered pages: every page at its address, each lesson's text in its page (steps,
// hints, runnable commands with Run buttons; the checks' YAML kept out), the commands docksim
// simulates, the playground's page moved to /playground/, and links that lead somewhere.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { allCommands, commandNameOf } from '../../src/cli/spec';
import { commandsOf, parseLessons, type Lesson } from '../../src/lessons';
import { lessonPath } from '../../web/site/routes';
import type { SitePage } from '../../web/site/render/site';
import { renderFromDisk } from '../../web/site/render/from-disk';
import { ROOT } from './support';

let pages: SitePage[];
let lessons: Lesson[];
const byPath = (p: string) => {
  const page = pages.find((x) => x.path === p);
  if (!page) throw new Error(`no page at ${p}`);
  return page.html;
};

/** The text a reader sees: tags dropped, entities decoded, white space collapsed. */
function text(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Markdown as text: marks and fences dropped. */
function mdText(md: string): string {
  return md
    .replace(/^```.*$/gm, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

beforeAll(() => {
  pages = renderFromDisk(ROOT, join(ROOT, 'web'));
  const files: Record<string, string> = {};
  for (const f of ['01-architecture.md', '02-images.md', '03-containers.md', '04-engine.md', '05-first-service.md']) files[f] = readFileSync(join(ROOT, 'content/lessons', f), 'utf8');
  lessons = parseLessons(files);
});

describe('the site', () => {
  test('every page has its own address', () => {
    const paths = pages.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/', '/lessons/', '/playground/', '/reference/commands/', '/reference/architecture/', '/404.html']));
    for (const l of lessons) expect(paths).toContain(lessonPath(l.id));
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of pages) {
      expect(p.file).toBe(p.path === '/404.html' ? '404.html' : `${p.path.slice(1)}index.html`);
      expect(p.html).toMatch(/^<!doctype html>/i);
      expect(p.html).toMatch(/<title>[^<]+<\/title>/);
      expect(p.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"');
    }
  });

  test('pages other than the playground share the header, a skip link and one h1', () => {
    for (const p of pages.filter((x) => x.path !== '/playground/')) {
      expect(p.html, p.path).toContain('<a class="skip-link" href="#main">Skip to content</a>');
      expect(p.html, p.path).toContain('<main id="main"');
      expect(p.html.match(/<h1[\s>]/g)?.length, p.path).toBe(1);
      expect(p.html, p.path).toContain('<nav class="site-nav" aria-label="Site">');
    }
    expect(byPath('/lessons/')).toContain('<a href="/lessons/" aria-current="page">Lessons</a>');
    expect(byPath('/lessons/architecture/')).toContain('<a href="/lessons/" aria-current="true">Lessons</a>');
  });

  test('the home page says what docksim is and leads to the playground in one click', () => {
    const home = byPath('/');
    expect(text(home)).toContain('Docker, simulated faithfully, for learners');
    expect(home).toMatch(/<a class="button primary" href="\/playground\/">Open the playground<\/a>/);
  });

  test('each lesson page holds the lesson: introduction, sections, steps, hints, commands', () => {
    for (const l of lessons) {
      const html = byPath(lessonPath(l.id));
      const t = text(html);
      expect(t).toContain(l.title.replace(/[`*]/g, ''));
      expect(t).toContain(mdText(l.summary));
      // every paragraph of the text, as a reader sees it
      for (const md of [l.intro, ...l.sections.map((s) => s.body)])
        for (const para of md.split(/\n\s*\n/)) {
          const p = mdText(para);
          if (p) expect(squash(t), `${l.id}: ${p.slice(0, 60)}`).toContain(squash(p));
        }
      for (const s of l.steps) {
        expect(html).toContain(`data-step="${s.id}"`);
        expect(t).toContain(s.title.replace(/`/g, ''));
        for (const h of s.hints) expect(t).toContain(h);
        expect(t).toContain(s.check.describe());
      }
      // the checks and solutions are the lesson's, not the reader's
      expect(t).not.toMatch(/\bsolution:|\bcheck:/);
      // one Run button per runnable block, carrying the block's commands
      const runnable = l.sections.flatMap((s) => s.blocks.filter((b) => b.runnable));
      const introRunnable = [...l.intro.matchAll(/^```\S+ [^\n]*\brun\b[^\n]*\n([\s\S]*?)^```/gm)].map((m) => commandsOf(m[1]!));
      const data = [...html.matchAll(/<div class="code-block runnable" data-commands="([^"]*)">/g)].map((m) => JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as string[]);
      expect(data).toEqual([...introRunnable, ...runnable.map((b) => b.commands)]);
      expect(html.match(/class="run-button"/g)?.length ?? 0).toBe(data.length);
      // the terminal and the picture beside the text
      expect(html).toContain('id="terminal"');
      expect(html).toContain('id="picture"');
      expect(html).toContain('<script type="module" src="/site/lesson/main.ts"></script>');
    }
  });

  test('lesson 1 on its page: the text a learner needs, with the commands to type', () => {
    const html = byPath('/lessons/architecture/');
    expect(html).toContain('<h2 id="step-hello-title"><span class="step-mark" aria-hidden="true"><span class="step-num">1</span></span><span class="step-title">Ask the daemon to run something</span>');
    expect(html).toContain('<pre><code class="language-sh">docker -H tcp://127.0.0.1:2375 run --name over-tcp hello-world</code></pre>');
    expect(html).toContain('data-commands="[&quot;curl --unix-socket /var/run/docker.sock -X POST -H \\&quot;Content-Type: application/json\\&quot; -d \'{\\&quot;Image\\&quot;:\\&quot;hello-world\\&quot;}\' \\&quot;http://localhost/v1.50/containers/create?name=from-curl\\&quot;&quot;]"'.replace(/'/g, '&#39;'));
    expect(html).toContain('<details class="hints" data-hints="2"><summary>Need a hint?</summary><ol><li>Type docker run hello-world and press Enter.</li>');
  });

  test('the lessons index lists every lesson in order, linked', () => {
    const html = byPath('/lessons/');
    let at = 0;
    for (const l of lessons) {
      const i = html.indexOf(`<a href="${lessonPath(l.id)}">`, at);
      expect(i, l.id).toBeGreaterThan(at);
      at = i;
    }
  });

  test('the commands page lists every simulated command, and only those as supported', () => {
    const html = byPath('/reference/commands/');
    const [supported, refused] = html.split('id="not-simulated"');
    for (const { path, spec } of allCommands()) {
      if (path.length === 0 || spec.hidden) continue;
      const name = `docker ${path.join(' ')}`;
      if (spec.subcommands?.length) continue;
      if (spec.simulated) expect(supported!.includes(`<code>${name}</code>`), name).toBe(true);
      else expect(refused!.includes(`<code>${name}</code>`), name).toBe(true);
    }
    expect(html).toContain('<pre class="cmd-usage"><code>docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]</code></pre>');
    expect(html).toContain('<code>docker run</code>');
    // groups in the order a learner meets them
    const groups = [...html.matchAll(/<h2 id="group-[^"]+">([^<]+)/g)].map((m) => m[1]!.trim());
    expect(groups).toEqual(['Containers', 'Images', 'Networks', 'Volumes', 'System', 'Swarm', 'Swarm services', 'Swarm nodes', 'Other commands']);
    expect(commandNameOf({ use: 'run [OPTIONS]', short: '', flags: [] })).toBe('run');
  });

  test('the architecture page explains the parts for beginners', () => {
    const t = text(byPath('/reference/architecture/'));
    for (const w of ['The client and the daemon', 'Images: files in layers', 'containerd', 'shim', 'runc', 'OCI states', 'Networks', 'Volumes']) expect(t).toContain(w);
    expect(byPath('/reference/architecture/')).toContain('<figure class="pipeline">');
  });

  test("the playground keeps its page and script at /playground/, with the site's way around", () => {
    const html = byPath('/playground/');
    const own = readFileSync(join(ROOT, 'web/index.html'), 'utf8');
    for (const id of [...own.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)) expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<script type="module" src="\/main\.ts"><\/script>/);
    expect(html).not.toMatch(/(src|href)="\.\//);
    expect(html).toContain('<a class="skip-link" href="#terminal">Skip to the terminal</a>');
    expect(html).toContain('<a class="brand" href="/">');
    expect(html).toContain('<title>Playground — docksim</title>');
    expect(html).toContain('<a href="/lessons/">Lessons</a>');
  });

  test('links lead to pages that exist, and anchors to ids on them', () => {
    const ids = new Map(pages.map((p) => [p.path, new Set([...p.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!))]));
    let checked = 0;
    for (const p of pages) {
      for (const m of p.html.matchAll(/<a [^>]*href="([^"]+)"/g)) {
        const href = m[1]!;
        if (/^(https?:|mailto:)/.test(href)) continue;
        const [path, hash] = href.split('#') as [string, string | undefined];
        const target = path === '' ? p.path : path;
        expect(ids.has(target), `${p.path} links to ${href}`).toBe(true);
        if (hash) expect(ids.get(target)!.has(hash), `${p.path} links to ${href}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
