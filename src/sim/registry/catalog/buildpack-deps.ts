// library/buildpack-deps

import { buildpackImage } from './base/buildpack-deps';
import { repository, tags } from './model';

export const buildpackDeps = repository({
  name: 'buildpack-deps',
  description: 'A collection of common build dependencies used for installing various modules, e.g., gems.',
  stars: 298,
  groups: [
    tags(['latest', 'bookworm', 'stable'], (a) => buildpackImage('full', a)),
    tags(['bookworm-scm', 'scm', 'stable-scm'], (a) => buildpackImage('scm', a)),
    tags(['bookworm-curl', 'curl', 'stable-curl'], (a) => buildpackImage('curl', a)),
  ],
});
