import { PUBLIC_FORM_FIELDS } from '@/lib/public-forms/limits';

/**
 * The consent box of a public form (Nghị định 13/2023/NĐ-CP), its text from consentText() and its
 * error beside it. No hooks and no server imports: usable in server and client components alike.
 */
export function ConsentBox({
  id,
  text,
  error,
  defaultChecked = false,
}: {
  /** Unique on the page: the box's id; its error is `<id>-loi`. */
  id: string;
  text: string;
  error?: string[];
  defaultChecked?: boolean;
}) {
  return (
    <div className="mt-4">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name={PUBLIC_FORM_FIELDS.consent}
          value="on"
          required
          defaultChecked={defaultChecked}
          aria-invalid={Boolean(error?.length)}
          aria-describedby={error?.length ? `${id}-loi` : undefined}
          className="mt-1 size-5 shrink-0"
        />
        <label htmlFor={id} className="text-sm leading-relaxed text-slate-800">
          {text}
        </label>
      </div>
      {error?.length ? (
        <p id={`${id}-loi`} className="mt-1 text-sm font-semibold text-red-700">
          {error.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
