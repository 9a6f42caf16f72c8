// library/alpine

import { alpineImage } from './base/alpine';
import { repository, tags } from './model';

export const alpine = repository({
  name: 'alpine',
  description: 'A minimal Docker image based on Alpine Linux with a complete package index and only 5 MB in size!',
  stars: 11_236,
  groups: [
    tags(['latest', '3', '3.22', '3.22.0'], (a) => alpineImage('3.22', a)),
    tags(['3.21', '3.21.3'], (a) => alpineImage('3.21', a)),
    tags(['3.20', '3.20.6'], (a) => alpineImage('3.20', a)),
  ],
});
