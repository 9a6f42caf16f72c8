import { describe, expect, it } from 'vitest';
import {
  familiarMatch,
  familiarName,
  familiarString,
  hasExplicitDomain,
  isNameOnly,
  name,
  parse,
  parseAnyReference,
  parseDockerRef,
  parseNamed,
  parseNormalizedNamed,
  pathMatch,
  referenceString,
  tagNameOnly,
  trimNamed,
  withDigest,
  withName,
  withTag,
  type Reference,
} from '../../src/reference';

/** The message of the error `fn` throws (fails the test when it does not throw). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}
import fixture from './fixtures/go-reference.json';

const H64 = 'a'.repeat(64);

describe('parseNormalizedNamed', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', 'nginx'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx:1.27'],
    ['docker.io/library/nginx:1.27', 'docker.io/library/nginx:1.27', 'nginx:1.27'],
    ['docker.io/nginx', 'docker.io/library/nginx', 'nginx'],
    ['index.docker.io/foo/bar', 'docker.io/foo/bar', 'foo/bar'],
    ['foo/bar', 'docker.io/foo/bar', 'foo/bar'],
    ['foo/bar/baz', 'docker.io/foo/bar/baz', 'foo/bar/baz'],
    ['docker.io/library/foo/bar', 'docker.io/library/foo/bar', 'library/foo/bar'], // nested: library/ kept
    ['localhost:5000/x', 'localhost:5000/x', 'localhost:5000/x'],
    ['localhost/x', 'localhost/x', 'localhost/x'],
    ['localhost', 'docker.io/library/localhost', 'localhost'], // no '/', so not a domain
    ['localhost:5000', 'docker.io/library/localhost:5000', 'localhost:5000'], // tag 5000!
    ['example.com/foo', 'example.com/foo', 'example.com/foo'],
    ['example.com:8080/foo/bar:tag', 'example.com:8080/foo/bar:tag', 'example.com:8080/foo/bar:tag'],
    ['127.0.0.1:5000/a/b', '127.0.0.1:5000/a/b', '127.0.0.1:5000/a/b'],
    ['[::1]:5000/a', '[::1]:5000/a', '[::1]:5000/a'],
    ['FOO/bar', 'FOO/bar', 'FOO/bar'], // upper-case first element is taken as a domain
    ['nginx:Latest', 'docker.io/library/nginx:Latest', 'nginx:Latest'],
    [`nginx@sha256:${H64}`, `docker.io/library/nginx@sha256:${H64}`, `nginx@sha256:${H64}`],
    [`nginx:1@sha256:${H64}`, `docker.io/library/nginx:1@sha256:${H64}`, `nginx:1@sha256:${H64}`],
    ['a:_t', 'docker.io/library/a:_t', 'a:_t'],
    ['a__b', 'docker.io/library/a__b', 'a__b'],
    ['a--b', 'docker.io/library/a--b', 'a--b'],
  ])('%s -> %s (familiar %s)', (input, full, familiar) => {
    const ref = parseNormalizedNamed(input);
    expect(referenceString(ref)).toBe(full);
    expect(familiarString(ref)).toBe(familiar);
  });

  it.each([
    ['', 'invalid reference format'],
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['library/Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['a/B', 'invalid reference format: repository name (a/B) must be lowercase'],
    [H64, `invalid repository name (${H64}), cannot specify 64-byte hexadecimal strings`],
    ['nginx:', 'invalid reference format'],
    ['nginx@', 'invalid reference format'],
    ['/nginx', 'invalid reference format'],
    ['nginx/', 'invalid reference format'],
    ['a//b', 'invalid reference format'],
    ['a..b', 'invalid reference format'],
    ['a___b', 'invalid reference format'],
    ['a-', 'invalid reference format'],
    ['-a', 'invalid reference format'],
    ['a:b:c', 'invalid reference format'],
    ['a:.t', 'invalid reference format'],
    ['a b', 'invalid reference format'],
    ['host:port/x', 'invalid reference format'],
    ['[::1]:5000', 'invalid reference format'],
    ['[fe80::1%eth0]/a', 'invalid reference format'],
    ['éé', 'invalid reference format'],
    ['a:' + 't'.repeat(129), 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['nginx@sha256:' + 'A'.repeat(64), 'invalid checksum digest format'],
    ['nginx@sha256:' + 'a'.repeat(40), 'invalid checksum digest length'],
    ['nginx@md5:' + 'a'.repeat(32), 'unsupported digest algorithm'],
    ['x.io/' + 'a'.repeat(256), 'repository name must not be more than 255 characters'],
    ['library/' + 'a'.repeat(248), 'repository name must not be more than 255 characters'],
  ])('%j fails: %s', (input, message) => {
    expect(errorOf(() => parseNormalizedNamed(input))).toBe(message);
  });

  it('counts the 255-character limit on the path only', () => {
    expect(parseNormalizedNamed('x.io/' + 'a'.repeat(255)).path).toHaveLength(255);
    expect(() => parseNormalizedNamed('a'.repeat(248))).toThrow('repository name must not be more than 255 characters');
    expect(parseNormalizedNamed('a'.repeat(247)).path).toBe('library/' + 'a'.repeat(247));
  });
});

describe('parse (no normalisation)', () => {
  it.each([
    ['nginx', '', 'nginx'],
    ['foo/bar', 'foo', 'bar'], // the grammar alone takes a DNS-like first element as domain
    ['docker.io/nginx', 'docker.io', 'nginx'],
    ['localhost:5000', '', 'localhost'],
    ['example.com:8080/foo/bar:tag', 'example.com:8080', 'foo/bar'],
  ])('%s: domain %j path %j', (input, domain, path) => {
    const ref = parse(input) as Extract<Reference, { kind: 'named' }>;
    expect([ref.domain, ref.path]).toEqual([domain, path]);
  });
  it.each([
    ['', 'repository name must have at least one component'],
    ['Nginx', 'repository name must be lowercase'],
    ['a/B', 'repository name must be lowercase'],
    ['a b', 'invalid reference format'],
  ])('%j fails: %s', (input, message) => {
    expect(errorOf(() => parse(input))).toBe(message);
  });
});

describe('other parsers', () => {
  it('parseAnyReference takes IDs and digests as digest references', () => {
    expect(parseAnyReference(H64)).toEqual({ kind: 'digest', digest: `sha256:${H64}` });
    expect(parseAnyReference(`sha256:${H64}`)).toEqual({ kind: 'digest', digest: `sha256:${H64}` });
    expect(referenceString(parseAnyReference('nginx'))).toBe('docker.io/library/nginx');
    // a short hex string is a name
    expect(referenceString(parseAnyReference('4cad75abc83d'))).toBe('docker.io/library/4cad75abc83d');
  });
  it('parseDockerRef adds latest and drops the tag when a digest is present', () => {
    expect(referenceString(parseDockerRef('nginx'))).toBe('docker.io/library/nginx:latest');
    expect(referenceString(parseDockerRef('nginx:1'))).toBe('docker.io/library/nginx:1');
    expect(referenceString(parseDockerRef(`nginx:1@sha256:${H64}`))).toBe(`docker.io/library/nginx@sha256:${H64}`);
  });
  it('parseNamed wants the canonical form', () => {
    expect(referenceString(parseNamed('docker.io/library/nginx:1'))).toBe('docker.io/library/nginx:1');
    expect(() => parseNamed('nginx')).toThrow('repository name must be canonical');
  });
  it('with*/trim/tagNameOnly', () => {
    const ref = parseNormalizedNamed(`nginx:1@sha256:${H64}`);
    expect(referenceString(trimNamed(ref))).toBe('docker.io/library/nginx');
    expect(isNameOnly(trimNamed(ref))).toBe(true);
    expect(referenceString(withTag(trimNamed(ref), '2'))).toBe('docker.io/library/nginx:2');
    expect(referenceString(withTag(withDigest(trimNamed(ref), `sha256:${H64}`), 'x'))).toBe(
      `docker.io/library/nginx:x@sha256:${H64}`,
    );
    expect(() => withTag(ref, '-bad')).toThrow('invalid tag format');
    expect(() => withDigest(ref, 'sha256:xyz')).toThrow('invalid digest format');
    expect(name(withName('example.com/a/b'))).toBe('example.com/a/b');
    expect(() => withName('A')).toThrow('invalid reference format');
    expect(referenceString(tagNameOnly(parseNormalizedNamed('foo/bar')))).toBe('docker.io/foo/bar:latest');
    expect(familiarName(parseNormalizedNamed('docker.io/library/nginx:1.27'))).toBe('nginx');
  });
  it('hasExplicitDomain mirrors the domain rules', () => {
    expect(hasExplicitDomain('localhost/x')).toBe(true);
    expect(hasExplicitDomain('a.b/x')).toBe(true);
    expect(hasExplicitDomain('a:5000/x')).toBe(true);
    expect(hasExplicitDomain('Foo/x')).toBe(true);
    expect(hasExplicitDomain('foo/x')).toBe(false);
    expect(hasExplicitDomain('localhost')).toBe(false);
  });
  it('does not backtrack catastrophically on long garbage', () => {
    const start = performance.now();
    for (const s of ['a'.repeat(5000) + '!', 'a-'.repeat(3000) + '!', 'a.'.repeat(3000) + '/!', '0'.repeat(4000) + ':']) {
      expect(() => parseNormalizedNamed(s)).toThrow();
    }
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('path.Match and FamiliarMatch', () => {
  it.each([
    ['ng*', 'nginx:latest', true],
    ['*', 'a/b', false],
    ['a?b', 'a/b', false],
    ['a[/]b', 'a/b', true], // classes may match '/'
    ['a?b', 'a☺b', true],
    ['[a-ζ]*', 'α', true],
    ['[\\]a]', ']', true],
    ['[^z-a]', 'm', true],
    ['[z-a]', 'm', false],
  ])('%s ~ %s = %s', (pattern, s, want) => {
    expect(pathMatch(pattern, s)).toBe(want);
  });
  it.each(['[', '[^', '[^bc', 'a[', '\\', '[]a]', '[-]', '[x-]', '[a-b-c]'])('%j is a bad pattern', (pattern) => {
    expect(() => pathMatch(pattern, 'a')).toThrow('syntax error in pattern');
  });
  it('matches the familiar string, then the familiar name', () => {
    const ref = parseNormalizedNamed('nginx:latest');
    expect(familiarMatch('nginx', ref)).toBe(true);
    expect(familiarMatch('nginx:*', ref)).toBe(true);
    expect(familiarMatch('*/*', ref)).toBe(false);
    expect(familiarMatch('docker.io/*', parseNormalizedNamed('foo/bar:1'))).toBe(false);
    expect(familiarMatch('foo/*', parseNormalizedNamed('foo/bar:1'))).toBe(true);
  });
});

// Every case below was printed by Go (see fixtures/go-reference.json).
describe('agrees with distribution/reference on the recorded cases', () => {
  type Case = [string, string, string, Record<string, unknown>];
  const cases = (fixture as unknown as { cases: Case[] }).cases;
  function describeRef(r: Reference): Record<string, unknown> {
    const m: Record<string, unknown> = { string: referenceString(r), familiarString: familiarString(r) };
    if (r.kind === 'named') {
      Object.assign(m, { name: name(r), domain: r.domain, path: r.path, familiarName: familiarName(r), nameOnly: isNameOnly(r) });
      if (r.tag !== undefined) m.tag = r.tag;
    } else {
      m.digestOnly = true;
    }
    if (r.digest !== undefined) m.digest = r.digest;
    return m;
  }
  const fns: Record<string, (s: string) => Reference> = {
    parse,
    pnn: parseNormalizedNamed,
    pany: parseAnyReference,
    pnamed: parseNamed,
    pdocker: parseDockerRef,
  };
  it.each(cases.map((c) => [c[0], c[1].length > 60 ? c[1].slice(0, 60) + '…' : c[1], c] as const))(
    '%s %j',
    (_k, _label, [k, input, pattern, want]) => {
      let got: Record<string, unknown>;
      try {
        if (k === 'match') got = { match: pathMatch(pattern, input) };
        else if (k === 'fmatch') got = { match: familiarMatch(pattern, parseNormalizedNamed(input)) };
        else got = describeRef(fns[k]!(input));
      } catch (e) {
        got = k.includes('match') ? { match: false, err: (e as Error).message } : { err: (e as Error).message };
      }
      expect(got).toEqual(want);
    },
  );
});
