'use client';

import { useId, useState } from 'react';
import { inputClass } from '@/components/staff/form-field';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { normalizeLinkHref } from '@/lib/link-href';

type Props = {
  open: boolean;
  /** The link being changed, or '' for a new one. */
  initialHref: string;
  /** With no text selected, the link needs words to show. */
  askText: boolean;
  onSave: (href: string, text: string) => void;
  onRemove: () => void;
  onClose: () => void;
};

/** "Liên kết": add, change or remove a link. The address is checked and completed here. */
export function LinkDialog({ open, initialHref, askText, onSave, onRemove, onClose }: Props) {
  return (
    <ModalDialog open={open} title={initialHref ? 'Sửa liên kết' : 'Thêm liên kết'} onClose={onClose}>
      <LinkForm initialHref={initialHref} askText={askText} onSave={onSave} onRemove={onRemove} onClose={onClose} />
    </ModalDialog>
  );
}

function LinkForm({ initialHref, askText, onSave, onRemove, onClose }: Omit<Props, 'open'>) {
  const ids = useId();
  const [href, setHref] = useState(initialHref);
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    const result = normalizeLinkHref(href);
    if (!result.ok) return setError(result.error);
    onSave(result.href, text.trim());
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Liên kết" className="space-y-3">
      <div>
        <label htmlFor={`${ids}-href`} className="block text-sm font-semibold">
          Địa chỉ liên kết
        </label>
        <p id={`${ids}-goi-y`} className="text-sm text-slate-600">
          Trang web (sonoivu.angiang.gov.vn/lien-he), email hoặc số điện thoại.
        </p>
        <input
          id={`${ids}-href`}
          value={href}
          onChange={(event) => {
            setHref(event.target.value);
            setError('');
          }}
          inputMode="url"
          autoComplete="off"
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `${ids}-loi` : `${ids}-goi-y`}
          className={inputClass}
        />
        {error && (
          <p id={`${ids}-loi`} className="mt-1 text-sm font-semibold text-red-700">
            {error}
          </p>
        )}
      </div>
      {askText && (
        <div>
          <label htmlFor={`${ids}-text`} className="block text-sm font-semibold">
            Chữ hiển thị (để trống: hiện địa chỉ)
          </label>
          <input id={`${ids}-text`} value={text} onChange={(event) => setText(event.target.value)} className={inputClass} />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          Lưu liên kết
        </button>
        {initialHref && (
          <button type="button" onClick={onRemove} className="rounded border border-red-700 bg-white px-4 py-2 font-semibold text-red-800">
            Bỏ liên kết
          </button>
        )}
        <button type="button" onClick={onClose} className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold">
          Hủy
        </button>
      </div>
    </form>
  );
}
