import type { PublicFormState } from '@/lib/feedback/form-state';

/** The label, control and error of one field of a public form, tied by aria-describedby. */
export function fieldAttributes(prefix: string, state: PublicFormState, name: string, hint?: boolean) {
  const error = state.fieldErrors[name];
  return {
    id: `${prefix}-${name}`,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${prefix}-${name}-loi` : hint ? `${prefix}-${name}-goi-y` : undefined,
  } as const;
}

export function PublicFieldError({ prefix, state, name }: { prefix: string; state: PublicFormState; name: string }) {
  const error = state.fieldErrors[name];
  if (!error?.length) return null;
  return (
    <p id={`${prefix}-${name}-loi`} className="mt-1 text-sm font-semibold text-red-700">
      {error.join(' ')}
    </p>
  );
}

/** The outcome of a submission, announced to screen readers; an error is an alert. */
export function PublicFormOutcome({ state }: { state: PublicFormState }) {
  if (state.status === 'idle') return <p role="status" aria-live="polite" className="sr-only" />;
  return state.status === 'sent' ? (
    <p role="status" aria-live="polite" className="rounded border border-green-700 bg-green-50 px-3 py-2 font-semibold text-green-900">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 font-semibold text-red-800">
      {state.message}
    </p>
  );
}

export const publicInputClass =
  'mt-1 w-full max-w-full rounded border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700';
export const publicButtonClass =
  'rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60';
