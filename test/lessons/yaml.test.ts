// The front-matter YAML subset, checked against the `yaml` package on documents of the kind
// lessons use, and its refusals.

import { describe, expect, it } from 'vitest';
import { parse as reference } from 'yaml';
import { parseYaml, YamlError } from '../../src/lessons/yaml';

const SAME: Record<string, string> = {
  'scalars': `
title: Images and registries
order: 2
ratio: 0.5
yes: true
no: false
nothing: null
tilde: ~
empty:
quoted: "a \\"b\\" \\u00e9"
single: 'it''s'
colon: 8080:80
url: http://localhost:8080/
hash: a#b
`,
  'comments': `
# leading comment
a: 1 # trailing
b: "x # not a comment"
c: 'y # neither'
`,
  'sequences': `
prerequisites: [architecture, images]
list:
  - one
  - two words
  - "three"
same-indent:
- a
- b
empty: []
`,
  'nested mappings in sequences': `
setup:
  - pull: [hello-world, nginx]
  - run: { name: web, image: nginx, ports: ["8080:80"] }
  - run:
      name: sleeper
      image: alpine
      command: [sleep, "1000"]
  - name: direct
    image: alpine
`,
  'flow across lines': `
run: { name: web,
       image: nginx }
`,
  'block scalars': `
literal: |
  line one
  line two

  after blank
folded: >
  folded
  into one

  paragraph two
strip: |-
  no newline
keep: |+
  kept

tail: end
`,
  'continued plain scalars': `
hints:
  - Use docker run with -p to publish
    a port of the container on the host.
  - second
text: a long
  sentence here
`,
  'nested flow': `
check: { all: [{ container: { image: nginx, state: running } }, { not: { imagePresent: { ref: alpine } } }] }
`,
  'deep blocks': `
check:
  all:
    - container:
        name: web
        publishes: "8080:80"
    - any:
        - imagePulled: { ref: nginx }
        - imagePresent: { ref: nginx }
solution:
  - docker run -d --name web -p 8080:80 nginx
`,
  'document marker': `---
a: 1
`,
  'numbers': `
ints: [0, -3, +4, 0x1f, 0o17]
floats: [1.5, -0.25, 1e3, .5]
not-numbers: [1.2.3, 08:00, v1]
`,
};

describe('parseYaml', () => {
  for (const [name, doc] of Object.entries(SAME)) {
    it(`reads ${name} as the yaml package does`, () => {
      expect(parseYaml(doc)).toEqual(reference(doc));
    });
  }

  it('reads an empty document as null', () => {
    expect(parseYaml('')).toBeNull();
    expect(parseYaml('# only a comment\n')).toBeNull();
  });

  it('refuses what lessons do not need, naming the line', () => {
    const bad = ['a: &x 1\nb: *x', 'a: 1\n---\nb: 2', 'a: !!str 1', 'a: [1, 2', 'a: "open', 'a: 1\na: 2', '? complex\n: key', 'a:\n  b: 1\n c: 2'];
    for (const doc of bad) {
      expect(() => parseYaml(doc), doc).toThrow(YamlError);
    }
    expect(() => parseYaml('a: 1\nb: [1,\n')).toThrow(/^line 2: unterminated flow collection$/);
  });
});
