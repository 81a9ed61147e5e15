'use client';

import { useId, useState } from 'react';
import { inputClass } from '@/components/staff/form-field';
import { ModalDialog } from '@/components/ui/modal-dialog';
import type { FigureAttributes } from './figure-node';

type Props = { figure: FigureAttributes | null; onSave: (figure: FigureAttributes) => void; onClose: () => void };

/**
 * The description (required: a screen reader reads it instead of the image) and the caption of
 * an image in the text, asked right after it is chosen from the library and when it is edited.
 */
export function FigureDialog({ figure, onSave, onClose }: Props) {
  return (
    <ModalDialog open={figure !== null} title="Ảnh trong bài" onClose={onClose}>
      {figure && <FigureForm figure={figure} onSave={onSave} onClose={onClose} />}
    </ModalDialog>
  );
}

function FigureForm({ figure, onSave, onClose }: { figure: FigureAttributes; onSave: Props['onSave']; onClose: () => void }) {
  const ids = useId();
  const [alt, setAlt] = useState(figure.alt);
  const [caption, setCaption] = useState(figure.caption);
  const [error, setError] = useState('');

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    if (!alt.trim()) return setError('Nhập mô tả ảnh cho người không xem được ảnh.');
    onSave({ src: figure.src, alt: alt.trim(), caption: caption.trim() });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Ảnh trong bài" className="space-y-3">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={figure.src.replace(/\/\d+\.webp$/, '/320.webp')} alt="" className="mx-auto max-h-40 w-auto rounded bg-slate-100" />
      <div>
        <label htmlFor={`${ids}-alt`} className="block text-sm font-semibold">
          Mô tả ảnh <span aria-hidden="true">*</span>
          <span className="sr-only"> (bắt buộc)</span>
        </label>
        <input
          id={`${ids}-alt`}
          value={alt}
          onChange={(event) => {
            setAlt(event.target.value);
            setError('');
          }}
          maxLength={300}
          aria-required="true"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${ids}-loi` : undefined}
          className={inputClass}
        />
        {error && (
          <p id={`${ids}-loi`} className="mt-1 text-sm font-semibold text-red-700">
            {error}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${ids}-caption`} className="block text-sm font-semibold">
          Chú thích (hiện dưới ảnh, có thể để trống)
        </label>
        <input
          id={`${ids}-caption`}
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
          maxLength={500}
          className={inputClass}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          Chèn ảnh
        </button>
        <button type="button" onClick={onClose} className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold">
          Hủy
        </button>
      </div>
    </form>
  );
}
