'use client';

import { useActionState, useEffect, useRef } from 'react';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import type { QuestionTracking } from '@/db/queries/questions';
import { UNKNOWN_CODE_MESSAGE } from '@/lib/questions/messages';
import type { PublicAction, PublicFormState } from '@/server/public-forms/guard';
import { QuestionTrackingView } from './question-tracking';

type Looked = { question: QuestionTracking | null };

/** "Tra cứu": code in, status out; works without JavaScript (the page comes back with the answer). */
export function LookupForm({ action }: { action: PublicAction<Looked> }) {
  const [state, formAction, pending] = useActionState<PublicFormState<Looked>, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) resultRef.current?.focus();
  }, [state]);
  const codeError = failed?.fieldErrors?.code;
  return (
    <>
      <form action={formAction} aria-label="Tra cứu câu hỏi" className="mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-60">
          <label htmlFor="tra-cuu-ma" className="block font-semibold">
            Mã tra cứu
          </label>
          <input
            id="tra-cuu-ma"
            name="code"
            required
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            defaultValue={failed?.values.code ?? ''}
            aria-invalid={Boolean(codeError)}
            aria-describedby={codeError ? 'tra-cuu-ma-loi' : 'tra-cuu-ma-goi-y'}
            className={`${inputClass} font-mono uppercase`}
          />
          <p id="tra-cuu-ma-goi-y" className="mt-1 text-xs text-slate-600">
            12 ký tự, ví dụ 7K3M-Q9TX-2HPA; chữ hoa hay thường, có dấu gạch hay không đều được.
          </p>
          {codeError && (
            <p id="tra-cuu-ma-loi" className="mt-1 text-sm font-semibold text-red-700">
              {codeError.join(' ')}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? 'Đang tra cứu…' : 'Tra cứu'}
        </button>
      </form>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="mt-6 outline-none">
        {failed && !codeError && <p className="font-semibold text-red-700">{failed.error}</p>}
        {state?.ok && !state.question && <p className="font-semibold text-red-700">{UNKNOWN_CODE_MESSAGE}</p>}
        {state?.ok && state.question && <QuestionTrackingView question={state.question} />}
      </div>
    </>
  );
}
