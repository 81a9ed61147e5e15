import type { PublicFormState } from '@/server/public-forms/guard';

/**
 * The pieces the public forms of Góp ý dự thảo and Đánh giá share: field attributes tied to their
 * error, the error beside a field, and the outcome announced to screen readers.
 */
export function fieldAttributes(prefix: string, state: PublicFormState, name: string, hint?: boolean) {
  const error = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  return {
    id: `${prefix}-${name}`,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${prefix}-${name}-loi` : hint ? `${prefix}-${name}-goi-y` : undefined,
  } as const;
}

export function fieldErrorOf(state: PublicFormState, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/** What was typed before a refusal, to put back in the fields. */
export function typedOf(state: PublicFormState): Record<string, string> {
  return state && !state.ok ? state.values : {};
}

export function PublicFieldError({ prefix, state, name }: { prefix: string; state: PublicFormState; name: string }) {
  const error = fieldErrorOf(state, name);
  if (!error?.length) return null;
  return (
    <p id={`${prefix}-${name}-loi`} className="mt-1 text-sm font-semibold text-red-700">
      {error.join(' ')}
    </p>
  );
}

/** The outcome of a submission: a status when sent, an alert when refused. */
export function PublicFormOutcome({ state, sent }: { state: PublicFormState; sent: string }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 font-semibold text-green-900">
      {sent}
    </p>
  ) : (
    <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 font-semibold text-red-800">
      {state.error}
    </p>
  );
}

export const publicInputClass =
  'mt-1 w-full max-w-full rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700';
export const publicButtonClass =
  'rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60';
