import type { FieldErrors } from '@/lib/errors';

/** A labelled input with its error beside it, tied by aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-red-700">
      {errors.join(' ')}
    </p>
  );
}

/**
 * For forms that lay out their own fields: the id, name and aria attributes of field `name` (ids
 * under `prefix`) and its error, tied together. With `hints`, a field without an error is
 * described by its `<prefix>-<name>-goi-y` hint instead.
 */
export function fieldHelpers(prefix: string, errors: FieldErrors, { hints = false }: { hints?: boolean } = {}) {
  return {
    fieldProps: (name: string) => ({
      id: `${prefix}-${name}`,
      name,
      'aria-invalid': Boolean(errors[name]),
      'aria-describedby': errors[name] ? `${prefix}-${name}-loi` : hints ? `${prefix}-${name}-goi-y` : undefined,
    }),
    errorOf: (name: string) => <FieldError id={`${prefix}-${name}-loi`} errors={errors[name]} />,
  };
}

export const inputClass = 'mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700';
export const buttonClass = 'rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60';
export const secondaryButtonClass = 'rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 disabled:opacity-60';
