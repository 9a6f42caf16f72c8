// A reference page written in Markdown (content/pages/*.md): front matter with its title and
// description, the text, a table of contents from its sections. ```figure NAME``` blocks are the
// site's figures.

import { parseYaml } from '../../../src/lessons';
import { esc } from '../html';
import { renderMarkdown, type FencedBlock } from '../markdown';
import { layout } from './layout';
import { pipelineFigure } from './pipeline';

export interface ContentPage {
  title: string;
  description: string;
  body: string;
}

export function parseContentPage(file: string, text: string): ContentPage {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`${file}: a page starts with front matter between --- lines`);
  const meta = parseYaml(m[1]!) as Record<string, unknown> | null;
  const title = meta?.title;
  const description = meta?.description;
  if (typeof title !== 'string' || typeof description !== 'string') throw new Error(`${file}: front matter needs a title and a description`);
  return { title, description, body: m[2]! };
}

const FIGURES: Record<string, () => string> = { pipeline: pipelineFigure };

function figure(b: FencedBlock): string | undefined {
  if (b.lang !== 'figure') return undefined;
  const name = b.info.split(/\s+/)[1] ?? '';
  const f = FIGURES[name];
  if (!f) throw new Error(`unknown figure "${name}" (known: ${Object.keys(FIGURES).join(', ')})`);
  return f();
}

export function contentPage(path: string, page: ContentPage, opts: { eyebrow?: string } = {}): string {
  const body = renderMarkdown(page.body, { code: figure, ids: new Set(['main']) });
  const toc = [...body.matchAll(/<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g)].map((m) => `<li><a href="#${m[1]}">${m[2]}</a></li>`).join('');
  const main = `<div class="prose-page">
<header class="page-head">
${opts.eyebrow ? `<p class="eyebrow">${esc(opts.eyebrow)}</p>` : ''}
<h1>${esc(page.title)}</h1>
</header>
${toc ? `<nav class="page-toc" aria-label="On this page"><ol>${toc}</ol></nav>` : ''}
<div class="prose">
${body}
</div>
</div>`;
  return layout({ path, title: page.title, description: page.description, main, kind: 'page-reference' });
}
