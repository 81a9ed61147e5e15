'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { ActionResult, FieldErrors } from '@/lib/errors';
import { buttonClass, FieldError, inputClass, secondaryButtonClass } from './form-field';

export type StaffAction = (input: FormData | Record<string, unknown>) => Promise<ActionResult>;

/**
 * A form bound to a server action: errors come back beside each field, the outcome is announced
 * in a status region, and on success the page's server data is refreshed. `resetOnSuccess` empties
 * an "add" form for the next entry.
 */
export function ActionForm({
  action,
  done,
  label,
  resetOnSuccess = false,
  className,
  children,
}: {
  action: StaffAction;
  done: string;
  label: string;
  resetOnSuccess?: boolean;
  className?: string;
  children: (errors: FieldErrors, pending: boolean) => React.ReactNode;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // A new attempt: the previous outcome must not be read as this one's.
    setMessage(null);
    startTransition(async () => {
      const result = await action(form);
      if (result.ok) {
        setErrors({});
        setMessage({ text: done, ok: true });
        if (resetOnSuccess) formRef.current?.reset();
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage({ text: result.error, ok: false });
        // The first field in error takes the focus, so a keyboard or screen-reader user lands on it.
        const first = Object.keys(result.fieldErrors ?? {})[0];
        if (first) formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)?.focus();
      }
    });
  }

  // An error answers what was sent: once the field is changed it no longer applies.
  function onInput(event: React.FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (name && errors[name]) setErrors(({ [name]: _changed, ...rest }) => rest);
  }

  return (
    <form ref={formRef} aria-label={label} onSubmit={onSubmit} onInput={onInput} noValidate className={className}>
      {children(errors, pending || !hydrated)}
      <p role="status" aria-live="polite" className={`text-sm font-semibold ${message?.ok ? 'text-green-800' : 'text-red-700'}`}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}

/** A labelled text input with an optional hint and its errors, both tied by aria-describedby. */
export function TextField({
  id,
  name,
  label,
  errors,
  defaultValue,
  type = 'text',
  hint,
  required = false,
  inputMode,
  maxLength,
  autoComplete,
}: {
  id: string;
  name: string;
  label: string;
  errors: FieldErrors;
  defaultValue?: string | number;
  type?: 'text' | 'email' | 'tel' | 'number' | 'password';
  autoComplete?: string;
  hint?: string;
  required?: boolean;
  inputMode?: React.HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
}) {
  const fieldErrors = errors[name];
  const described = [hint ? `${id}-goi-y` : null, fieldErrors ? `${id}-loi` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
        {required && <span className="sr-only"> (bắt buộc)</span>}
      </label>
      {hint && (
        <p id={`${id}-goi-y`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        inputMode={inputMode}
        defaultValue={defaultValue}
        maxLength={maxLength}
        autoComplete={autoComplete}
        aria-required={required || undefined}
        aria-invalid={Boolean(fieldErrors)}
        aria-describedby={described}
        className={inputClass}
      />
      <FieldError id={`${id}-loi`} errors={fieldErrors} />
    </div>
  );
}

export function SubmitButton({
  pending,
  children,
  secondary = false,
}: {
  pending: boolean;
  children: React.ReactNode;
  secondary?: boolean;
}) {
  return (
    <button type="submit" disabled={pending} className={secondary ? secondaryButtonClass : buttonClass}>
      {children}
    </button>
  );
}

export type RowButton = {
  /** The id of the button, so the focus can return to it after the list is redrawn. */
  id: string;
  text: string;
  /** The accessible name when `text` alone ("Lên") would not say what moves. */
  label: string;
  action: StaffAction;
  input: Record<string, unknown>;
  done: string;
  confirm?: string;
  disabled?: boolean;
  danger?: boolean;
};

/**
 * "Lên" and "Xuống" for row `index` of `count`: `input(direction)` is what the move action takes,
 * `name` what the screen reader hears moved ("Lên: <name>").
 */
export function moveButtons({
  prefix,
  name,
  action,
  input,
  index,
  count,
  done = { up: 'Đã chuyển lên.', down: 'Đã chuyển xuống.' },
}: {
  prefix: string;
  name: string;
  action: StaffAction;
  input: (direction: 'up' | 'down') => Record<string, unknown>;
  index: number;
  count: number;
  done?: { up: string; down: string };
}): RowButton[] {
  return [
    { id: `${prefix}-len`, text: 'Lên', label: `Lên: ${name}`, action, input: input('up'), done: done.up, disabled: index === 0 },
    {
      id: `${prefix}-xuong`,
      text: 'Xuống',
      label: `Xuống: ${name}`,
      action,
      input: input('down'),
      done: done.down,
      disabled: index === count - 1,
    },
  ];
}

/**
 * "Lên", "Xuống", "Xóa" for one row. After a move the row is redrawn elsewhere in the list: the
 * button that was pressed gets the focus back so a keyboard user can press it again.
 */
export function RowButtons({ buttons }: { buttons: RowButton[] }) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const [refocus, setRefocus] = useState<string | null>(null);

  useEffect(() => {
    if (pending || !refocus) return;
    const target = document.getElementById(refocus);
    if (target && !(target as HTMLButtonElement).disabled) target.focus();
    setRefocus(null);
  }, [pending, refocus]);

  const run = (button: RowButton) => {
    if (button.confirm && !window.confirm(button.confirm)) return;
    startTransition(async () => {
      const result = await button.action(button.input);
      setMessage(result.ok ? button.done : result.error);
      if (result.ok) {
        setRefocus(button.id);
        router.refresh();
      }
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {buttons.map((button) => (
        <button
          key={button.id}
          id={button.id}
          type="button"
          aria-label={button.label}
          disabled={pending || button.disabled}
          onClick={() => run(button)}
          className={`rounded border px-3 py-1.5 text-sm font-semibold disabled:opacity-50 ${button.danger ? 'border-red-700 text-red-800' : 'border-slate-400 text-slate-800'} bg-white`}
        >
          {button.text}
        </button>
      ))}
      <span role="status" aria-live="polite" className="text-sm">
        {message}
      </span>
    </div>
  );
}
