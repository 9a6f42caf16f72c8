// Whatever is typed, the parser answers: a tree, or a ParseError — never a crash. Fixed
// seeds keep the runs reproducible.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isComplete, parse, ParseError, type Flavor } from '../../src/sh';
import { runSh } from './harness';

const PIECES = [
  'echo', ' ', 'a', 'x=1', '$x', '${x', '}', '${x:-y}', '$(', ')', '`', '"', "'", '\\', '\n', ';', '&', '&&', '|', '||', '<', '>', '>>', '2>&1',
  '<<', 'EOF', '<<-', '<<<', '(', '{', 'if', 'then', 'else', 'fi', 'for', 'in', 'do', 'done', 'case', 'esac', ';;', '*', '?', '[',
  ']', '#', '~', '$((', '))', '1+2', '!', 'function', 'f()', '[[', ']]', '=~', '{a,b}',
];

const script = fc.array(fc.constantFrom(...PIECES, 'while'), { maxLength: 25 }).map((a) => a.join(''));
// No `while` (it may loop for ever, as in a real shell); functions may recurse: the depth limit ends them.
const runnable = fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((a) => a.join(''));

describe.each(['bash', 'dash', 'ash'] as Flavor[])('%s on arbitrary input', (flavor) => {
  it('the parser gives a tree or a ParseError', () => {
    fc.assert(
      fc.property(script, (src) => {
        expect(typeof isComplete(src, flavor)).toBe('boolean');
        try {
          parse(src, flavor);
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
        }
      }),
      { numRuns: 3000, seed: 20240115 },
    );
  });

  it('the interpreter runs it to an exit status', () => {
    fc.assert(
      fc.property(runnable, (src) => {
        const r = runSh(src, { flavor, stdin: [] });
        expect(typeof r.status).toBe('number');
      }),
      { numRuns: 300, seed: 20240115 },
    );
  });
});

describe('runaway scripts end', () => {
  it('infinite recursion hits the nesting limit', () => {
    const r = runSh('f() { f; }; f; echo after $?');
    expect(r.stderr).toBe('bash: line 1: f: maximum function nesting level exceeded (150)\n');
    expect(r.stdout).toBe('');
  });

  it('recursion through command substitution and subshells too', () => {
    expect(runSh('f() { echo $(f); }; f; echo after').stderr).toContain('nesting level exceeded');
    expect(runSh('g() { (g); }; g').stderr).toContain('nesting level exceeded');
  });

  it('a fork bomb runs out of processes', () => {
    const r = runSh(':(){ :|:& };:; sleep 1', { interactive: true });
    expect(r.stderr).toContain('fork: Resource temporarily unavailable');
  });
});
