'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';
import { MediaUploadForm } from './media-upload-form';

/**
 * "Thay ảnh" in the library: a new file for this image, with its progress. The server makes it a
 * new image and switches every article, portrait and Giới thiệu page that showed this one to it
 * (server/media/replace.ts); the dialog stays open to say where, and the list below is re-read.
 */
export function MediaReplaceButton({ id, alt }: { id: number; alt: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-1">
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={`Thay ảnh: ${alt}`}
        className="rounded border border-brand-700 bg-white px-3 py-1 text-sm font-semibold text-brand-800"
      >
        Thay ảnh
      </button>
      <ModalDialog open={open} title="Thay ảnh bằng tệp mới" onClose={() => setOpen(false)}>
        <p className="text-sm">
          Mọi bài viết, ảnh chân dung và trang giới thiệu đang dùng ảnh “{alt}” sẽ dùng ảnh mới. Ảnh cũ vẫn ở lại thư viện để bạn xóa sau.
        </p>
        <MediaUploadForm replaces={{ id, alt }} onUploaded={() => router.refresh()} />
        <button type="button" onClick={() => setOpen(false)} className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold">
          Đóng
        </button>
      </ModalDialog>
    </div>
  );
}
