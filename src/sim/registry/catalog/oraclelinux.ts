// library/oraclelinux (the slim variant the mysql images build on)

import { ORACLELINUX, oraclelinuxImage } from './base/oraclelinux';
import { repository, tags } from './model';

export const oraclelinux = repository({
  name: 'oraclelinux',
  description: 'Official Docker builds of Oracle Linux.',
  stars: 1_014,
  groups: [tags(['9-slim', `${ORACLELINUX.version}-slim`], oraclelinuxImage)],
});
