/**
 * Domain errors are values with a stable code; the errors plugin maps them to problem+json with a
 * message in the caller's language (messages.ts). Services throw these, never HTTP details.
 */
export interface FieldProblem {
  field: string;
  code: string;
  message?: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export const NotFound = (what = 'resource') => new DomainError(404, 'not_found', { what });
export const Forbidden = (code = 'auth.forbidden') => new DomainError(403, code);
export const Unauthorized = (code = 'auth.unauthorized') => new DomainError(401, code);
export const Conflict = (code: string, params: Record<string, string | number> = {}) =>
  new DomainError(409, code, params);
export const Invalid = (errors: FieldProblem[], code = 'validation.failed') => new DomainError(400, code, {}, errors);
export const PreconditionFailed = () => new DomainError(412, 'precondition.failed');
export const PreconditionRequired = () => new DomainError(428, 'precondition.required');
export const TooManyRequests = (retryAfterSeconds: number, code = 'auth.too_many_attempts') =>
  new DomainError(429, code, { seconds: retryAfterSeconds }, [], { 'retry-after': String(retryAfterSeconds) });
