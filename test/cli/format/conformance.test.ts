import { describe, expect, it } from 'vitest';
import { GoStruct, T, Template, dockerFuncs, ellipsis, headerContext, writeFormatted } from '../../../src/cli/format';
import contextLs from './fixtures/docker-context-ls.json';
import goTemplate from './fixtures/go-template.json';

/**
 * `docker context ls --format …` as recorded from the real docker CLI 28.2.2: the formatter
 * context is *formatter.clientContextContext (methods Name, Description, DockerEndpoint,
 * Current, Error; its Error method makes it print as the error text).
 */
function clientContext(): GoStruct {
  const c = {
    Name: 'default',
    Description: 'Current DOCKER_HOST based configuration',
    DockerEndpoint: 'unix:///var/run/docker.sock',
    Current: true,
    Error: '',
  };
  return new GoStruct(
    '*formatter.clientContextContext',
    { Header: null },
    {
      Current: { fn: () => c.Current, result: T.bool },
      Name: () => c.Name,
      Description: () => c.Description,
      DockerEndpoint: () => c.DockerEndpoint,
      Error: () => ellipsis(c.Error, 45),
      FullHeader: () => null,
    },
    {
      json: () => ({ Current: c.Current, Description: c.Description, DockerEndpoint: c.DockerEndpoint, Error: c.Error, Name: c.Name }),
      string: () => ellipsis(c.Error, 45),
    },
  );
}

const header = headerContext({
  Name: 'NAME',
  Description: 'DESCRIPTION',
  DockerEndpoint: 'DOCKER ENDPOINT',
  Error: 'ERROR',
});

describe('formatter output matches the real docker CLI (docker context ls --format)', () => {
  const cases = (contextLs as { cases: { format: string; stdout: string; stderr: string; code: number }[] }).cases;
  it.each(cases.map((c) => [c.format, c] as const))('%s', (_f, c) => {
    let stdout = '';
    let stderr = '';
    try {
      stdout = writeFormatted(c.format, header, [clientContext()]);
    } catch (e) {
      stderr = (e as Error).message + '\n';
    }
    expect({ stdout, stderr }).toEqual({ stdout: c.stdout, stderr: c.stderr });
  });
});

describe('template execution matches Go text/template over decoded data', () => {
  const fx = goTemplate as unknown as {
    data: unknown;
    cases: { template: string; missingKey: 'default' | 'error'; output: string; error: string }[];
  };
  it.each(fx.cases.map((c) => [c.missingKey, c.template, c] as const))('missingkey=%s %s', (_m, _t, c) => {
    let output = '';
    let error = '';
    try {
      output = Template.parse(c.template, { funcs: dockerFuncs }).execute(structuredClone(fx.data), { missingKey: c.missingKey });
    } catch (e) {
      error = (e as Error).message;
      output = (e as { output?: string }).output ?? '';
    }
    expect({ output, error }).toEqual({ output: c.output, error: c.error });
  });
});
