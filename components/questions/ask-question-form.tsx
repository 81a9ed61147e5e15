'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { ConsentBox } from '@/components/public-forms/consent-box';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import { formatNumber } from '@/lib/format-number';
import { PUBLIC_FORM_LIMITS } from '@/lib/public-forms/limits';
import { routes } from '@/lib/routes';
import type { PublicAction, PublicFormState } from '@/server/public-forms/guard';
import { CopyButton } from './copy-button';

type Asked = { code: string; emailed: boolean; mailConfigured: boolean };

/**
 * "Đặt câu hỏi": a form bound to its server action through useActionState, so it works without
 * JavaScript (the browser posts the form; the page comes back with the result or the errors).
 * Every field keeps what was typed after a refusal; each error is beside its field.
 */
export function AskQuestionForm({
  action,
  fields,
  guard,
  consentText,
}: {
  action: PublicAction<Asked>;
  fields: { id: number; name: string }[];
  guard: React.ReactNode;
  consentText: string;
}) {
  const [state, formAction, pending] = useActionState<PublicFormState<Asked>, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const [length, setLength] = useState((values.content ?? '').length);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (state?.ok) doneRef.current?.focus();
    else if (state && !state.ok) errorRef.current?.focus();
  }, [state]);

  if (state?.ok) {
    return (
      <section aria-labelledby="da-tiep-nhan" className="mt-4 rounded-lg border border-green-700 bg-green-50 p-4">
        <h2 id="da-tiep-nhan" ref={doneRef} tabIndex={-1} className="text-xl font-bold text-green-900">
          Câu hỏi của bạn đã được tiếp nhận
        </h2>
        <p className="mt-2">Mã tra cứu của bạn:</p>
        <p className="mt-1 flex flex-wrap items-center gap-3">
          <output className="font-mono text-2xl font-bold tracking-wider text-slate-900" aria-label="Mã tra cứu">
            {state.code}
          </output>
          <CopyButton text={state.code} />
        </p>
        <p className="mt-3">
          {state.emailed
            ? 'Mã cũng đã được gửi tới email của bạn.'
            : state.mailConfigured
              ? 'Chưa gửi được thư tới email của bạn: vui lòng ghi lại mã này.'
              : 'Vui lòng ghi lại hoặc chụp lại mã này: cổng thông tin chưa gửi thư điện tử, mã chỉ hiện một lần.'}
        </p>
        <p className="mt-3">
          Dùng mã tại trang{' '}
          <a href={routes.questionLookup} className="font-semibold text-brand-700 underline">
            Tra cứu câu hỏi
          </a>{' '}
          để xem tình trạng và câu trả lời.
        </p>
      </section>
    );
  }

  const describedBy = (name: string, hint?: string) =>
    [errors[name] ? `hoi-${name}-loi` : null, hint].filter(Boolean).join(' ') || undefined;
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`hoi-${name}-loi`} className="mt-1 text-sm font-semibold text-red-700">
        {errors[name].join(' ')}
      </p>
    ) : null;

  return (
    <form action={formAction} aria-label="Đặt câu hỏi" className="relative mt-4 space-y-4">
      {guard}
      <p ref={errorRef} tabIndex={-1} role="alert" className="font-semibold text-red-700 empty:hidden">
        {failed?.error ?? ''}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="hoi-name" className="block font-semibold">
            Họ và tên <span className="text-red-700">(bắt buộc)</span>
          </label>
          <input
            id="hoi-name"
            name="name"
            autoComplete="name"
            required
            maxLength={PUBLIC_FORM_LIMITS.name}
            defaultValue={values.name ?? ''}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={describedBy('name')}
            className={inputClass}
          />
          {fieldError('name')}
        </div>
        <div>
          <label htmlFor="hoi-email" className="block font-semibold">
            Email <span className="text-red-700">(bắt buộc)</span>
          </label>
          <input
            id="hoi-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={PUBLIC_FORM_LIMITS.email}
            defaultValue={values.email ?? ''}
            aria-invalid={Boolean(errors.email)}
            aria-describedby={describedBy('email', 'hoi-email-goi-y')}
            className={inputClass}
          />
          <p id="hoi-email-goi-y" className="mt-1 text-xs text-slate-600">
            Không công khai; dùng để gửi mã tra cứu.
          </p>
          {fieldError('email')}
        </div>
        <div>
          <label htmlFor="hoi-phone" className="block font-semibold">
            Số điện thoại (không bắt buộc)
          </label>
          <input
            id="hoi-phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            maxLength={PUBLIC_FORM_LIMITS.phone}
            defaultValue={values.phone ?? ''}
            aria-invalid={Boolean(errors.phone)}
            aria-describedby={describedBy('phone')}
            className={inputClass}
          />
          {fieldError('phone')}
        </div>
        <div>
          <label htmlFor="hoi-fieldId" className="block font-semibold">
            Lĩnh vực <span className="text-red-700">(bắt buộc)</span>
          </label>
          <select
            id="hoi-fieldId"
            name="fieldId"
            required
            defaultValue={values.fieldId ?? ''}
            aria-invalid={Boolean(errors.fieldId)}
            aria-describedby={describedBy('fieldId')}
            className={inputClass}
          >
            <option value="">Chọn lĩnh vực</option>
            {fields.map((field) => (
              <option key={field.id} value={field.id}>
                {field.name}
              </option>
            ))}
          </select>
          {fieldError('fieldId')}
        </div>
      </div>
      <div>
        <label htmlFor="hoi-title" className="block font-semibold">
          Tiêu đề <span className="text-red-700">(bắt buộc)</span>
        </label>
        <input
          id="hoi-title"
          name="title"
          required
          maxLength={PUBLIC_FORM_LIMITS.title}
          defaultValue={values.title ?? ''}
          aria-invalid={Boolean(errors.title)}
          aria-describedby={describedBy('title')}
          className={inputClass}
        />
        {fieldError('title')}
      </div>
      <div>
        <label htmlFor="hoi-content" className="block font-semibold">
          Nội dung <span className="text-red-700">(bắt buộc)</span>
        </label>
        <textarea
          id="hoi-content"
          name="content"
          required
          rows={8}
          maxLength={PUBLIC_FORM_LIMITS.content}
          defaultValue={values.content ?? ''}
          onChange={(event) => setLength(event.currentTarget.value.length)}
          aria-invalid={Boolean(errors.content)}
          aria-describedby={describedBy('content', 'hoi-content-dem')}
          className={inputClass}
        />
        <p id="hoi-content-dem" className="mt-1 text-sm text-slate-700">
          Đã nhập {formatNumber(length)}/{formatNumber(PUBLIC_FORM_LIMITS.content)} ký tự.
        </p>
        {fieldError('content')}
      </div>
      <ConsentBox id="hoi-consent" text={consentText} error={errors.consent} defaultChecked={values.consent === 'on'} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Đang gửi…' : 'Gửi câu hỏi'}
      </button>
    </form>
  );
}
