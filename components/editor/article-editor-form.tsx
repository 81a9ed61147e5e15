'use client';

import { useId, useRef, useState } from 'react';
import { saveArticle, type EditorData } from '@/server/articles/actions';
import { CoverImageField } from '@/components/media/cover-image-field';
import { fieldHelpers, inputClass } from '@/components/staff/form-field';
import type { FieldErrors } from '@/lib/errors';
import { RichTextEditor } from './rich-text-editor';
import { useUnsavedChangesGuard } from './unsaved-changes-guard';
import { toLocalDateTimeInput } from '@/lib/time';

type Props = { data: EditorData; onSaved: (article: EditorData['article']) => void; onCancel: () => void };

/**
 * The article's fields in place of the article. Saving never clears the form: after a conflict
 * or an error the person's text stays exactly as they typed it.
 */
export function ArticleEditorForm({ data, onSaved, onCancel }: Props) {
  const { article, categories, can, cover } = data;
  const ids = useId();
  const bodyHtml = useRef(article.bodyHtml);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [conflict, setConflict] = useState(false);
  const [pending, setPending] = useState(false);
  const { setDirty, confirmLeave, dialog } = useUnsavedChangesGuard();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set('bodyHtml', bodyHtml.current);
    form.set('id', String(article.id));
    form.set('version', String(article.version));
    setPending(true);
    setStatus('Đang lưu…');
    try {
      const result = await saveArticle(form);
      if (result.ok) {
        setDirty(false);
        setErrors({});
        setStatus('Đã lưu.');
        onSaved(result.article);
      } else {
        setErrors(result.fieldErrors ?? {});
        setConflict(Boolean(result.conflict));
        setStatus(result.error);
      }
    } catch {
      setStatus('Không kết nối được máy chủ, chưa lưu. Nội dung vẫn còn trên màn hình.');
    } finally {
      setPending(false);
    }
  }

  const { fieldProps, errorOf } = fieldHelpers(ids, errors);
  const label = (name: string, text: string) => (
    <label htmlFor={`${ids}-${name}`} className="block text-sm font-semibold">
      {text}
    </label>
  );

  return (
    <form
      onSubmit={onSubmit}
      onInput={() => setDirty(true)}
      onChange={() => setDirty(true)}
      aria-label="Chỉnh sửa bài viết"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
    >
      <div>
        {label('title', 'Tiêu đề')}
        <textarea {...fieldProps('title')} defaultValue={article.title} rows={2} required className={inputClass} />
        {errorOf('title')}
      </div>
      {can.changeSlug && (
        <div>
          {label('slug', 'Đường dẫn')}
          <input {...fieldProps('slug')} defaultValue={article.slug} className={inputClass} />
          {errorOf('slug')}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          {label('categoryId', 'Chuyên mục')}
          <select {...fieldProps('categoryId')} defaultValue={article.categoryId} className={inputClass}>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
          {errorOf('categoryId')}
        </div>
        <div>
          {label('publishedAt', 'Thời gian xuất bản')}
          <input
            {...fieldProps('publishedAt')}
            type="datetime-local"
            defaultValue={toLocalDateTimeInput(article.publishedAt)}
            className={inputClass}
          />
          {errorOf('publishedAt')}
        </div>
      </div>
      <div>
        {label('summary', 'Tóm tắt')}
        <textarea {...fieldProps('summary')} defaultValue={article.summary} rows={3} className={inputClass} />
        {errorOf('summary')}
      </div>
      <CoverImageField initial={cover} error={errors.coverMediaId} />
      <div>
        <p id={`${ids}-body-label`} className="mb-1 text-sm font-semibold">
          Nội dung
        </p>
        <RichTextEditor
          labelId={`${ids}-body-label`}
          initialHtml={article.bodyHtml}
          onChange={(html) => {
            bodyHtml.current = html;
            setDirty(true);
          }}
        />
        {errorOf('bodyHtml')}
      </div>
      <div>
        {label('byline', 'Tác giả')}
        <input {...fieldProps('byline')} defaultValue={article.byline} className={inputClass} />
        {errorOf('byline')}
      </div>
      <p role="status" aria-live="polite" className={`text-sm font-semibold ${conflict ? 'text-red-700' : ''}`}>
        {status}
      </p>
      {/* On a phone the form is thousands of pixels long: "Lưu" stays in reach at the bottom. */}
      <div className="sticky bottom-0 -mx-4 flex gap-2 border-t border-slate-200 bg-white px-4 py-2 sm:static sm:mx-0 sm:border-0 sm:p-0">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          Lưu
        </button>
        <button
          type="button"
          onClick={() => confirmLeave(onCancel)}
          className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold"
        >
          Hủy
        </button>
      </div>
      {dialog}
    </form>
  );
}
