// Errors a daemon returns, classified as moby's errdefs are; the API maps kinds to statuses.

export type ErrorKind =
  | 'invalid' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'conflict' // 409
  | 'notModified' // 304
  | 'unavailable' // 503
  | 'system'; // 500

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  notModified: 304,
  unavailable: 503,
  system: 500,
};

export class DaemonError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DaemonError';
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export const invalid = (m: string) => new DaemonError('invalid', m);
export const notFound = (m: string) => new DaemonError('notFound', m);
export const conflict = (m: string) => new DaemonError('conflict', m);
export const notModified = (m = '') => new DaemonError('notModified', m);
export const forbidden = (m: string) => new DaemonError('forbidden', m);
export const unavailable = (m: string) => new DaemonError('unavailable', m);
export const systemError = (m: string) => new DaemonError('system', m);
