import 'server-only';
import { headers } from 'next/headers';
import type { z } from 'zod';
import { auth, authAccount, type SessionUser } from '@/auth';
import { getDb, type Tx } from '@/db';
import type { RevalidateTarget } from '@/lib/cache-tags';
import { AppError, type ActionResult, type FieldErrors } from '@/lib/errors';
import { revalidateTargets } from './revalidate';

export type ActionInput = FormData | Record<string, unknown>;

type Context<I> = { user: SessionUser; input: I; tx: Tx };
type Done<T> = { result: T; revalidate?: RevalidateTarget[] };

/** Marks functions built by defineAction, so a test can prove every exported action is one. */
export const ACTION_MARK = Symbol.for('portal.action');

/**
 * The one way to write a server action:
 *  1. the request's Origin must be this site;
 *  2. a session (re-read from the database), and a role allowed for this kind of action;
 *  3. the input validated with zod (form values are strings: the schemas coerce);
 *  4. in one transaction: the object's own permission (`authorize`), then the work;
 *  5. after commit, revalidation of every cached page that shows what changed.
 * It returns `{ ok: true, ... }` or `{ ok: false, error, fieldErrors }` in Vietnamese; it never throws.
 */
export function defineAction<S extends z.ZodType, T extends object>(definition: {
  roles: (user: SessionUser) => boolean;
  /** Also for an account that must still replace a temporary password (changing it, and nothing else). */
  allowTemporaryPassword?: boolean;
  schema: S;
  authorize: (context: Context<z.output<S>>) => Promise<boolean> | boolean;
  run: (context: Context<z.output<S>>) => Promise<Done<T>>;
}): (input: ActionInput) => Promise<ActionResult<T>> {
  const action = async (input: ActionInput): Promise<ActionResult<T>> => {
    try {
      if (!(await isSameOrigin())) throw new AppError('foreignOrigin');
      const user = definition.allowTemporaryPassword ? await authAccount() : await auth();
      if (!user) throw new AppError('unauthenticated');
      if (!definition.roles(user)) throw new AppError('forbidden');

      const parsed = definition.schema.safeParse(toObject(input));
      if (!parsed.success) throw new AppError('invalid', { fieldErrors: fieldErrorsOf(parsed.error) });

      const db = await getDb();
      const done = await db.transaction(async (tx) => {
        const context = { user, input: parsed.data, tx };
        if (!(await definition.authorize(context))) throw new AppError('forbidden');
        return definition.run(context);
      });
      await revalidateTargets(done.revalidate ?? []);
      return { ok: true, ...done.result };
    } catch (error) {
      if (error instanceof AppError) return error.toResult();
      console.error('[action] Lỗi không mong đợi.', error);
      return new AppError('failed').toResult();
    }
  };
  return Object.assign(action, { [ACTION_MARK]: true });
}

/**
 * Next checks the Origin of server actions too; checking it here as well keeps the rule in our
 * code, where a test can see it. Behind a proxy the public host is in X-Forwarded-Host. Route
 * handlers that change data call it too.
 */
export async function isSameOrigin(): Promise<boolean> {
  const list = await headers();
  const origin = list.get('origin');
  const host = list.get('x-forwarded-host')?.split(',')[0]?.trim() ?? list.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function toObject(input: ActionInput): Record<string, unknown> {
  if (!(input instanceof FormData)) return input ?? {};
  const object: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    // React adds its own $ACTION_ fields to forms bound to actions.
    if (!key.startsWith('$ACTION')) object[key] = value;
  }
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
