// The playground's page, served at /playground/: the playground's own HTML (web/index.html, its
// markup and script unchanged) with the site's way around added — a skip link to the terminal,
// the name linking home, and the site's sections in its header.

import { ROUTES } from '../routes';

const NAV = `<nav class="site-nav-mini" aria-label="Site"><a href="${ROUTES.lessons}">Lessons</a><a href="${ROUTES.playground}" aria-current="page">Playground</a><a href="${ROUTES.commands}">Commands</a><a href="${ROUTES.architecture}">Architecture</a></nav>`;

export function playgroundPage(html: string): string {
  let out = html
    // the page moves from / to /playground/: its own files are addressed from the root
    .replace(/(\s(?:src|href)=")\.\/(?!\/)/g, '$1/');
  out = out.replace('</head>', '    <link rel="stylesheet" href="/site/playground.css" />\n  </head>');
  // its own title, apart from the home page's (the terminal's title replaces it once a shell runs)
  out = out.replace(/<title>[^<]*<\/title>/, '<title>Playground — docksim</title>');
  const brand = /<span class="brand">([^<]*)<\/span>/;
  if (brand.test(out)) out = out.replace(brand, `<a class="brand" href="${ROUTES.home}">$1</a>${NAV}`);
  else out = out.replace(/<body([^>]*)>/, `<body$1>\n    ${NAV}`);
  out = out.replace(/<body([^>]*)>/, `<body$1>\n    <a class="skip-link" href="#terminal">Skip to the terminal</a>`);
  return out;
}
