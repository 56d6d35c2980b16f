import type { ErrorCode, HubError } from '../core/index.js';

/** The one place hub error codes become HTTP statuses. */
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  DICE_NOTATION: 400,
  LIMIT: 413,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STATE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_TOOL: 404,
  BAD_FILE: 422,
  UNAVAILABLE: 503,
  CANCELLED: 409,
  INTERNAL: 500,
};

export const errorBody = (error: HubError) => ({ ok: false as const, error });
