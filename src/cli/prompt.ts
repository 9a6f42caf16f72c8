// internal/prompt.Confirm: "<message> [y/N] " on stdout, one line of stdin, "y"/"Y" is yes.
// A "no" makes prune commands stop with a cancelled error, which docker does not print (exit 0).

import { CliError, type Cli } from './cli';

/** An error docker treats as cancelled: nothing printed, exit status 0. */
export class CancelledError extends CliError {
  constructor(message: string) {
    super(message, 0);
  }
}

export async function confirm(cli: Cli, message: string): Promise<boolean> {
  cli.out(`${message || 'Are you sure you want to proceed?'} [y/N] `);
  let line = '';
  const dec = new TextDecoder();
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  cli.signal?.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const chunk = await cli.stdin.read(abort.signal);
      if (cli.signal?.aborted) {
        cli.out('\n');
        throw new CancelledError('prompt terminated');
      }
      if (chunk === null) break;
      line += typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
      const nl = line.indexOf('\n');
      if (nl >= 0) {
        line = line.slice(0, nl);
        break;
      }
    }
  } finally {
    cli.signal?.removeEventListener('abort', onAbort);
  }
  return line.replace(/\r$/, '').trim().toLowerCase() === 'y';
}
