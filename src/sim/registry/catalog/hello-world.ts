// library/hello-world: one static binary that prints a greeting and exits 0.

import { ImageBuilder } from './build';
import { layerMaker } from './layers';
import { repository, tags, type Arch, type ImageDef } from './model';

const CREATED = '2025-01-21T23:32:32Z';

function build(arch: Arch): ImageDef {
  const L = layerMaker('hello-world:latest', arch, CREATED);
  const hello = L('hello', { amd64: [3_195, 10_072], arm64: [3_411, 10_576] }, (t) => {
    t.exe('/hello', 'hello', arch === 'arm64' ? 10_576 : 10_072);
  });
  return ImageBuilder.scratch(arch).at(CREATED).copy('hello /', hello).cmd(['/hello']).build();
}

export const helloWorld = repository({
  name: 'hello-world',
  description: 'Hello World! (an example of minimal Dockerization)',
  stars: 2_436,
  groups: [tags(['latest', 'linux'], build)],
});
