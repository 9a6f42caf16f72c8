// library/debian

import { DEBIAN, debianImage } from './base/debian';
import { repository, tags } from './model';

export const debian = repository({
  name: 'debian',
  description: "Debian is a Linux distribution that's composed entirely of free and open-source software.",
  stars: 5_183,
  groups: [
    tags(['latest', 'bookworm', '12', DEBIAN.version, 'stable', `bookworm-${DEBIAN.serial}`], (a) => debianImage('bookworm', a)),
    tags(
      ['bookworm-slim', '12-slim', `${DEBIAN.version}-slim`, 'stable-slim', `bookworm-${DEBIAN.serial}-slim`],
      (a) => debianImage('bookworm-slim', a),
    ),
  ],
});
