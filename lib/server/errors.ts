// Typed API errors: every failure leaves the server as { error: { code, message, fields? } }.
// The codes and their statuses are the contract in lib/errors/schemas.ts.
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors/schemas';

export type { ErrorCode } from '@/lib/errors/schemas';

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.details ?? {}),
      },
    };
  }
}

export const notFound = (what = 'That') => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in to continue.');
export const invalid = (message: string, fields?: Record<string, string>) =>
  new AppError('VALIDATION_FAILED', message, fields);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, undefined, details);
export const databaseUnavailable = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    'The database cannot be reached just now. Nothing was lost; please try again in a few seconds.',
  );
