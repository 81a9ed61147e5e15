'use client';

import { useActionState } from 'react';
import { COMMENT_LIMITS } from '@/lib/documents/consultation';
import { submitDraftComment } from '@/server/feedback/public-actions';
import { publicFormState } from '@/lib/feedback/form-state';
import { fieldAttributes, PublicFieldError, PublicFormOutcome, publicButtonClass, publicInputClass } from './public-form-parts';

const PREFIX = 'gop-y';

/**
 * "Góp ý" on a draft open for comment. A plain form bound to a server action: without JavaScript
 * it is posted and the page comes back with the outcome, the errors beside each field and the text
 * as typed.
 */
export function DraftCommentForm({ documentId }: { documentId: number }) {
  const [state, action, pending] = useActionState(submitDraftComment, publicFormState());
  const values = state.status === 'error' ? state.values : {};
  const field = (name: string, hint?: boolean) => fieldAttributes(PREFIX, state, name, hint);
  // A new key after a successful send empties the fields for another comment.
  return (
    <form action={action} aria-labelledby="gop-y-tieu-de" className="mt-3 space-y-4" key={state.status === 'sent' ? state.message : 'form'}>
      <input type="hidden" name="documentId" value={documentId} />
      <PublicFormOutcome state={state} />
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
          Tối đa {COMMENT_LIMITS.content.toLocaleString('vi-VN')} ký tự. Nêu rõ điều, khoản của dự thảo mà bạn góp ý.
        </p>
        <PublicFieldError prefix={PREFIX} state={state} name="content" />
      </div>
      <div>
        <div className="flex items-start gap-2">
          <input
            {...field('consent', true)}
            type="checkbox"
            value="yes"
            required
            defaultChecked={values.consent === 'yes'}
            className="mt-1 h-5 w-5 shrink-0"
          />
          <label htmlFor={`${PREFIX}-consent`}>
            Tôi đồng ý để Sở Nội vụ xử lý họ tên, email và cơ quan của tôi để tiếp thu, tổng hợp góp ý cho dự thảo này (Nghị định
            13/2023/NĐ-CP). <span aria-hidden="true">*</span>
          </label>
        </div>
        <p id={`${PREFIX}-consent-goi-y`} className="mt-1 text-sm text-slate-700">
          Họ tên, cơ quan và nội dung có thể được đăng dưới dự thảo sau khi cán bộ duyệt; email chỉ cán bộ tiếp nhận được xem, không đăng và
          không xuất ra tệp nào.
        </p>
        <PublicFieldError prefix={PREFIX} state={state} name="consent" />
      </div>
      <button type="submit" disabled={pending} className={publicButtonClass}>
        {pending ? 'Đang gửi…' : 'Gửi góp ý'}
      </button>
    </form>
  );
}
