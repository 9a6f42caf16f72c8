import { describe, expect, it } from 'vitest';
import { FormatError, finalFormat, headerContext, isJSONFormat, isTableFormat, writeFormatted } from '../../../src/cli/format';

const header = headerContext({ Name: 'NAME', Driver: 'DRIVER', Labels: 'LABELS' });
const vols = [
  { Name: 'data', Driver: 'local', Labels: 'a=1' },
  { Name: 'cache', Driver: 'local', Labels: '' },
];

describe('format preprocessing (Context.preFormat)', () => {
  it.each([
    ['table {{.Name}}\\t{{.Driver}}', '{{.Name}}\t{{.Driver}}'],
    ['table', ''],
    ['tablefoo', 'foo'], // anything starting with "table" is a table
    ['json', '{{json .}}'],
    ['  {{.Name}}\\n  ', '{{.Name}}\n'], // spaces trimmed before the escapes are expanded
    ['\t{{.Name}}', '\t{{.Name}}'], // only spaces are trimmed
    ['{{.Name}}\\\\t', '{{.Name}}\\\t'],
  ])('%j -> %j', (format, want) => {
    expect(finalFormat(format)).toBe(want);
  });
  it('classifies formats', () => {
    expect(isTableFormat('table {{.ID}}')).toBe(true);
    expect(isTableFormat('{{.ID}} table')).toBe(false);
    expect(isJSONFormat('json')).toBe(true);
    expect(isJSONFormat('json ')).toBe(false);
  });
});

describe('writeFormatted (Context.Write)', () => {
  it('raw formats print one line per item, no alignment', () => {
    expect(writeFormatted('{{.Name}}\\t{{.Driver}}', header, vols)).toBe('data\tlocal\ncache\tlocal\n');
  });
  it('tables get a header row from the same template', () => {
    expect(writeFormatted('table {{.Driver}}\\t{{.Name}}', header, vols)).toBe(
      'DRIVER    NAME\nlocal     data\nlocal     cache\n',
    );
  });
  it('zero items: header only for tables, nothing otherwise', () => {
    expect(writeFormatted('table {{.Driver}}\\t{{.Name}}', header, [])).toBe('DRIVER    NAME\n');
    expect(writeFormatted('{{.Name}}', header, [])).toBe('');
  });
  it('json is one object per line', () => {
    expect(writeFormatted('json', header, vols)).toBe(
      '{"Name":"data","Driver":"local","Labels":"a=1"}\n{"Name":"cache","Driver":"local","Labels":""}\n',
    );
  });
  it('header rendering uses the header functions and keeps output written before an error', () => {
    expect(writeFormatted('table {{upper .Name}}\\t{{truncate .Driver 2}}', header, vols)).toBe(
      'NAME      DRIVER\nDATA      lo\nCACHE     lo\n',
    );
    // {{json .}} in a header fails (json wants a string there): the header line stays empty
    expect(writeFormatted('table {{.Name}}:{{json .}}', header, vols.slice(0, 1))).toBe(
      'NAME:\ndata:{"Name":"data","Driver":"local","Labels":"a=1"}\n',
    );
    // Label on the header map names the column after the last dotted part of the key
    expect(writeFormatted('table {{.Label "com.example.my_label"}}', header, [])).toBe('my label\n');
  });
  it('errors come back as "template parsing error: …" and print nothing', () => {
    expect(() => writeFormatted('{{.Name', header, vols)).toThrow(new FormatError('template parsing error: template: :1: unclosed action'));
    expect(() => writeFormatted('{{.Name.X}}', header, vols)).toThrow(FormatError);
    expect(() => writeFormatted('{{.Name.X}}', header, vols)).toThrow(
      'template parsing error: template: :1:7: executing "" at <.Name.X>: can\'t evaluate field X in type string', // a map[string]string item
    );
  });
});
