// library/busybox

import { busyboxImage } from './base/busybox';
import { repository, tags } from './model';

export const busybox = repository({
  name: 'busybox',
  description: 'Busybox base image.',
  stars: 3_412,
  groups: [
    tags(
      ['latest', '1', '1.37', '1.37.0', 'stable', 'glibc', '1-glibc', '1.37-glibc', '1.37.0-glibc', 'stable-glibc'],
      (a) => busyboxImage('glibc', a),
    ),
    tags(['musl', '1-musl', '1.37-musl', '1.37.0-musl', 'stable-musl'], (a) => busyboxImage('musl', a)),
    tags(['uclibc', '1-uclibc', '1.37-uclibc', '1.37.0-uclibc', 'stable-uclibc'], (a) => busyboxImage('uclibc', a)),
  ],
});
