/**
 * Container (and volume) name rules of moby 28.2.2 (daemon/names): `[a-zA-Z0-9][a-zA-Z0-9_.-]+`,
 * so at least two characters; one leading '/' is allowed and ignored.
 */

/** The allowed characters as moby prints them in its error. */
export const RESTRICTED_NAME_CHARS = '[a-zA-Z0-9][a-zA-Z0-9_.-]';
export const RESTRICTED_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** True when `name` (with or without its leading '/') is a valid container name. */
export function isValidContainerName(name: string): boolean {
  return RESTRICTED_NAME_PATTERN.test(name.startsWith('/') ? name.slice(1) : name);
}

/**
 * moby's reserveName check: throws
 * `Invalid container name (<name as given>), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`
 * (an invalid-parameter error, HTTP 400). Returns the name with its leading '/'.
 */
export function validateContainerName(name: string): string {
  if (!isValidContainerName(name)) {
    throw new Error(`Invalid container name (${name}), only ${RESTRICTED_NAME_CHARS} are allowed`);
  }
  return name.startsWith('/') ? name : '/' + name;
}
