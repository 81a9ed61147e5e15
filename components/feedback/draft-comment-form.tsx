'use client';

import { useActionState } from 'react';
import { ConsentBox } from '@/components/public-forms/consent-box';
import { formatNumber } from '@/lib/format-number';
import { PUBLIC_FORM_LIMITS } from '@/lib/public-forms/limits';
import type { PublicAction } from '@/server/public-forms/guard';
import {
  fieldAttributes,
  fieldErrorOf,
  PublicFieldError,
  PublicFormOutcome,
  publicButtonClass,
  publicInputClass,
  typedOf,
} from './public-form-parts';

const COMMENT_LIMITS = PUBLIC_FORM_LIMITS;

const PREFIX = 'gop-y';

/**
 * "Góp ý" on a draft open for comment. A plain form bound to a server action: without JavaScript
 * it is posted and the page comes back with the outcome, the errors beside each field and the text
 * as typed.
 */
export function DraftCommentForm({
  documentId,
  action: submit,
  guard,
  consent,
}: {
  documentId: number;
  action: PublicAction<object>;
  guard: React.ReactNode;
  /** The consent text (lib/public-forms consentText), made on the server. */
  consent: string;
}) {
  const [state, action, pending] = useActionState(submit, null);
  const values = typedOf(state);
  const field = (name: string, hint?: boolean) => fieldAttributes(PREFIX, state, name, hint);
  if (state?.ok) {
    return (
      <div className="mt-3">
        <PublicFormOutcome
          state={state}
          sent="Đã gửi góp ý. Cảm ơn bạn! Góp ý sẽ được cán bộ xem xét trước khi đăng công khai; email của bạn không bao giờ được công bố."
        />
      </div>
    );
  }
  return (
    <form action={action} aria-labelledby="gop-y-tieu-de" className="mt-3 space-y-4">
      {guard}
      <input type="hidden" name="documentId" value={documentId} />
      <PublicFormOutcome state={state} sent="" />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${PREFIX}-name`} className="font-semibold">
            Họ và tên <span aria-hidden="true">*</span>
          </label>
          <input
            {...field('name')}
            type="text"
            required
            maxLength={COMMENT_LIMITS.name}
            autoComplete="name"
            defaultValue={values.name ?? ''}
            className={publicInputClass}
          />
          <PublicFieldError prefix={PREFIX} state={state} name="name" />
        </div>
        <div>
          <label htmlFor={`${PREFIX}-email`} className="font-semibold">
            Email <span aria-hidden="true">*</span>
          </label>
          <input
            {...field('email', true)}
            type="email"
            required
            maxLength={COMMENT_LIMITS.email}
            autoComplete="email"
            defaultValue={values.email ?? ''}
            className={publicInputClass}
          />
          <p id={`${PREFIX}-email-goi-y`} className="mt-1 text-sm text-slate-700">
            Để Sở liên hệ khi cần; không bao giờ được công bố.
          </p>
          <PublicFieldError prefix={PREFIX} state={state} name="email" />
        </div>
      </div>
      <div>
        <label htmlFor={`${PREFIX}-organisation`} className="font-semibold">
          Cơ quan, tổ chức (không bắt buộc)
        </label>
        <input
          {...field('organisation')}
          type="text"
          maxLength={COMMENT_LIMITS.organisation}
          autoComplete="organization"
          defaultValue={values.organisation ?? ''}
          className={publicInputClass}
        />
        <PublicFieldError prefix={PREFIX} state={state} name="organisation" />
      </div>
      <div>
        <label htmlFor={`${PREFIX}-content`} className="font-semibold">
          Nội dung góp ý <span aria-hidden="true">*</span>
        </label>
        <textarea
          {...field('content', true)}
          required
          rows={8}
          maxLength={COMMENT_LIMITS.content}
          defaultValue={values.content ?? ''}
          className={publicInputClass}
        />
        <p id={`${PREFIX}-content-goi-y`} className="mt-1 text-sm text-slate-700">
          Tối đa {formatNumber(COMMENT_LIMITS.content)} ký tự. Nêu rõ điều, khoản của dự thảo mà bạn góp ý.
        </p>
        <PublicFieldError prefix={PREFIX} state={state} name="content" />
      </div>
      <ConsentBox id={`${PREFIX}-consent`} text={consent} error={fieldErrorOf(state, 'consent')} defaultChecked={values.consent === 'on'} />
      <button type="submit" disabled={pending} className={publicButtonClass}>
        {pending ? 'Đang gửi…' : 'Gửi góp ý'}
      </button>
    </form>
  );
}
