// Unit tests of the emulator's pieces whose behaviour is Go's or docker's own.

import { describe, expect, it } from 'vitest';
import { goMarshal, goMap, jsonCompact, jsonIndent } from '../../src/cli/gojson';
import { EscapeProxy, detachKeyBytes } from '../../src/cli/hijack';
import { progressString, JSONMessageDisplay } from '../../src/cli/jsonstream';
import { naturalCompare } from '../../src/cli/sortorder';
import { parseVolumeSpec } from '../../src/cli/commands/container/opts';
import { parseJSONUseNumber, typedValue } from '../../src/cli/inspect';
import { parseDockerTemplate } from '../../src/cli/format';
import { reformatDate } from '../../src/cli/commands/system';
import { handlerName } from '../../src/cli/docker';

describe('gojson', () => {
  it('json.Indent: whitespace dropped, empty containers kept compact, strings untouched', () => {
    expect(jsonIndent('[{"a":1,"b":[],"c":{},"d":[1, 2],"e":"x \\" ,:{"}\n]', '    ')).toBe(
      '[\n    {\n        "a": 1,\n        "b": [],\n        "c": {},\n        "d": [\n            1,\n            2\n        ],\n        "e": "x \\" ,:{"\n    }\n]',
    );
    expect(jsonCompact('[ {"a" : 1 ,\n "s":"a b"} ]')).toBe('[{"a":1,"s":"a b"}]');
  });
  it('encodes structs in field order, maps sorted, HTML escaped, omits undefined', () => {
    expect(goMarshal({ Z: 1, A: undefined, M: goMap({ b: '<', a: '&' }), N: null })).toBe('{"Z":1,"M":{"a":"\\u0026","b":"\\u003c"},"N":null}');
  });
});

describe('sortorder.NaturalLess', () => {
  it('numbers compare by value, digits before letters', () => {
    expect(['net10', 'net9', 'a', 'net09', '1x', 'bridge'].sort(naturalCompare)).toEqual(['1x', 'a', 'bridge', 'net9', 'net09', 'net10']);
  });
});

describe('detach keys (term.ToBytes, EscapeProxy)', () => {
  it('parses key lists', () => {
    expect(detachKeyBytes('ctrl-p,ctrl-q')).toEqual([16, 17]);
    expect(detachKeyBytes('a,ctrl-@,DEL')).toEqual([97, 0, 127]);
    expect(detachKeyBytes('ctrl-xx')).toBeUndefined();
  });
  it('holds back a partial sequence and gives it back when it does not complete', () => {
    const p = new EscapeProxy([16, 17]);
    expect(p.feed(Uint8Array.from([104, 16]))).toEqual({ data: Uint8Array.from([104]), escaped: false });
    expect(p.feed(Uint8Array.from([105]))).toEqual({ data: Uint8Array.from([16, 105]), escaped: false });
    expect(p.feed(Uint8Array.from([16, 16, 17]))).toEqual({ data: Uint8Array.from([16]), escaped: true });
  });
});

describe('JSONProgress.String', () => {
  it('bar only above 110 columns, counts padded to 8', () => {
    expect(progressString({ current: 1500000, total: 2000000 }, 120, 0)).toBe('[=====================================>             ]    1.5MB/2MB');
    expect(progressString({ current: 1500000, total: 2000000 }, 80, 0)).toBe('   1.5MB/2MB');
    expect(progressString({ current: 3000, total: 0 }, 80, 0)).toBe('     3kB');
    expect(progressString({}, 80, 0)).toBe('');
    expect(progressString({ current: 5, total: 3 }, 80, 0)).toBe('      5B');
  });
  it('time left from the start time when wide enough', () => {
    expect(progressString({ current: 1000, total: 4000, start: 100 }, 60, 110_000)).toBe('     1kB/4kB 30s');
  });
  it('a non-terminal skips byte progress and prints the rest one per line', () => {
    let out = '';
    const d = new JSONMessageDisplay({ write: (s) => (out += s), isTerminal: false, width: 80, now: () => 0 });
    d.message({ status: 'Downloading', progressDetail: { current: 1, total: 10 }, id: 'abc' });
    d.message({ status: 'Pull complete', progressDetail: {}, id: 'abc' });
    d.message({ status: 'Digest: sha256:x' });
    expect(out).toBe('abc: Pull complete\nDigest: sha256:x\n');
  });
});

describe('-v specs (compose loader.ParseVolume)', () => {
  it('tells binds from named and anonymous volumes', () => {
    expect(parseVolumeSpec('/data')).toEqual({ source: '', target: '/data', type: 'volume' });
    expect(parseVolumeSpec('vol:/data:ro')).toEqual({ source: 'vol', target: '/data', type: 'volume' });
    expect(parseVolumeSpec('./x:/y')).toEqual({ source: './x', target: '/y', type: 'bind' });
    expect(parseVolumeSpec('C:\\dir:/y')).toEqual({ source: 'C:\\dir', target: '/y', type: 'bind' });
    expect(() => parseVolumeSpec('vol::b')).toThrow('invalid spec: vol::b: empty section between colons');
    expect(() => parseVolumeSpec('x1:/b:ro:z')).toThrow('invalid spec: x1:/b:ro:z: too many colons');
    // a one-letter source followed by a colon is a Windows drive
    expect(parseVolumeSpec('a::b')).toEqual({ source: 'a:', target: 'b', type: 'bind' });
  });
});

describe('inspect templates over typed values', () => {
  const raw = '{"HostConfig":{"Binds":null,"RestartPolicy":{"Name":"always","MaximumRetryCount":0},"PortBindings":{"80/tcp":[{"HostIp":"","HostPort":"8080"}]}},"State":{"Pid":1234567890123}}';
  const run = (f: string) => parseDockerTemplate(f).execute(typedValue(parseJSONUseNumber(raw)));
  it('prints structs as {…}, nil slices as [], numbers with all their digits', () => {
    expect(run('{{.HostConfig.RestartPolicy}}')).toBe('{always 0}');
    expect(run('{{.HostConfig.PortBindings}}')).toBe('map[80/tcp:[{ 8080}]]');
    expect(run('{{.HostConfig.Binds}}')).toBe('[]');
    expect(run('{{.State.Pid}}')).toBe('1234567890123');
    expect(run('{{json .HostConfig.RestartPolicy}}')).toBe('{"Name":"always","MaximumRetryCount":0}');
  });
});

describe('small helpers', () => {
  it('reformatDate gives time.ANSIC', () => {
    expect(reformatDate('2025-05-30T12:07:26.000000000+00:00')).toBe('Fri May 30 12:07:26 2025');
    expect(reformatDate('2025-06-01T01:02:03Z')).toBe('Sun Jun  1 01:02:03 2025');
    expect(reformatDate('not a date')).toBe('not a date');
  });
  it('top-level shortcuts run their management command', () => {
    expect(handlerName(['ps'])).toBe('container ls');
    expect(handlerName(['rmi'])).toBe('image rm');
    expect(handlerName(['run'])).toBe('container run');
    expect(handlerName(['inspect'])).toBe('inspect');
    expect(handlerName(['network', 'ls'])).toBe('network ls');
  });
});
