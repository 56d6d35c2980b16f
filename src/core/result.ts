/**
 * Expected failures travel as values, never as exceptions.
 * A `Result` is either `{ ok: true, value }` or `{ ok: false, error }`; thrown errors are bugs.
 */

/** Every error code the hub can return. Transports map these to their own wire errors in one place each. */
export const ErrorCodes = [
  'VALIDATION', // input did not match the schema
  'DICE_NOTATION', // the dice expression could not be parsed
  'LIMIT', // input is well-formed but over a configured limit
  'NOT_FOUND',
  'CONFLICT', // a version check failed: someone else changed it first
  'STATE', // the request is valid but not in the current state (e.g. no active session)
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNKNOWN_TOOL',
  'BAD_FILE', // a file that cannot be used: not a PDF, encrypted, no text layer
  'UNAVAILABLE', // a service the hub needs (Chroma, an embedding API) does not answer
  'CANCELLED', // long work stopped at the caller's request; nothing was changed
  'INTERNAL', // a bug; the message carries a correlation id for the log
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

/** A failure a user can act on: what went wrong, in which field, and what would be right. */
export interface HubError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, when one field is to blame. */
  field?: string;
  /** Extra machine-readable context (e.g. the current version on a CONFLICT). */
  details?: Record<string, unknown>;
}

export type Ok<T> = { ok: true; value: T };
export type Fail = { ok: false; error: HubError };
export type Result<T> = Ok<T> | Fail;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, extra: Omit<HubError, 'code' | 'message'> = {}): Fail => ({
  ok: false,
  error: { code, message, ...extra },
});

export const notFound = (what: string, id: string, field?: string): Fail =>
  fail('NOT_FOUND', `${what} "${id}" does not exist`, field ? { field } : {});
