// The lesson format: front matter, sections and steps, runnable code blocks, step blocks taken
// out of the text, and the errors a teacher sees for a malformed file.

import { describe, expect, it } from 'vitest';
import { commandsOf, LessonError, lessonIdOf, parseLesson, parseLessons } from '../../src/lessons';

const LESSON = `---
title: "A first service"
summary: Run nginx and visit it.
order: 5
prerequisites: [containers]
setup:
  - pull: [nginx]
---

Some **introduction**.

## Run it

Publish a port:

\`\`\`sh run
docker run -d --name web \\
  -p 8080:80 nginx
# a comment
docker ps
\`\`\`

\`\`\`yaml step
check:
  container: { name: web, state: running, publishes: "8080:80" }
hints:
  - "-p takes hostPort:containerPort."
solution:
  - docker run -d --name web -p 8080:80 nginx
\`\`\`

Output looks like:

\`\`\`
CONTAINER ID   IMAGE
\`\`\`

## Visit it

\`\`\`sh run
curl http://localhost:8080
\`\`\`

\`\`\`yaml step
id: curl-it
check: { httpServed: { container: web, status: 200 } }
solution: |
  curl http://localhost:8080
  curl -H "Accept: text/html" http://localhost:8080
\`\`\`

## What you learned

\`\`\`yaml
## not a heading: inside a fence
\`\`\`

Nothing to do here.
`;

describe('parseLesson', () => {
  const l = parseLesson('content/lessons/05-first-service.md', LESSON);

  it('reads the front matter', () => {
    expect(l).toMatchObject({
      id: 'first-service',
      title: 'A first service',
      summary: 'Run nginx and visit it.',
      order: 5,
      prerequisites: ['containers'],
      listen: ['unix:///var/run/docker.sock'],
      setup: [{ kind: 'pull', refs: ['nginx'] }],
      intro: 'Some **introduction**.',
    });
  });

  it('splits sections at ## headings outside code fences; sections with a step block are steps', () => {
    expect(l.sections.map((s) => [s.title, s.step?.id ?? null])).toEqual([
      ['Run it', 'run-it'],
      ['Visit it', 'curl-it'],
      ['What you learned', null],
    ]);
    expect(l.steps.map((s) => s.id)).toEqual(['run-it', 'curl-it']);
    expect(l.sections[2]!.body).toContain('## not a heading: inside a fence');
  });

  it('takes the step block out of the text and keeps the other code blocks', () => {
    const s = l.steps[0]!;
    expect(s.body).not.toContain('yaml step');
    expect(s.body).not.toContain('solution:');
    expect(s.body).toContain('Publish a port:');
    expect(s.body).toContain('Output looks like:');
    expect(s.blocks.map((b) => [b.lang, b.runnable])).toEqual([
      ['sh', true],
      ['', false],
    ]);
    expect(s.blocks[0]!.commands).toEqual(['docker run -d --name web -p 8080:80 nginx', 'docker ps']);
    expect(s.blocks[1]!.commands).toEqual([]);
    expect(s.hints).toEqual(['-p takes hostPort:containerPort.']);
    expect(s.solution).toEqual(['docker run -d --name web -p 8080:80 nginx']);
    expect(s.check.describe()).toBe('a running container named web publishing host port 8080 to port 80');
  });

  it('reads a solution written as a block, one command a line', () => {
    expect(l.steps[1]!.solution).toEqual(['curl http://localhost:8080', 'curl -H "Accept: text/html" http://localhost:8080']);
  });

  it('names the file and the problem when a lesson is malformed', () => {
    const bad: [string, RegExp][] = [
      ['no front matter', /starts with front matter/],
      ['---\ntitle: x\n', /not closed/],
      ['---\ntitle: x\nsummary: y\norder: 1\ncolour: red\n---\n', /unknown front matter key "colour"/],
      ['---\nsummary: y\norder: 1\n---\n', /needs a title/],
      ['---\ntitle: x\nsummary: y\n---\n', /numeric order/],
      ['---\ntitle: x\nsummary: y\norder: 1\nsetup: [{ pul: a }]\n---\n', /setup\[0\]: unknown step "pul"/],
      ['---\ntitle: x\nsummary: y\norder: 1\nlisten: ["tcp://nowhere"]\n---\n', /listen: expected/],
      ['---\ntitle: x\nsummary: y\norder: 1\nsetup: [a\n---\n', /front matter line 5: unterminated flow collection/],
      ['---\ntitle: x\nsummary: y\norder: 1\n---\nText only.\n', /at least one step/],
      [step('check: { imagePresent: { ref: a } }'), /no reference solution/],
      [step('solution: [docker ps]'), /no check/],
      [step('check: { imagePresnt: { ref: a } }\nsolution: [docker ps]'), /step "S": check: unknown check "imagePresnt"/],
      [step('check: { imagePresent: { ref: a } }\nsolution:\n  - curl -H "Accept: x" url'), /a line with ": " in it needs quotes/],
      [step('check: { imagePresent: { ref: a } }\nsolution: [x]\nhint: [y]'), /unknown key "hint"/],
      [step('check: { imagePresent: { ref: a } }\nsolution: [x]') + '\n## S\n\n```yaml step\ncheck: { imagePresent: { ref: a } }\nsolution: [x]\n```\n', /duplicate step id "s"/],
    ];
    for (const [text, msg] of bad) {
      expect(() => parseLesson('bad.md', text), text).toThrow(msg);
      expect(() => parseLesson('bad.md', text)).toThrow(LessonError);
      expect(() => parseLesson('bad.md', text)).toThrow(/^bad\.md: /);
    }
  });
});

function step(block: string, id = 'S'): string {
  return `---\ntitle: x\nsummary: y\norder: 1\n---\n\n## ${id}\n\n\`\`\`yaml step\n${block}\n\`\`\`\n`;
}

function lesson(order: number, prerequisites: string[]): string {
  return `---\ntitle: t\nsummary: s\norder: ${order}\nprerequisites: [${prerequisites.join(', ')}]\n---\n\n## S\n\n\`\`\`yaml step\ncheck: { imagePresent: { ref: a } }\nsolution: [x]\n\`\`\`\n`;
}

describe('parseLessons', () => {
  it('orders lessons and checks their prerequisites', () => {
    const ls = parseLessons({ 'b.md': lesson(2, ['a']), 'a.md': lesson(1, []), 'c.md': lesson(3, ['a', 'b']) });
    expect(ls.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(() => parseLessons({ 'a.md': lesson(1, ['b']), 'b.md': lesson(2, []) })).toThrow(/prerequisite "b" comes later/);
    expect(() => parseLessons({ 'a.md': lesson(1, ['zz']) })).toThrow(/unknown prerequisite "zz"/);
    expect(() => parseLessons({ '01-a.md': lesson(1, []), '02-a.md': lesson(2, []) })).toThrow(/two lessons have the id "a"/);
  });

  it('derives ids from file names', () => {
    expect(lessonIdOf('content/lessons/03-containers.md')).toBe('containers');
    expect(lessonIdOf('first-service.md')).toBe('first-service');
  });

  it('reads the commands of a runnable block', () => {
    expect(commandsOf('$ docker ps\n\n# comment\ndocker run \\\n  alpine\n')).toEqual(['docker ps', 'docker run alpine']);
  });
});
