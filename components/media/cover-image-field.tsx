'use client';

import { useId, useState } from 'react';
import { saveMediaAlt } from '@/server/media/actions';
import type { MediaSummary } from '@/db/queries/media';
import { mediaUrl } from '@/lib/media/urls';
import { MediaLibraryDialog } from './media-library-dialog';

type Props = {
  initial: MediaSummary | null;
  error?: string[];
  /** The form field that carries the chosen image's id. */
  name?: string;
  /** What the image is ("ảnh bìa", "ảnh chân dung") and what "Lưu" saves it with. */
  what?: string;
  savedWith?: string;
};

/**
 * The article's cover in the editor: chosen from "Thư viện ảnh", removed with "Bỏ ảnh bìa", and
 * its alt text edited here. The choice is saved with the article ("Lưu"); the alt text belongs
 * to the image and is saved at once ("Lưu mô tả").
 */
export function CoverImageField({ initial, error, name = 'coverMediaId', what = 'ảnh bìa', savedWith = 'bài viết' }: Props) {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  const ids = useId();
  const [cover, setCover] = useState<MediaSummary | null>(initial);
  const [alt, setAlt] = useState(initial?.alt ?? '');
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [altError, setAltError] = useState<string[] | undefined>();

  function choose(media: MediaSummary | null) {
    setCover(media);
    setAlt(media?.alt ?? '');
    setAltError(undefined);
    setOpen(false);
    setStatus(media ? `Đã chọn ${what}. Bấm “Lưu” để lưu ${savedWith}.` : `Đã bỏ ${what}. Bấm “Lưu” để lưu ${savedWith}.`);
  }

  async function saveAlt() {
    if (!cover) return;
    setStatus('Đang lưu mô tả…');
    const result = await saveMediaAlt({ id: cover.id, alt });
    if (result.ok) {
      setCover(result.media);
      setAlt(result.media.alt);
      setAltError(undefined);
      setStatus('Đã lưu mô tả ảnh.');
    } else {
      setAltError(result.fieldErrors?.alt ?? [result.error]);
      setStatus(result.error);
    }
  }

  return (
    <fieldset className="rounded border border-slate-300 p-3" aria-describedby={error ? `${ids}-loi` : undefined}>
      <legend className="px-1 text-sm font-semibold">{What}</legend>
      <input type="hidden" name={name} value={cover?.id ?? ''} />
      {cover ? (
        <div className="flex flex-col gap-3 sm:flex-row">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={mediaUrl(cover.key, 320)}
            alt={cover.alt}
            width={cover.width}
            height={cover.height}
            className="h-auto w-full rounded bg-slate-100 sm:w-48"
          />
          <div className="flex-1">
            <label htmlFor={`${ids}-alt`} className="block text-sm font-semibold">
              Mô tả {what}
            </label>
            <input
              id={`${ids}-alt`}
              value={alt}
              maxLength={300}
              onChange={(event) => setAlt(event.target.value)}
              aria-invalid={Boolean(altError)}
              aria-describedby={altError ? `${ids}-alt-loi` : undefined}
              className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700"
            />
            {altError && (
              <p id={`${ids}-alt-loi`} className="mt-1 text-sm font-semibold text-red-700">
                {altError.join(' ')}
              </p>
            )}
            <button
              type="button"
              onClick={() => void saveAlt()}
              disabled={alt === cover.alt}
              className="mt-2 rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold disabled:opacity-60"
            >
              Lưu mô tả
            </button>
          </div>
        </div>
      ) : (
        <p className="text-sm text-slate-600">Chưa có {what}.</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => setOpen(true)} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
          {cover ? `Đổi ${what}` : `Chọn ${what}`}
        </button>
        {cover && (
          <button
            type="button"
            onClick={() => choose(null)}
            className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold"
          >
            Bỏ {what}
          </button>
        )}
      </div>
      {error && (
        <p id={`${ids}-loi`} className="mt-1 text-sm font-semibold text-red-700">
          {error.join(' ')}
        </p>
      )}
      <p role="status" aria-live="polite" className="mt-2 text-sm">
        {status}
      </p>
      <MediaLibraryDialog open={open} selectedId={cover?.id ?? null} onChoose={choose} onClose={() => setOpen(false)} />
    </fieldset>
  );
}
