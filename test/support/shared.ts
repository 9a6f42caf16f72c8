// Locating the project's shared reference material (../shared next to the repository).
// Override with the environment variable DOCKSIM_SHARED (a directory).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of this repository (two levels above test/support). */
export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The shared directory: $DOCKSIM_SHARED, else ../shared relative to the repository, else the
 * workplace's /work/shared (a checkout elsewhere, e.g. CI's, still finds it).
 */
export function sharedDir(): string {
  const env = process.env.DOCKSIM_SHARED;
  if (env && env.length > 0) return resolve(env);
  const candidates = [resolve(repoRoot, '..', 'shared'), '/work/shared'];
  return candidates.find((c) => existsSync(resolve(c, 'reference'))) ?? candidates[0]!;
}

/** Absolute path of a file under the shared directory; throws a clear error if it is missing. */
export function sharedFile(relative: string): string {
  const p = resolve(sharedDir(), relative);
  if (!existsSync(p)) {
    throw new Error(
      `docksim test support: ${relative} not found at ${p}. ` +
        `The shared reference directory is ../shared next to the repository; ` +
        `set DOCKSIM_SHARED=/path/to/shared to point elsewhere.`,
    );
  }
  return p;
}
