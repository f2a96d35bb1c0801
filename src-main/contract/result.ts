/*
 * No zod here: the renderer imports this at run time (see plain.ts).
 */

/**
 * Every Api call answers with a Result instead of throwing, so an error survives the trip across
 * IPC or HTTP with its code intact and the UI can show a message made for people.
 */
export const ERROR_CODES = [
  'unknown_call',
  'invalid_input',
  'payload_too_large',
  'unauthorised',
  'forbidden_origin',
  'not_found',
  'locked',
  'wrong_secret',
  'rate_limited',
  'tampered',
  'storage_failed',
  'conflict',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

/**
 * Thrown by handlers for an expected, explainable failure. The dispatcher turns it into a
 * Result; anything else thrown becomes a generic `internal` error so no internals leak out.
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The largest serialised payload any call accepts. Bigger inputs are refused before parsing. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;
