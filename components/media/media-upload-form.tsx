'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { fieldHelpers, inputClass } from '@/components/staff/form-field';
import type { FieldErrors } from '@/lib/errors';
import type { MediaSummary } from '@/db/queries/media';
import { routes } from '@/lib/routes';

type Props = {
  onUploaded: (media: MediaSummary, created: boolean) => void;
  /** "Thay ảnh": the image this upload takes the place of, everywhere it is shown. */
  replaces?: { id: number; alt: string };
  /** A file pasted or dropped into the editor: already chosen, waiting for its description. */
  initialFile?: File | null;
};

type Replaced = { articles: number; people: number; pages: number };
type UploadResponse =
  | { ok: true; media: MediaSummary; created: boolean; replaced?: Replaced }
  | { ok: false; error: string; fieldErrors?: FieldErrors };

/** "Đã thay ảnh ở 2 bài viết, 1 ảnh chân dung." */
function replacedMessage({ articles, people, pages }: Replaced): string {
  const places = [
    articles > 0 ? `${articles} bài viết` : null,
    people > 0 ? `${people} ảnh chân dung` : null,
    pages > 0 ? `${pages} trang giới thiệu` : null,
  ].filter(Boolean);
  return places.length > 0
    ? `Đã thay ảnh ở ${places.join(', ')}. Ảnh cũ vẫn trong thư viện, không còn được dùng: có thể xóa.`
    : 'Đã tải ảnh mới lên. Ảnh cũ chưa được dùng ở đâu: có thể xóa.';
}

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * Uploads one image with its alt text. XHR rather than fetch for its upload progress; the server
 * decides everything (type by content, size, alt text) and its Vietnamese messages are shown
 * beside the fields. A file over 10 MB is stopped here too, so nobody waits to hear it.
 */
export function MediaUploadForm({ onUploaded, initialFile = null, replaces }: Props) {
  const ids = useId();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [fileName, setFileName] = useState('');

  useEffect(() => {
    const input = form.current?.querySelector<HTMLInputElement>('input[type="file"]');
    if (!initialFile || !input) return;
    const files = new DataTransfer();
    files.items.add(initialFile);
    input.files = files.files;
    setFileName(initialFile.name);
    form.current?.querySelector<HTMLInputElement>('input[name="alt"]')?.focus();
  }, [initialFile]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // This form may sit in a portal inside the article editor: its submit is not the article's.
    event.stopPropagation();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (file instanceof File && file.size > MAX_BYTES) {
      setErrors({ file: ['Ảnh quá lớn: mỗi ảnh tối đa 10 MB.'] });
      setStatus('Ảnh quá lớn: mỗi ảnh tối đa 10 MB.');
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', routes.api.mediaUpload);
    request.responseType = 'json';
    request.upload.onprogress = (progressEvent) => {
      if (progressEvent.lengthComputable) setProgress(Math.round((progressEvent.loaded / progressEvent.total) * 100));
    };
    request.onload = () => {
      setProgress(null);
      const body = request.response as UploadResponse | null;
      if (body?.ok) {
        setErrors({});
        if (body.replaced) setStatus(replacedMessage(body.replaced));
        else setStatus(body.created ? 'Đã tải ảnh lên.' : 'Ảnh này đã có trong thư viện ảnh.');
        form.current?.reset();
        setFileName('');
        onUploaded(body.media, body.created);
      } else {
        setErrors(body?.fieldErrors ?? {});
        setStatus(body?.error ?? 'Không tải được ảnh lên. Vui lòng thử lại.');
      }
    };
    request.onerror = () => {
      setProgress(null);
      setStatus('Không kết nối được máy chủ, ảnh chưa được tải lên.');
    };
    setErrors({});
    setProgress(0);
    setStatus('Đang tải lên…');
    request.send(data);
  }

  const { fieldProps, errorOf } = fieldHelpers(ids, errors, { hints: true });

  return (
    <form ref={form} onSubmit={onSubmit} aria-label={replaces ? `Thay ảnh: ${replaces.alt}` : 'Tải ảnh lên'} className="space-y-3">
      {replaces && <input type="hidden" name="replaces" value={replaces.id} />}
      <div>
        <label htmlFor={`${ids}-file`} className="block text-sm font-semibold">
          Tệp ảnh <span aria-hidden="true">*</span>
          <span className="sr-only"> (bắt buộc)</span>
        </label>
        {/* The browser's file button reads "Choose File · No file chosen" whatever the page's
            language: the input is kept (keyboard, screen readers, drag and drop) but drawn by us. */}
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input
            {...fieldProps('file')}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
            onChange={(event) => setFileName(event.target.files?.[0]?.name ?? '')}
            className="peer sr-only"
          />
          <span
            aria-hidden="true"
            className="rounded border border-slate-500 bg-white px-3 py-1.5 text-sm font-semibold peer-focus-visible:outline-2 peer-focus-visible:outline-brand-600"
            onClick={() => document.getElementById(`${ids}-file`)?.click()}
          >
            Chọn tệp
          </span>
          <span aria-hidden="true" className="text-sm text-slate-700">
            {fileName || 'Chưa chọn tệp nào'}
          </span>
        </div>
        {errors.file ? (
          errorOf('file')
        ) : (
          <p id={`${ids}-file-goi-y`} className="mt-1 text-sm text-slate-600">
            JPEG, PNG hoặc WebP, tối đa 10 MB.
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${ids}-alt`} className="block text-sm font-semibold">
          Mô tả ảnh <span aria-hidden="true">*</span>
          <span className="sr-only"> (bắt buộc)</span>
        </label>
        <input {...fieldProps('alt')} required maxLength={300} defaultValue={replaces?.alt} className={inputClass} />
        {errors.alt ? (
          errorOf('alt')
        ) : (
          <p id={`${ids}-alt-goi-y`} className="mt-1 text-sm text-slate-600">
            Điều người không xem được ảnh cần biết, tối đa 300 ký tự.
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={progress !== null}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60"
        >
          {replaces ? 'Thay ảnh' : 'Tải lên'}
        </button>
        {progress !== null && (
          <progress max={100} value={progress} aria-label="Tiến độ tải lên" className="h-2 w-40">
            {progress}%
          </progress>
        )}
        <p role="status" aria-live="polite" className="text-sm font-semibold">
          {status}
        </p>
      </div>
    </form>
  );
}
