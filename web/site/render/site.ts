// Every page of the site, rendered from the sources: the lessons (content/lessons), the
// reference pages (content/pages), the command table (src/cli/spec) and the playground's own
// page (web/index.html, which keeps its markup and script; it is served at /playground/).

import { parseLessons } from '../../../src/lessons';
import { fileOfPath, lessonPath, ROUTES } from '../routes';
import { commandsPage } from './commands';
import { contentPage, parseContentPage } from './content-page';
import { homePage } from './home';
import { layout } from './layout';
import { lessonPage, lessonsIndex } from './lessons';
import { playgroundPage } from './playground';

export interface SiteSources {
  /** content/lessons: file name → text. */
  lessons: Record<string, string>;
  /** content/pages: file name → text. */
  pages: Record<string, string>;
  /** web/index.html, the playground's page. */
  playground: string;
}

export interface SitePage {
  /** The address ("/lessons/architecture/"); the 404 page has "/404.html". */
  path: string;
  /** Where it is written, relative to the site's root ("lessons/architecture/index.html"). */
  file: string;
  html: string;
}

function page(path: string, html: string): SitePage {
  return { path, file: fileOfPath(path), html };
}

export function renderSite(src: SiteSources): SitePage[] {
  const lessons = parseLessons(src.lessons);
  const pages: SitePage[] = [
    page(ROUTES.home, homePage(lessons)),
    page(ROUTES.lessons, lessonsIndex(lessons)),
    ...lessons.map((l) => page(lessonPath(l.id), lessonPage(l, lessons))),
    page(ROUTES.playground, playgroundPage(src.playground)),
    page(ROUTES.commands, commandsPage()),
  ];
  const arch = Object.entries(src.pages).find(([f]) => /(^|\/)architecture\.md$/.test(f));
  if (!arch) throw new Error('content/pages/architecture.md is missing');
  pages.push(page(ROUTES.architecture, contentPage(ROUTES.architecture, parseContentPage(arch[0], arch[1]), { eyebrow: 'Reference' })));
  pages.push({ path: '/404.html', file: '404.html', html: notFound() });
  return pages;
}

function notFound(): string {
  return layout({
    path: '/404.html',
    title: 'Page not found',
    description: 'There is no page at this address.',
    kind: 'page-404',
    main: `<div class="prose-page"><header class="page-head"><h1>No page here</h1><p class="lead">There is nothing at this address. Try the <a href="${ROUTES.home}">home page</a>, the <a href="${ROUTES.lessons}">lessons</a> or the <a href="${ROUTES.playground}">playground</a>.</p></header></div>`,
  });
}
