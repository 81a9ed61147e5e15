'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import type { EditorData, sendBackArticle } from '@/server/articles/actions';
import { buttonClass, FieldError, inputClass, secondaryButtonClass } from '@/components/staff/form-field';

type Props = {
  article: EditorData['article'];
  sendBack: typeof sendBackArticle;
  onDone: (article: EditorData['article']) => void;
  onCancel: () => void;
};

/** "Trả lại" needs a reason: the author reads it on the article and fixes what it says. */
export function SendBackForm({ article, sendBack, onDone, onCancel }: Props) {
  const [errors, setErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => field.current?.focus(), []);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const comment = new FormData(event.currentTarget).get('comment');
    startTransition(async () => {
      const result = await sendBack({ id: article.id, version: article.version, comment });
      if (result.ok) return onDone(result.article);
      setErrors(result.fieldErrors?.comment);
      setMessage(result.error);
      field.current?.focus();
    });
  }

  return (
    <form
      aria-label="Trả lại bài viết"
      onSubmit={onSubmit}
      noValidate
      className="space-y-2 rounded-lg border border-slate-300 bg-white p-3"
    >
      <label htmlFor="tra-lai-ly-do" className="block text-sm font-semibold">
        Lý do trả lại (tác giả sẽ thấy)
      </label>
      <textarea
        ref={field}
        id="tra-lai-ly-do"
        name="comment"
        rows={3}
        maxLength={2000}
        aria-required
        aria-invalid={Boolean(errors)}
        aria-describedby={errors ? 'tra-lai-ly-do-loi' : undefined}
        className={inputClass}
      />
      <FieldError id="tra-lai-ly-do-loi" errors={errors} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          Gửi trả lại
        </button>
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Hủy
        </button>
      </div>
      <p role="status" aria-live="polite" className="text-sm font-semibold text-red-700">
        {message}
      </p>
    </form>
  );
}
