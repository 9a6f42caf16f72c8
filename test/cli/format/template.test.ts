import { describe, expect, it } from 'vitest';
import {
  GoStruct,
  STRING_SLICE,
  T,
  Template,
  TemplateExecError,
  TemplateParseError,
  dockerFuncs,
  goMethod,
  goTyped,
  headerContext,
  jsonNumber,
  mapOf,
  parseDockerTemplate,
  sprintf,
  writeFormatted,
} from '../../../src/cli/format';
import { valueOf } from '../../../src/cli/format/template/value';

function run(tmpl: string, data: unknown, missingKey?: 'default' | 'zero' | 'error'): string {
  try {
    return parseDockerTemplate(tmpl).execute(data, { missingKey });
  } catch (e) {
    return 'ERR ' + (e as Error).message;
  }
}

/** A stand-in for the CLI's *formatter.ContainerContext. */
function containerContext(labels: Record<string, string>) {
  return new GoStruct(
    '*formatter.ContainerContext',
    {},
    {
      ID: () => '3f2a9c1b7d4e',
      Names: () => 'web',
      Label: goMethod((name: string) => labels[name] ?? '', T.string),
      Labels: () =>
        Object.keys(labels)
          .sort()
          .map((k) => `${k}=${labels[k]}`)
          .join(','),
      Size: () => {
        throw new Error('size not available');
      },
    },
  );
}

describe('formatter contexts (GoStruct with methods)', () => {
  const ctx = containerContext({ 'com.example.team': 'blue', maintainer: 'me' });
  it.each([
    ['{{.ID}} {{.Names}}', '3f2a9c1b7d4e web'],
    ['{{.Label "com.example.team"}}|{{.Label "nope"}}', 'blue|'],
    ['{{.Labels}}', 'com.example.team=blue,maintainer=me'],
    ['{{index (split .Labels ",") 1}}', 'maintainer=me'],
    [
      '{{.Nope}}',
      'ERR template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.ContainerContext',
    ],
    ['{{.Label}}', 'ERR template: :1:2: executing "" at <.Label>: wrong number of args for Label: want 1 got 0'],
    ['{{.Label 1}}', 'ERR template: :1:9: executing "" at <1>: expected string; found 1'],
    ['{{.Label .ID}}', ''],
    ['{{.ID "x"}}', 'ERR template: :1:2: executing "" at <.ID>: wrong number of args for ID: want 0 got 1'],
    ['{{.Size}}', 'ERR template: :1:2: executing "" at <.Size>: error calling Size: size not available'],
    ['{{.ID.X}}', 'ERR template: :1:5: executing "" at <.ID.X>: can\'t evaluate field X in type string'],
  ])('%s', (tmpl, want) => {
    expect(run(tmpl, ctx)).toBe(want);
  });

  it('{{.Method}} prints what the general walk prints, whatever the method returns', () => {
    const inner = new GoStruct('*types.State', { Status: 'running' });
    const s = new GoStruct('*formatter.X', {}, {
      Str: () => 'text',
      Empty: () => '',
      Int: () => 42,
      Float: () => 1.5,
      Bool: () => false,
      Nil: () => null,
      Undef: () => undefined,
      List: () => ['a', 'b'],
      Typed: () => goTyped(T.int64, 7),
      Struct: () => inner,
      Throws: () => {
        throw new Error('boom');
      },
    });
    for (const name of ['Str', 'Empty', 'Int', 'Float', 'Bool', 'Nil', 'Undef', 'List', 'Typed', 'Struct', 'Throws']) {
      // (.Name) is a parenthesized pipeline: evaluated and printed the general way
      expect(run(`a{{.${name}}}b`, s), name).toBe(run(`a{{(.${name})}}b`, s).replace(`<(.${name})>`, `<.${name}>`).replace(':1:4:', ':1:3:'));
    }
    expect(run('{{.Int}} {{.Nil}} {{.Struct}} {{.List}}', s)).toBe('42 <no value> {running} [a b]');
    expect(run('a{{.Throws}}', s)).toBe('ERR template: :1:3: executing "" at <.Throws>: error calling Throws: boom');
  });

  it('struct fields and json of a struct keep declaration order', () => {
    const s = new GoStruct('*types.State', { Status: 'running', Running: true, Pid: 42 });
    expect(run('{{.Status}} {{.Running}} {{.Pid}}', s)).toBe('running true 42');
    expect(run('{{json .}}', s)).toBe('{"Status":"running","Running":true,"Pid":42}');
    expect(run('{{.}}', s)).toBe('{running true 42}'); // printed dereferenced
    expect(run('{{print .}}', s)).toBe('&{running true 42}');
    expect(run('{{.Nope}}', s)).toBe(
      'ERR template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *types.State',
    );
  });

  it('a nil struct pointer', () => {
    const nilPtr = goTyped({ kind: 'ptr', name: '*types.Health' }, null);
    expect(run('{{.Health}}', { Health: nilPtr })).toBe('<nil>');
    expect(run('{{json .Health}}', { Health: nilPtr })).toBe('null');
    // a struct field of type *types.Health …
    expect(run('{{.Health.Status}}', new GoStruct('*types.State', { Health: nilPtr }))).toBe(
      'ERR template: :1:9: executing "" at <.Health.Status>: nil pointer evaluating *types.Health.Status',
    );
    // … and the same pointer held in a map[string]interface {}
    expect(run('{{.Health.Status}}', { Health: nilPtr })).toBe(
      'ERR template: :1:9: executing "" at <.Health.Status>: nil pointer evaluating interface {}.Status',
    );
  });

  it('Stringer output is used for printing', () => {
    const p = new GoStruct('*formatter.Platform', {}, {}, { string: () => 'linux/amd64' });
    expect(run('{{.}}|{{printf "%s" .}}|{{print .}}', p)).toBe('linux/amd64|linux/amd64|linux/amd64');
  });
});

describe('data typing', () => {
  it('infers int, float64, []string, []interface {}, map types', () => {
    expect(run('{{printf "%T %T %T %T %T %T %T" .I .F .S .M .L .O .B}}', {
      I: 3,
      F: 2.5,
      S: ['a'],
      M: ['a', 1],
      L: { a: 'x' },
      O: { a: 1 },
      B: 2n ** 60n,
    })).toBe('int float64 []string []interface {} map[string]string map[string]interface {} int64');
  });

  it('explicit types with goTyped', () => {
    const data = {
      Env: goTyped(STRING_SLICE, []),
      Size: goTyped(T.int64, 1234),
      Opts: goTyped(mapOf(T.string, T.string), {}),
    };
    expect(run('[{{join .Env ","}}] {{printf "%T" .Size}} {{printf "%T" .Opts}} {{index .Opts "x"}}|', data)).toBe(
      '[] int64 map[string]string |',
    );
  });

  it('json.Number values print as their text (inspect fallback)', () => {
    expect(run('{{.Size}} {{json .Size}} {{printf "%T" .Size}}', { Size: jsonNumber('1e3') })).toBe('1e3 1e3 json.Number');
    expect(run('{{eq .Size 1}}', { Size: jsonNumber(1) })).toBe(
      'ERR template: :1:2: executing "" at <eq .Size 1>: error calling eq: incompatible types for comparison',
    );
  });

  it('a JS Map is a Go map: sorted when printed, ranged and encoded', () => {
    const m = new Map([
      ['b', '2'],
      ['a', '1'],
    ]);
    expect(run('{{.}} {{json .}} {{range $k, $v := .}}{{$k}}{{$v}}{{end}}', m)).toBe('map[a:1 b:2] {"a":"1","b":"2"} a1b2');
  });

  it('json escapes like Go with HTML escaping off', () => {
    expect(run('{{json .}}', 'a<b>&"\\\n\t\b\f\u0001\u2028é')).toBe('"a<b>&\\"\\\\\\n\\t\\b\\f\\u0001\\u2028é"');
    expect(run('{{json .}}', [1.5, 1e21, 1e-7, 100, -0.000001])).toBe('[1.5,1e+21,1e-7,100,-0.000001]');
  });

  it('missingkey=zero gives the zero value of the element type', () => {
    expect(run('[{{.nope}}]', { a: 'x' }, 'zero')).toBe('[]');
    expect(run('[{{.nope}}]', { a: 1 }, 'zero')).toBe('[<no value>]');
  });
});

describe('parse and execution errors as the docker CLI prints them (verified with docker 28.2.2)', () => {
  const ctx = new GoStruct(
    '*formatter.clientContextContext',
    { Header: null },
    { Current: { fn: () => true, result: T.bool }, Name: () => 'default' },
    { string: () => '' },
  );
  const header = headerContext({ Name: 'NAME' });
  it.each([
    ['line1\n{{.Nope}}', 'template parsing error: template: :2:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.clientContextContext'],
    ['é{{.Nope}}', 'template parsing error: template: :1:4: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.clientContextContext'],
    ['{{.Name\n', 'template parsing error: template: :2: unclosed action started at :1'],
    ['{{if .Current}}\n{{.Name}}', 'template parsing error: template: :2: unexpected EOF'],
    ['{{.Name}}\n{{ "x" \n | foo }}', 'template parsing error: template: :3: function "foo" not defined'],
    ['{{\n.Name\n}}', 'default\n'],
    ['{{.Name | printf\n"%s-" }}', 'default-\n'],
    ['a\n{{with .Name}}\n{{.X}}{{end}}', 'template parsing error: template: :3:2: executing "" at <.X>: can\'t evaluate field X in type string'],
    ['{{template "a" 1 2}}', 'template parsing error: template: :1:11: executing "" at <{{template "a" 1 2}}>: template "a" not defined'],
    ['{{.Name 1 | printf}}', 'template parsing error: template: :1:2: executing "" at <.Name>: wrong number of args for Name: want 0 got 1'],
    ['{{else if}}', 'template parsing error: template: :1: unexpected {{else}}'],
    ['{{if 1}}\n{{else}}{{else}}{{end}}', 'template parsing error: template: :2: expected end; found {{else}}'],
    ['{{if 1}}{{end}} {{end}}', 'template parsing error: template: :1: unexpected {{end}}'],
    ['{{with $x := 1}}{{$x}}{{else with $y := 2}}{{end}}', '1\n'],
    ['{{(printf "%s" .Name).Foo}}', 'template parsing error: template: :1:15: executing "" at <.Name>: can\'t evaluate field Foo in type string'],
    ['{{ nil.Foo }}', 'template parsing error: template: :1: unexpected . after term "nil"'],
    ['{{"a".Foo}}', 'template parsing error: template: :1: unexpected . after term "\\"a\\""'],
    ['{{- 3}}', '3\n'],
    ['{{3 -}}', '3\n'],
    ['{{-3}}', '-3\n'],
    ['{{.Name}}{{/* c */ .Name}}', 'template parsing error: template: :1: comment ends before closing delimiter'],
    ['{{/*c*/}}', '\n'],
    ['{{/* c', 'template parsing error: template: :1: unclosed comment'],
    ['{{.Name }', 'template parsing error: template: :1: unexpected "}" in operand'],
    ['{{ .Name | }}', 'default\n'],
    ['{{ | .Name }}', 'template parsing error: template: :1: unexpected "|" in command'],
    ['{{.Name,}}', 'template parsing error: template: :1: unexpected "," in operand'],
    ['{{$x := }}', 'template parsing error: template: :1: missing value for command'],
    ['{{range $i, 3}}{{end}}', 'template parsing error: template: :1: range can only initialize variables'],
    ['{{.Name ==}}', 'template parsing error: template: :1: unexpected "=" in operand'],
    ['{{ "a" "b" }}', 'template parsing error: template: :1:3: executing "" at <"a">: can\'t give argument to non-function "a"'],
    ['{{printf "%d" 3 | printf "%s|%v" "x"}}', 'x|3\n'],
    ['{{index "abc" 1 | printf "%c"}}', 'b\n'],
    ['{{ printf `%s` "raw" }}', 'raw\n'],
    ['{{1.5e300 | printf "%v"}}', '1.5e+300\n'],
    ['{{0x1p-2}}', '0.25\n'],
    ['{{07}}', '7\n'],
    ['{{08}}', 'template parsing error: template: :1: integer overflow: "08"'],
    ["{{'\\n'}}", 'template parsing error: template: :1: unterminated character constant'], // \n became a newline
    ['{{"\\u00e9\\x41"}}', 'éA\n'],
  ])('%j', (format, want) => {
    let got: string;
    try {
      got = writeFormatted(format, header, [ctx]);
    } catch (e) {
      got = (e as Error).message;
    }
    expect(got).toBe(want);
  });

  it('error classes and partial output', () => {
    expect(() => Template.parse('{{')).toThrow(TemplateParseError);
    try {
      Template.parse('abc{{.X.Y}}').execute({ X: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateExecError);
      expect((e as TemplateExecError).output).toBe('abc');
    }
  });

  it('templates can be named', () => {
    expect(() => Template.parse('{{.Nope}}', { name: 'version' }).execute({ a: 1 }, { missingKey: 'error' })).toThrow(
      'template: version:1:2: executing "version" at <.Nope>: map has no entry for key "Nope"',
    );
    expect(() => Template.parse('{{.Nope', { name: 'version' })).toThrow('template: version:1: unclosed action');
  });

  it('functions must exist at parse time', () => {
    expect(() => Template.parse('{{json .}}')).toThrow('template: :1: function "json" not defined');
    expect(() => Template.parse('{{json .}}', { funcs: dockerFuncs })).not.toThrow();
  });
});

describe('sprintf (fmt.Sprintf)', () => {
  it.each([
    ['%5.2f|%-10s|%q|%x|%t|%d', [3.14159, 'ab', 'q"', 'hi', true, -5], ' 3.14|ab        |"q\\""|6869|true|-5'],
    ['%v %v %v', [['a', 'b'], { k: 'v' }, null], '[a b] map[k:v] <nil>'],
    ['%08.3f|%+d|% d|%x', [-3.14159, 5, 5, -255], '-003.142|+5| 5|-ff'],
    ['%3c|%-4q|%U', [65, 66, 0x1f600], '  A|\'B\' |U+1F600'],
    ['%s', [], '%!s(MISSING)'],
    ['%d', ['x'], '%!d(string=x)'],
    ['x', [1, 'a'], 'x%!(EXTRA int=1, string=a)'],
    ['%.1s|%.0d|%5.1q', ['日本', 0, 'abc'], '日||  "a"'],
  ])('%j', (format, args, want) => {
    expect(sprintf(format, (args as unknown[]).map(valueOf))).toBe(want);
  });
});
