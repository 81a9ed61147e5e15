'use client';

import { useActionState } from 'react';
import { formatNumber } from '@/lib/format-number';
import { RATING_COMMENT_MAX, RATING_CRITERIA, SCORE_LABELS } from '@/lib/feedback/rating-labels';
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

const PREFIX = 'danh-gia';
const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * Đánh giá cổng thông tin: a group of five choices per criterion and an optional comment. A plain
 * form bound to a server action, so it works without JavaScript; on an error the choices come back
 * as they were.
 */
export function RatingForm({ action: submit, guard }: { action: PublicAction<object>; guard: React.ReactNode }) {
  const [state, action, pending] = useActionState(submit, null);
  if (state?.ok) {
    return (
      <div className="mt-4">
        <PublicFormOutcome state={state} sent="Đã ghi nhận đánh giá của bạn. Cảm ơn bạn đã góp phần hoàn thiện cổng thông tin!" />
      </div>
    );
  }
  const values = typedOf(state);
  return (
    <form action={action} aria-label="Đánh giá cổng thông tin" className="mt-4 space-y-5">
      {guard}
      <PublicFormOutcome state={state} sent="" />
      {RATING_CRITERIA.map(({ key, label }) => {
        const error = fieldErrorOf(state, key);
        return (
          <fieldset
            key={key}
            aria-describedby={error ? `${PREFIX}-${key}-loi` : undefined}
            className="min-w-0 rounded border border-slate-300 p-3"
          >
            <legend className="px-1 font-semibold">
              {label} <span aria-hidden="true">*</span>
            </legend>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {SCORES.map((score) => (
                <label key={score} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name={key}
                    value={score}
                    required
                    defaultChecked={values[key] === String(score)}
                    aria-invalid={error ? true : undefined}
                    className="h-5 w-5"
                  />
                  <span>
                    {score} – {SCORE_LABELS[score]}
                  </span>
                </label>
              ))}
            </div>
            <PublicFieldError prefix={PREFIX} state={state} name={key} />
          </fieldset>
        );
      })}
      <div>
        <label htmlFor={`${PREFIX}-comment`} className="font-semibold">
          Ý kiến khác (không bắt buộc)
        </label>
        <textarea
          {...fieldAttributes(PREFIX, state, 'comment', true)}
          rows={5}
          maxLength={RATING_COMMENT_MAX}
          defaultValue={values.comment ?? ''}
          className={publicInputClass}
        />
        <p id={`${PREFIX}-comment-goi-y`} className="mt-1 text-sm text-slate-700">
          Tối đa {formatNumber(RATING_COMMENT_MAX)} ký tự. Xin đừng ghi thông tin cá nhân.
        </p>
        <PublicFieldError prefix={PREFIX} state={state} name="comment" />
      </div>
      <button type="submit" disabled={pending} className={publicButtonClass}>
        {pending ? 'Đang gửi…' : 'Gửi đánh giá'}
      </button>
    </form>
  );
}
