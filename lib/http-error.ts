import type { FieldErrors } from './actions';

/**
 * A refusal from a route handler: its HTTP status and its Vietnamese message (and, for a form,
 * the message beside each field). Route handlers turn it into `{ ok: false, error, fieldErrors }`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toResponse(): Response {
    return Response.json(
      { ok: false, error: this.message, ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}) },
      { status: this.status, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
