// The API's error contract: every failure leaves the server as { error: { code, message, fields? } }.
// The code list is the one source for the status map (lib/server/errors.ts), the ErrorCode
// type, the OpenAPI `Error` schema and the browser, which may import this module too.
import { z } from 'zod';

export const errorCodeSchema = z.enum([
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;
export const ERROR_CODES = errorCodeSchema.options;

/** The HTTP status of each code; `satisfies` makes a new code without a status a type error. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** nothing the Accept header allows can be sent */
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  /** If-Match named an ETag that is no longer current (W3C protocol PUT and DELETE) */
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** an update of a W3C annotation without If-Match */
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** a dependency (PostgreSQL) is down: retry after the Retry-After header */
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>;

/** Codes worth retrying unchanged: the request was fine, the moment was not. */
export const RETRYABLE_CODES: readonly ErrorCode[] = ['RATE_LIMITED', 'INTERNAL', 'SERVICE_UNAVAILABLE'];

export const apiErrorSchema = z
  .object({
    error: z
      .object({
        code: errorCodeSchema,
        message: z.string().describe('a sentence fit to show a reader'),
        fields: z
          .record(z.string(), z.string())
          .optional()
          .describe('per-field messages, keyed by path (e.g. "target.start.offset")'),
      })
      // Some errors carry more (a 409 holds `current`, the latest version of what was edited).
      .loose(),
  })
  .meta({ id: 'Error' });
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
