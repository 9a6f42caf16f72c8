// The frame every page shares: head, skip link, the site's header and navigation, footer.
// Pages are plain HTML that reads without JavaScript; a page that needs a script names it, and
// Vite bundles it when the prerendered HTML goes through the build.

import { esc } from '../html';
import { ROUTES } from '../routes';

export interface PageSpec {
  /** The page's address ("/lessons/architecture/"). */
  path: string;
  /** The page's own title (the site's name is added). */
  title: string;
  description: string;
  /** The main content's HTML (inside <main id="main">). */
  main: string;
  /** Module scripts (paths from the site's root: "/site/lesson/main.ts"). */
  scripts?: string[];
  /** Style sheets beyond site.css. */
  styles?: string[];
  /** A class for <body> (page-home, page-lesson...). */
  kind: string;
  /** Skip links beyond "Skip to content" ([href, text]). */
  skips?: [string, string][];
  /** No footer (the full-height lesson and playground layouts). */
  bare?: boolean;
}

const NAV: [string, string][] = [
  [ROUTES.lessons, 'Lessons'],
  [ROUTES.playground, 'Playground'],
  [ROUTES.commands, 'Commands'],
  [ROUTES.architecture, 'Architecture'],
];

const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%23265d8c'/%3E%3Cpath d='M7 11h4v4H7zm5 0h4v4h-4zm5 0h4v4h-4zm-5-5h4v4h-4zM6 17h20c0 5-4 9-10 9S6 22 6 17z' fill='%23fff'/%3E%3C/svg%3E";

/** The site's header: name, navigation with the current section marked. */
export function siteHeader(path: string): string {
  const items = NAV.map(([href, text]) => {
    const current = path === href ? ' aria-current="page"' : path.startsWith(href) && href !== '/' ? ' aria-current="true"' : '';
    return `<li><a href="${href}"${current}>${text}</a></li>`;
  }).join('');
  return `<header class="site-header">
  <a class="brand" href="${ROUTES.home}"${path === ROUTES.home ? ' aria-current="page"' : ''}><span class="brand-mark" aria-hidden="true"></span>docksim</a>
  <nav class="site-nav" aria-label="Site"><ul>${items}</ul></nav>
</header>`;
}

export function layout(p: PageSpec): string {
  const skips = [['#main', 'Skip to content'], ...(p.skips ?? [])]
    .map(([href, text]) => `<a class="skip-link" href="${esc(href!)}">${esc(text!)}</a>`)
    .join('');
  const scripts = (p.scripts ?? []).map((s) => `<script type="module" src="${esc(s)}"></script>`).join('\n');
  const title = p.path === ROUTES.home ? `docksim — ${p.title}` : `${p.title} — docksim`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(p.description)}">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${ICON}">
<link rel="stylesheet" href="/site/site.css">
${(p.styles ?? []).map((s) => `<link rel="stylesheet" href="${esc(s)}">\n`).join('')}<script>document.documentElement.classList.add('js')</script>
</head>
<body class="${esc(p.kind)}">
<div class="skip-links">${skips}</div>
${siteHeader(p.path)}
<main id="main" tabindex="-1">
${p.main}
</main>
${p.bare ? '' : footer()}
${scripts}
</body>
</html>
`;
}

function footer(): string {
  return `<footer class="site-footer">
  <p>docksim simulates Docker Engine 28.2 (API 1.50) and the docker CLI 28.2 in your browser. Nothing runs on a real machine: every container lives in a simulated world on this page.</p>
  <nav aria-label="More"><a href="${ROUTES.lessons}">Lessons</a> · <a href="${ROUTES.playground}">Playground</a> · <a href="${ROUTES.commands}">Supported commands</a> · <a href="${ROUTES.architecture}">How Docker works</a></nav>
</footer>`;
}
