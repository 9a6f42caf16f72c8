import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ParsedTarEntry, type TarEntry, TarError, parseTar, writeTar } from '../../src/vfs';

const enc = new TextEncoder();
const dec = new TextDecoder();
const LONG_DIR = 'deeply/' + 'nested-directory-name/'.repeat(6); // > 100 bytes
const VERY_LONG = 'x'.repeat(180) + '/' + 'y'.repeat(120) + '.txt'; // > 255 bytes, no prefix split possible

let tmp: string;
beforeAll(() => {
  tmp = nodeFs.mkdtempSync(nodePath.join(os.tmpdir(), 'vfs-tar-'));
});
afterAll(() => {
  nodeFs.rmSync(tmp, { recursive: true, force: true });
});

function sys(args: string[], cwd = tmp): string {
  return execFileSync('tar', args, { cwd, encoding: 'utf8' });
}

/** Parsed entries reduced to what a writer controls. */
function essentials(entries: ParsedTarEntry[]) {
  return entries.map((e) => ({
    name: e.name,
    type: e.type,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    mtime: e.mtime,
    size: e.size,
    linkname: e.linkname,
    content: e.content ? dec.decode(e.content) : undefined,
  }));
}

const sample: TarEntry[] = [
  { name: 'app/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 1_700_000_000_000 },
  { name: 'app/main.js', type: 'file', mode: 0o644, uid: 1000, gid: 1000, mtime: 1_700_000_001_000, content: 'console.log(1)\n' },
  { name: 'app/run.sh', type: 'file', mode: 0o4755, content: '#!/bin/sh\n' },
  { name: 'app/empty', type: 'file', content: '' },
  { name: 'app/link', type: 'symlink', linkname: 'main.js' },
  { name: 'app/hard', type: 'hardlink', linkname: 'app/main.js' },
  { name: `${LONG_DIR}file-with-a-long-path.txt`, type: 'file', content: 'long' },
  { name: VERY_LONG, type: 'file', content: 'very long' },
  { name: 'app/ünïcødé-名前.txt', type: 'file', content: 'unicode' },
  { name: 'app/far-link', type: 'symlink', linkname: '/' + 'target/'.repeat(30) + 'file' },
  { name: 'app/big-ids', type: 'file', uid: 3_000_000, gid: 4_000_000, content: 'ids' },
  { name: 'app/owned', type: 'file', uname: 'www-data', gname: 'www-data', uid: 33, gid: 33, content: '' },
];

describe('writeTar and parseTar', () => {
  test('round trip keeps names, types, modes, owners, mtimes, links and content', () => {
    const parsed = parseTar(writeTar(sample));
    expect(parsed.map((e) => e.name)).toEqual(sample.map((e) => e.name));
    expect(essentials(parsed)).toEqual(
      sample.map((e) => ({
        name: e.name,
        type: e.type,
        mode: e.mode ?? (e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : 0o644),
        uid: e.uid ?? 0,
        gid: e.gid ?? 0,
        mtime: e.mtime ?? 0,
        size: typeof e.content === 'string' ? enc.encode(e.content).length : 0,
        linkname: e.linkname ?? '',
        content: e.type === 'file' ? (e.content as string) : undefined,
      })),
    );
    expect(parsed.find((e) => e.name === 'app/owned')).toMatchObject({ uname: 'www-data', gname: 'www-data' });
  });

  test('binary content round-trips byte for byte', () => {
    const bytes = new Uint8Array(1500);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    const [e] = parseTar(writeTar([{ name: 'bin', type: 'file', content: bytes }]));
    expect(e!.content).toEqual(bytes);
  });

  test('mtimes are whole seconds', () => {
    const [e] = parseTar(writeTar([{ name: 'f', type: 'file', content: '', mtime: 1_700_000_000_999 }]));
    expect(e!.mtime).toBe(1_700_000_000_000);
  });

  test('directory names get a trailing slash', () => {
    expect(parseTar(writeTar([{ name: 'd', type: 'dir' }]))[0]!.name).toBe('d/');
  });

  test('headers are ustar with a valid checksum; the archive ends with two zero blocks', () => {
    const bytes = writeTar([{ name: 'f', type: 'file', content: 'abc' }]);
    expect(bytes.length).toBe(512 + 512 + 1024);
    expect(dec.decode(bytes.subarray(257, 265))).toBe('ustar\u000000');
    expect(dec.decode(bytes.subarray(100, 108))).toBe('0000644\0');
    expect(dec.decode(bytes.subarray(124, 136))).toBe('00000000003\0');
    expect(bytes.subarray(1024).every((b) => b === 0)).toBe(true);
  });

  test('a PAX header carries only what does not fit the ustar header', () => {
    const bytes = writeTar([{ name: 'x'.repeat(120), type: 'file', content: '' }]);
    expect(String.fromCharCode(bytes[156]!)).toBe('x');
    expect(dec.decode(bytes.subarray(512, 512 + 20))).toBe('130 path=' + 'x'.repeat(11));
    const short = writeTar([{ name: 'short', type: 'file', content: '' }]);
    expect(String.fromCharCode(short[156]!)).toBe('0');
  });

  test('a corrupt header fails', () => {
    const bytes = writeTar([{ name: 'f', type: 'file', content: 'abc' }]);
    bytes[10] = 65;
    expect(() => parseTar(bytes)).toThrow(TarError);
  });

  test('a truncated archive fails', () => {
    const bytes = writeTar([{ name: 'f', type: 'file', content: 'x'.repeat(2000) }]);
    expect(() => parseTar(bytes.subarray(0, 1024))).toThrow(TarError);
  });

  test('an empty archive, and one missing its end blocks, parse', () => {
    expect(parseTar(writeTar([]))).toEqual([]);
    expect(parseTar(new Uint8Array(0))).toEqual([]);
    const bytes = writeTar([{ name: 'f', type: 'file', content: 'a' }]);
    expect(parseTar(bytes.subarray(0, 1024)).map((e) => e.name)).toEqual(['f']);
  });

  test('content and size must agree', () => {
    expect(() => writeTar([{ name: 'f', type: 'file', content: 'abc', size: 5 }])).toThrow(TarError);
  });

  test('content can be streamed from a source', () => {
    const bytes = writeTar([
      { name: 'f', type: 'file', size: 1000, source: () => [new Uint8Array(600).fill(1), new Uint8Array(400).fill(2)] },
    ]);
    const [e] = parseTar(bytes);
    expect(e!.size).toBe(1000);
    expect(e!.content![599]).toBe(1);
    expect(e!.content![600]).toBe(2);
  });
});

describe('interoperability with the system tar', () => {
  function makeTree(root: string) {
    nodeFs.mkdirSync(nodePath.join(root, 'ctx', LONG_DIR), { recursive: true });
    nodeFs.mkdirSync(nodePath.join(root, 'ctx', 'empty-dir'));
    nodeFs.writeFileSync(nodePath.join(root, 'ctx', 'Dockerfile'), 'FROM alpine\nCOPY . /app\n');
    nodeFs.writeFileSync(nodePath.join(root, 'ctx', LONG_DIR, 'deep.txt'), 'deep');
    nodeFs.writeFileSync(nodePath.join(root, 'ctx', 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    nodeFs.chmodSync(nodePath.join(root, 'ctx', 'run.sh'), 0o755);
    nodeFs.writeFileSync(nodePath.join(root, 'ctx', 'bin.dat'), Buffer.from([0, 1, 2, 255, 254]));
    nodeFs.writeFileSync(nodePath.join(root, 'ctx', 'ünï.txt'), 'unicode');
    nodeFs.symlinkSync('Dockerfile', nodePath.join(root, 'ctx', 'link'));
    nodeFs.linkSync(nodePath.join(root, 'ctx', 'Dockerfile'), nodePath.join(root, 'ctx', 'hard'));
  }

  for (const format of ['gnu', 'pax', 'ustar', 'posix']) {
    test(`parses an archive made by tar --format=${format}`, () => {
      const dir = nodeFs.mkdtempSync(nodePath.join(tmp, `fmt-${format}-`));
      makeTree(dir);
      sys(['--format', format, '--sort=name', '-cf', 'out.tar', 'ctx'], dir);
      const entries = parseTar(new Uint8Array(nodeFs.readFileSync(nodePath.join(dir, 'out.tar'))));
      const byName = new Map(entries.map((e) => [e.name, e]));
      expect(byName.get('ctx/')?.type).toBe('dir');
      expect(byName.get('ctx/empty-dir/')?.type).toBe('dir');
      expect(dec.decode(byName.get('ctx/Dockerfile')!.content)).toBe('FROM alpine\nCOPY . /app\n');
      expect(byName.get(`ctx/${LONG_DIR}deep.txt`)?.content).toEqual(enc.encode('deep'));
      expect(byName.get('ctx/run.sh')?.mode).toBe(0o755);
      expect(byName.get('ctx/bin.dat')?.content).toEqual(new Uint8Array([0, 1, 2, 255, 254]));
      expect(byName.get('ctx/ünï.txt')?.content).toEqual(enc.encode('unicode'));
      expect(byName.get('ctx/link')).toMatchObject({ type: 'symlink', linkname: 'Dockerfile' });
      const links = [byName.get('ctx/hard')!, byName.get('ctx/Dockerfile')!];
      expect(links.map((e) => e.type).sort()).toEqual(['file', 'hardlink']);
      const st = nodeFs.statSync(nodePath.join(dir, 'ctx', 'Dockerfile'));
      // ustar and gnu headers hold whole seconds; GNU tar's PAX headers add the fraction
      const whole = format === 'gnu' || format === 'ustar';
      expect(byName.get('ctx/Dockerfile')!.mtime).toBe(whole ? Math.floor(st.mtimeMs / 1000) * 1000 : Math.round(st.mtimeMs));
    });
  }

  test('reads PAX global headers and GNU base-256 numbers', () => {
    const dir = nodeFs.mkdtempSync(nodePath.join(tmp, 'num-'));
    nodeFs.writeFileSync(nodePath.join(dir, 'f'), 'x');
    sys(['--format=gnu', '--owner=big:3000000', '--group=big:3000001', '-cf', 'gnu.tar', 'f'], dir);
    sys(['--format=pax', '--pax-option=comment=hello', '--owner=big:3000000', '--group=big:3000001', '-cf', 'pax.tar', 'f'], dir);
    for (const file of ['gnu.tar', 'pax.tar']) {
      const entries = parseTar(new Uint8Array(nodeFs.readFileSync(nodePath.join(dir, file))));
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ name: 'f', uid: 3_000_000, gid: 3_000_001, uname: 'big', gname: 'big' });
    }
  });

  test('the system tar reads what writeTar writes', () => {
    const dir = nodeFs.mkdtempSync(nodePath.join(tmp, 'ours-'));
    const entries = sample.filter((e) => e.type !== 'hardlink');
    entries.push({ name: 'app/hard', type: 'hardlink', linkname: 'app/main.js' });
    nodeFs.writeFileSync(nodePath.join(dir, 'ours.tar'), writeTar(entries));
    const listing = sys(['-tf', 'ours.tar'], dir).trim().split('\n');
    expect(listing).toEqual(entries.map((e) => e.name));
    nodeFs.mkdirSync(nodePath.join(dir, 'x'));
    sys(['-xf', '../ours.tar', '--no-same-owner'], nodePath.join(dir, 'x'));
    const x = (p: string) => nodePath.join(dir, 'x', p);
    expect(nodeFs.readFileSync(x('app/main.js'), 'utf8')).toBe('console.log(1)\n');
    expect(nodeFs.readFileSync(x(`${LONG_DIR}file-with-a-long-path.txt`), 'utf8')).toBe('long');
    expect(nodeFs.readFileSync(x(VERY_LONG), 'utf8')).toBe('very long');
    expect(nodeFs.readFileSync(x('app/ünïcødé-名前.txt'), 'utf8')).toBe('unicode');
    expect(nodeFs.readlinkSync(x('app/link'))).toBe('main.js');
    expect(nodeFs.readlinkSync(x('app/far-link'))).toBe('/' + 'target/'.repeat(30) + 'file');
    expect(nodeFs.statSync(x('app/run.sh')).mode & 0o777).toBe(0o755);
    expect(nodeFs.statSync(x('app/main.js')).mtimeMs).toBe(1_700_000_001_000);
    expect(nodeFs.statSync(x('app/hard')).ino).toBe(nodeFs.statSync(x('app/main.js')).ino);
    const verbose = sys(['--numeric-owner', '-tvf', 'ours.tar'], dir);
    expect(verbose).toMatch(/3000000\/4000000 .* app\/big-ids/);
  });
});
