// library/ubuntu

import { UBUNTU, ubuntuImage } from './base/ubuntu';
import { repository, tags } from './model';

export const ubuntu = repository({
  name: 'ubuntu',
  description: 'Ubuntu is a Debian-based Linux operating system based on free software.',
  stars: 17_664,
  groups: [
    tags(['latest', 'noble', '24.04', `noble-${UBUNTU.noble.serial}`], (a) => ubuntuImage('noble', a)),
    tags(['jammy', '22.04', `jammy-${UBUNTU.jammy.serial}`], (a) => ubuntuImage('jammy', a)),
    tags(['rolling', 'plucky', '25.04', `plucky-${UBUNTU.plucky.serial}`], (a) => ubuntuImage('plucky', a)),
  ],
});
