'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { deleteMedia } from '@/server/media/actions';

/**
 * "Xóa ảnh" in the library, asked once. The server refuses an image still shown anywhere (articles,
 * portraits, Giới thiệu pages) and names where; the message stays beside the button.
 */
export function MediaDeleteButton({ id, alt }: { id: number; alt: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      setAsking(false);
      const result = await deleteMedia({ id });
      if (result.ok) router.refresh();
      else setMessage(result.error);
    });

  return (
    <div className="mt-1">
      <button
        type="button"
        disabled={pending}
        onClick={() => setAsking(true)}
        aria-label={`Xóa ảnh: ${alt}`}
        className="rounded border border-red-700 bg-white px-3 py-1 text-sm font-semibold text-red-800 disabled:opacity-60"
      >
        Xóa ảnh
      </button>
      <p role="status" aria-live="polite" className="mt-1 text-sm font-semibold text-red-700">
        {message}
      </p>
      <ModalDialog open={asking} role="alertdialog" title="Xóa ảnh này?" onClose={() => setAsking(false)}>
        <p>
          Ảnh “{alt}” sẽ bị xóa khỏi Thư viện ảnh và không khôi phục được. Ảnh đang dùng trong bài viết, ảnh chân dung hay trang giới thiệu
          thì không xóa được.
        </p>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            onClick={() => setAsking(false)}
            className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold"
          >
            Hủy
          </button>
          <button type="button" onClick={remove} className="rounded bg-red-700 px-4 py-2 font-semibold text-white">
            Xóa ảnh
          </button>
        </div>
      </ModalDialog>
    </div>
  );
}
