import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AlignRight, Debug, DiscardEmptyColumns, TabWriter, alignTable } from '../../../src/cli/format';
import fixture from './fixtures/go-tabwriter.json';

describe('TabWriter agrees with Go text/tabwriter on ASCII input', () => {
  const cases = (fixture as { cases: { In: string; Flags: number; Out: string }[] }).cases;
  it.each(cases.map((c) => [JSON.stringify(c.In), c.Flags, c] as const))('%s flags=%i', (_i, _f, c) => {
    const w = new TabWriter(10, 1, 3, ' ', c.Flags);
    w.write(c.In);
    expect(w.flush()).toBe(c.Out);
  });
  it('exports Go flag values', () => {
    expect([AlignRight, DiscardEmptyColumns, Debug]).toEqual([4, 8, 32]);
  });
});

describe('docker table layout (shared/reference/cli-output.md)', () => {
  it('empty docker ps: header only, CONTAINER ID 15 wide, last column unpadded', () => {
    expect(alignTable('CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n')).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
  });

  it('docker ps example (§3.1)', () => {
    const rows = [
      ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'],
      ['3f2a9c1b7d4e', 'nginx', '"/docker-entrypoint.…"', '2 minutes ago', 'Up 2 minutes', '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp', 'web'],
      ['9b1c2d3e4f5a', 'redis:7', '"docker-entrypoint.s…"', 'About an hour ago', 'Exited (0) 3 seconds ago', '', 'cache'],
      ['a1b2c3d4e5f6', 'alpine', '"sleep infinity"', 'Less than a second ago', 'Created', '', 'happy_turing'],
    ];
    expect(alignTable(rows.map((r) => r.join('\t') + '\n').join(''))).toBe(
      [
        'CONTAINER ID   IMAGE     COMMAND                  CREATED                  STATUS                     PORTS                                     NAMES',
        '3f2a9c1b7d4e   nginx     "/docker-entrypoint.…"   2 minutes ago            Up 2 minutes               0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web',
        '9b1c2d3e4f5a   redis:7   "docker-entrypoint.s…"   About an hour ago        Exited (0) 3 seconds ago                                             cache',
        'a1b2c3d4e5f6   alpine    "sleep infinity"         Less than a second ago   Created                                                              happy_turing',
        '',
      ].join('\n'),
    );
  });

  it('an empty last column leaves the padding of the previous one (service ls, §3.5)', () => {
    const text =
      'ID\tNAME\tMODE\tREPLICAS\tIMAGE\tPORTS\n' +
      'kq1x2y3z4w5v\tweb\treplicated\t3/3\tnginx:latest\t*:8080->80/tcp\n' +
      'p0o9i8u7y6t5\tworker\tglobal\t1/1\talpine:3.20\t\n';
    expect(alignTable(text).split('\n')[2]).toBe('p0o9i8u7y6t5   worker    global       1/1        alpine:3.20    ');
  });

  it('measures wide characters as two columns and … as one', () => {
    const out = alignTable('NAME\tX\n日本語のなまえ\ty\nab…\tz\n');
    expect(out).toBe('NAME             X\n日本語のなまえ   y\nab…              z\n');
  });

  it('does not count combining marks or zero-width joiners', () => {
    expect(alignTable('e\u0301\tx\n')).toBe('e\u0301' + ' '.repeat(9) + 'x\n');
    expect(alignTable('👩\u200d💻\tx\n')).toBe('👩\u200d💻' + ' '.repeat(8) + 'x\n');
  });

  it('writing in pieces gives the same result', () => {
    const w = TabWriter.forTables();
    w.write('NAME\tDRIVER');
    w.write('\n');
    w.write('data\tlocal\nverylongvolumename\tlocal\n');
    expect(w.flush()).toBe('NAME                 DRIVER\ndata                 local\nverylongvolumename   local\n');
  });
});

describe('TabWriter fed in pieces', () => {
  it('writes the same whatever the pieces the text comes in', () => {
    const cases = (fixture as { cases: { In: string; Flags: number; Out: string }[] }).cases;
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.array(fc.nat(), { maxLength: 6 }), (c, cuts) => {
        const at = [...new Set(cuts.map((k) => k % (c.In.length + 1)))].sort((a, b) => a - b);
        const w = new TabWriter(10, 1, 3, ' ', c.Flags);
        let from = 0;
        for (const k of [...at, c.In.length]) {
          w.write(c.In.slice(from, k));
          from = k;
        }
        expect(w.flush()).toBe(c.Out);
      }),
    );
  });
});
