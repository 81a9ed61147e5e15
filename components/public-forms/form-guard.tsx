import { PUBLIC_FORM_FIELDS } from '@/lib/public-forms/limits';
import { issueFormStart } from '@/server/public-forms/guard';

/**
 * The machinery every public form carries, rendered on the server (works without JavaScript): the
 * honeypot, off-screen and hidden from screen readers and the keyboard, and the signed time the
 * form was served. Render it in a page that is rendered per request (a token in an ISR page is as
 * old as the page); pass it to a client form as a prop (`guard={<PublicFormGuard form="…" />}`).
 */
export async function PublicFormGuard({ form }: { form: string }) {
  const startedAt = await issueFormStart(form);
  return (
    <>
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor={`${form}-${PUBLIC_FORM_FIELDS.honeypot}`}>Để trống ô này</label>
        <input
          id={`${form}-${PUBLIC_FORM_FIELDS.honeypot}`}
          type="text"
          name={PUBLIC_FORM_FIELDS.honeypot}
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <input type="hidden" name={PUBLIC_FORM_FIELDS.startedAt} value={startedAt} />
    </>
  );
}
