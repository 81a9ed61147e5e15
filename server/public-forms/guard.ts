import 'server-only';
import { createHmac } from 'node:crypto';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { claimPublicFormSlot, prunePublicFormSubmissions } from '@/db/queries/public-forms';
import type { RevalidateTarget } from '@/lib/cache-tags';
import { AppError, type FieldErrors } from '@/lib/errors';
import { PUBLIC_FORM_FIELDS, PUBLIC_FORM_MESSAGES, typedValues } from '@/lib/public-forms/fields';
import { checkFormStart, contentFingerprint, signFormStart } from '@/lib/public-forms/token';
import { clientKey } from '../auth/login';
import { getAuthSecret } from '../auth/secret';
import { isSameOrigin } from '../define-action';
import { revalidateTargets } from '../revalidate';

/** Marks functions built by definePublicAction (public-actions.ts files), for the test that lists them. */
export const PUBLIC_ACTION_MARK = Symbol.for('portal.public-action');

/**
 * What a public form's action returns, and what its form shows: on a refusal the message, the
 * message beside each field and every value typed (so nothing is lost, with or without JavaScript).
 */
export type PublicFormState<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; fieldErrors?: FieldErrors; values: Record<string, string> }
  | null;

export type PublicAction<T extends object> = (
  previous: PublicFormState<T> | unknown,
  input: FormData | Record<string, unknown>,
) => Promise<PublicFormState<T>>;

/** The per-client limit of a form: at most `limit` submissions within `windowMs`. */
export type PublicFormLimit = { limit: number; windowMs: number };

async function formTokenKey(): Promise<string> {
  return createHmac('sha256', await getAuthSecret())
    .update('public-form-start')
    .digest('base64url');
}

/** The signed start time to put in a form (components/public-forms/ renders it). */
export async function issueFormStart(form: string): Promise<string> {
  return signFormStart({ key: await formTokenKey(), form });
}

/** The client of the current request, as the login throttle keys it: an HMAC of the address. */
export async function currentClientKey(): Promise<string> {
  const list = await headers();
  return clientKey((name) => list.get(name));
}

/**
 * Honeypot and minimum fill time of a submitted form; throws the refusal. Exposed for forms that
 * do not go through definePublicAction (a route handler).
 */
export async function screenPublicSubmission(form: string, raw: Record<string, unknown>): Promise<void> {
  const honeypot = raw[PUBLIC_FORM_FIELDS.honeypot];
  if (typeof honeypot === 'string' && honeypot !== '') throw new AppError('rejected', { message: PUBLIC_FORM_MESSAGES.honeypot });
  const start = checkFormStart({ key: await formTokenKey(), form, token: raw[PUBLIC_FORM_FIELDS.startedAt] });
  if (start === 'tooFast') throw new AppError('rejected', { message: PUBLIC_FORM_MESSAGES.tooFast });
  if (start !== 'ok') throw new AppError('rejected', { message: PUBLIC_FORM_MESSAGES.staleForm });
}

/**
 * Claims a slot of a form's limit (and its duplicate rule) inside the caller's transaction;
 * throws the refusal. For work that is not a definePublicAction (a tracking-code lookup).
 */
export async function claimPublicSlot({
  tx,
  form,
  client,
  limit,
  fingerprint,
  duplicateWindowMs,
}: {
  tx: Tx;
  form: string;
  client: string;
  limit: PublicFormLimit;
  fingerprint?: string | null;
  duplicateWindowMs?: number;
}): Promise<void> {
  const slot = await claimPublicFormSlot({ tx, form, clientKey: client, ...limit, fingerprint, duplicateWindowMs });
  if (slot === 'rateLimited') throw new AppError('tooManyRequests', { message: PUBLIC_FORM_MESSAGES.rateLimited });
  if (slot === 'duplicate') throw new AppError('rejected', { message: PUBLIC_FORM_MESSAGES.duplicate });
  if (Math.random() < 0.01) void prunePublicFormSubmissions().catch(() => {});
}

/**
 * The one way to write the action of a public form (no session):
 *  1. the request's Origin must be this site;
 *  2. the honeypot must be empty and the form's signed start time at least MIN_FILL_MS old;
 *  3. the input validated with zod (the consent box among it: lib/public-forms/fields.ts);
 *  4. in one transaction: the client's limit and the duplicate rule (the submission recorded),
 *     then the work; a refusal or failure leaves nothing behind;
 *  5. after commit, revalidation of the cached pages that show what changed.
 * Its signature is useActionState's, so the form works without JavaScript; it never throws.
 */
export function definePublicAction<S extends z.ZodType, T extends object>(definition: {
  /** The form's name: the limit, the duplicates and the start token are per form. */
  form: string;
  schema: S;
  limit: PublicFormLimit;
  /**
   * false: no honeypot and no minimum time (a lookup that a person may repeat at once); the
   * limit still applies. Default true.
   */
  screen?: boolean;
  /** The texts that make two submissions the same; none: no duplicate rule. */
  fingerprint?: (input: z.output<S>) => readonly string[];
  duplicateWindowMs?: number;
  run: (context: { input: z.output<S>; tx: Tx; client: string }) => Promise<{ result: T; revalidate?: RevalidateTarget[] }>;
  /** Work after commit that must not undo the submission if it fails (sending an email). */
  after?: (context: { input: z.output<S>; result: T }) => Promise<Partial<T> | undefined> | Partial<T> | undefined;
}): PublicAction<T> {
  const action: PublicAction<T> = async (_previous, input) => {
    const raw = toObject(input);
    try {
      if (!(await isSameOrigin())) throw new AppError('foreignOrigin');
      if (definition.screen !== false) await screenPublicSubmission(definition.form, raw);
      const parsed = definition.schema.safeParse(raw);
      if (!parsed.success) throw new AppError('invalid', { fieldErrors: fieldErrorsOf(parsed.error) });
      const client = await currentClientKey();
      const fingerprint = definition.fingerprint ? contentFingerprint(definition.fingerprint(parsed.data)) : null;
      const db = await getDb();
      const done = await db.transaction(async (tx) => {
        await claimPublicSlot({
          tx,
          form: definition.form,
          client,
          limit: definition.limit,
          fingerprint,
          duplicateWindowMs: definition.duplicateWindowMs,
        });
        return definition.run({ input: parsed.data, tx, client });
      });
      await revalidateTargets(done.revalidate ?? []);
      let result = done.result;
      if (definition.after) {
        try {
          result = { ...result, ...(await definition.after({ input: parsed.data, result })) };
        } catch (error) {
          console.error(`[public-form] ${definition.form}: lỗi sau khi lưu.`, error);
        }
      }
      return { ok: true, ...result };
    } catch (error) {
      const refusal = error instanceof AppError ? error : new AppError('failed');
      if (!(error instanceof AppError)) console.error(`[public-form] ${definition.form}: lỗi không mong đợi.`, error);
      return { ...refusal.toResult(), values: typedValues(raw) } as PublicFormState<T>;
    }
  };
  return Object.assign(action, { [PUBLIC_ACTION_MARK]: true });
}

function toObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input ?? {};
  const object: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) if (!key.startsWith('$ACTION')) object[key] = value;
  return object;
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
