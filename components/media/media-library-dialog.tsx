'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { listMediaLibrary } from '@/server/media/actions';
import type { MediaSummary } from '@/db/queries/media';
import { mediaUrl } from '@/lib/media/urls';
import { MediaUploadForm } from './media-upload-form';

type Props = {
  open: boolean;
  selectedId: number | null;
  onChoose: (media: MediaSummary) => void;
  onClose: () => void;
  /** What choosing does, read before each image's description ("Chọn làm ảnh bìa"). */
  purpose?: string;
  /** A file to upload, pasted or dropped into the editor. */
  initialFile?: File | null;
};

/**
 * "Thư viện ảnh": upload an image or pick one of the library's, newest first. A native modal
 * <dialog> keeps focus inside and closes with Escape; it lives in a portal so its upload form is
 * never nested in the article's form.
 */
export function MediaLibraryDialog({ open, selectedId, onChoose, onClose, purpose = 'Chọn làm ảnh bìa', initialFile = null }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The cover and the text each have a library dialog on the editing page: ids must not collide.
  const ids = useId();
  const [items, setItems] = useState<MediaSummary[]>([]);
  const [more, setMore] = useState(false);
  const [message, setMessage] = useState('');
  const [loading, setLoading] = useState(false);

  async function load(before?: number) {
    setLoading(true);
    const result = await listMediaLibrary(before ? { before } : {});
    setLoading(false);
    if (!result.ok) return setMessage(result.error);
    setItems((current) => (before ? [...current, ...result.items] : result.items));
    setMore(result.more);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only opening and closing should (re)load; load is a new function each render
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      void load();
    } else if (!open && element.open) element.close();
  }, [open]);

  if (typeof document === 'undefined') return null;
  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={`${ids}-thu-vien-anh-tieu-de`}
      onClose={onClose}
      className="m-auto w-[min(56rem,calc(100vw-1rem))] max-h-[calc(100vh-1rem)] rounded-lg border border-slate-300 p-0 backdrop:bg-black/50"
    >
      <div className="space-y-4 p-4 sm:p-6">
        <div className="flex items-center justify-between gap-2">
          <h2 id={`${ids}-thu-vien-anh-tieu-de`} className="text-lg font-bold text-brand-900">
            Thư viện ảnh
          </h2>
          <button type="button" onClick={onClose} className="rounded border border-slate-400 bg-white px-3 py-1.5 font-semibold">
            Hủy
          </button>
        </div>
        <section aria-labelledby={`${ids}-tai-anh-moi`} className="rounded border border-slate-200 p-3">
          <h3 id={`${ids}-tai-anh-moi`} className="mb-2 font-semibold">
            Tải ảnh mới
          </h3>
          <MediaUploadForm
            initialFile={initialFile}
            onUploaded={(media) => {
              setItems((current) => [media, ...current.filter((item) => item.id !== media.id)]);
              onChoose(media);
            }}
          />
        </section>
        <section aria-labelledby={`${ids}-anh-da-co`}>
          <h3 id={`${ids}-anh-da-co`} className="mb-2 font-semibold">
            Ảnh đã có
          </h3>
          {items.length === 0 && !loading && <p>{message || 'Thư viện chưa có ảnh nào.'}</p>}
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4">
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => onChoose(item)}
                  aria-pressed={item.id === selectedId}
                  className="block w-full rounded border-2 border-transparent p-1 text-left aria-pressed:border-brand-700 focus-visible:border-brand-700"
                >
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img
                    src={mediaUrl(item.key, 320)}
                    alt=""
                    width={item.width}
                    height={item.height}
                    loading="lazy"
                    className="aspect-[4/3] w-full rounded bg-slate-100 object-cover"
                  />
                  <span className="mt-1 line-clamp-2 block text-sm">
                    <span className="sr-only">{purpose}: </span>
                    {item.alt}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {loading && <p role="status">Đang tải…</p>}
          {more && !loading && (
            <button
              type="button"
              onClick={() => void load(items[items.length - 1]?.id)}
              className="mt-3 rounded border border-slate-400 bg-white px-3 py-1.5 font-semibold"
            >
              Xem thêm
            </button>
          )}
        </section>
      </div>
    </dialog>,
    document.body,
  );
}
