// The parser: "is this input complete?" for the terminal, and syntax errors worded as each
// shell words them (compared with the real shells where installed).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isComplete, parse, ParseError, type Flavor } from '../../src/sh';
import { haveFor, runMain, runReal, runSh } from './harness';

const FLAVORS: Flavor[] = ['bash', 'dash', 'ash'];

describe('isComplete', () => {
  const complete = [
    'echo hi',
    'echo "a b"',
    "echo 'x'",
    'if true; then echo yes; fi',
    'a | b && c || d',
    'f() { echo; }',
    'cat <<EOF\nbody\nEOF',
    'echo $(date) `date` ${x:-y} $((1+2))',
    // syntax errors are complete: running them reports the error
    'fi',
    'echo )',
    'a | | b',
  ];
  const incomplete = [
    'echo "abc',
    "echo 'abc",
    'if true',
    'if true; then',
    'if true; then echo; else',
    'while true; do',
    'for x in a b',
    'case x in',
    'case x in a) echo;;',
    'a |',
    'a &&',
    'a ||',
    'echo \\',
    'cat <<EOF',
    'cat <<EOF\nline',
    'echo $(',
    'echo `ls',
    'echo ${x',
    'f() {',
    '(',
    '{ echo',
    'echo $((1+',
    'echo "multi\nline',
  ];
  for (const flavor of FLAVORS) {
    it.each(complete)(`${flavor}: complete: %j`, (src) => expect(isComplete(src, flavor)).toBe(true));
    it.each(incomplete)(`${flavor}: incomplete: %j`, (src) => expect(isComplete(src, flavor)).toBe(false));
  }
  it('`echo >` then Enter is a syntax error, not a continuation', () => {
    expect(isComplete('echo >', 'bash')).toBe(true);
  });
  it('dash has no here-strings: <<< is a heredoc followed by <', () => {
    expect(isComplete('cat <<< x', 'dash')).toBe(true);
  });
});

describe('the parse tree', () => {
  it('parses assignments, words, redirections and heredocs', () => {
    const p = parse('A=1 B=x cmd "arg 1" 2>&1 >out <<EOF\nhello $A\nEOF\n', 'bash');
    const c = p.items[0].node.first.commands[0];
    expect(c.type).toBe('simple');
    if (c.type !== 'simple') return;
    expect(c.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c.words.map((w) => w.text)).toEqual(['cmd', '"arg 1"']);
    expect(c.redirs.map((r) => [r.fd, r.op, r.target.text])).toEqual([
      [2, '>&', '1'],
      [undefined, '>', 'out'],
      [undefined, '<<', 'EOF'],
    ]);
    expect(c.redirs[2].heredoc?.body.text).toBe('hello $A\n');
  });

  it('reports errors with a flag telling an incomplete input from a wrong one', () => {
    expect(() => parse('if true', 'dash')).toThrow(ParseError);
    try {
      parse('fi', 'ash');
    } catch (e) {
      expect((e as ParseError).incomplete).toBe(false);
    }
  });
});

const SYNTAX = [
  'fi',
  'if true',
  'echo "abc',
  "echo 'abc",
  'echo (',
  'a | | b',
  'for x in; do',
  'case x in',
  'echo $(',
  '{ }',
  ')',
  'a &&',
  'echo hi; ;',
  'echo >',
  'if true; then',
  'if true; then fi',
  'while true; do done',
  'echo > ;',
  'case x in a) ;; esac; esac',
  'for 1 in a; do :; done',
  'echo ${x',
  'echo `ls',
  'then',
  'echo )',
  'a && && b',
  '|a',
  'if true then fi',
  'if true; fi',
  'while true; fi',
  'for x in a b; echo',
  'for x y',
  'case a b',
  '{ echo; )',
  'if true; then echo; else fi',
  'echo a\nfi\necho b',
  'cat <',
];

describe.each(FLAVORS)('%s -c: syntax errors as the real shell prints them', (flavor) => {
  it.skipIf(!haveFor(flavor)).each(SYNTAX)('%j', (script) => {
    const real = runReal(flavor, script);
    const ours = runSh(script, { flavor, name: flavor === 'ash' ? 'sh' : flavor });
    expect({ stdout: ours.stdout, stderr: ours.stderr, status: ours.status }).toEqual(real);
  });
});

describe.each(FLAVORS)('%s script.sh: errors name the script and its line', (flavor) => {
  const scripts = ['echo a\nfoo\ncd /nope\necho ${x?oops}\n', 'echo a\nfi\n', 'x=1\nif true; then\necho in\n'];
  it.skipIf(!haveFor(flavor)).each(scripts)('%j', (text) => {
    const dir = mkdtempSync(join(tmpdir(), 'docksim-sh-'));
    let real;
    try {
      writeFileSync(join(dir, 'script.sh'), text);
      const cmd = flavor === 'ash' ? ['busybox', ['sh', 'script.sh']] : [flavor, ['script.sh']];
      const r = spawnSync(cmd[0] as string, cmd[1] as string[], { cwd: dir, encoding: 'utf8', input: '', env: { PATH: '/usr/bin:/bin', HOME: '/root', SHLVL: '1' } });
      real = { stdout: r.stdout, stderr: r.stderr, status: r.status };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const argv0 = flavor === 'ash' ? 'sh' : flavor;
    const ours = runMain([argv0, 'script.sh'], { flavor, files: { 'script.sh': text } });
    expect({ stdout: ours.stdout, stderr: ours.stderr, status: ours.status }).toEqual(real);
  });
});

describe('interactive shells print shorter messages', () => {
  it.each([
    ['bash', 'fi', "bash: syntax error near unexpected token `fi'\n"],
    ['dash', 'fi', 'sh: 1: Syntax error: "fi" unexpected\n'],
    ['ash', 'fi', 'sh: syntax error: unexpected "fi"\n'],
    ['bash', 'foo', 'bash: foo: command not found\n'],
    ['dash', 'foo', 'sh: 1: foo: not found\n'],
    ['ash', 'foo', 'sh: foo: not found\n'],
    ['bash', 'cd /nope', 'bash: cd: /nope: No such file or directory\n'],
    ['ash', 'cd /nope', 'sh: cd: can\'t cd to /nope: No such file or directory\n'],
  ] as [Flavor, string, string][])('%s: %s', (flavor, script, stderr) => {
    const r = runSh(script, { flavor, interactive: true, name: flavor === 'bash' ? 'bash' : 'sh' });
    expect(r.stderr).toBe(stderr);
  });
});
