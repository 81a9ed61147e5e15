'use client';

import { useRouter } from 'next/navigation';
import { MediaUploadForm } from './media-upload-form';

/** The upload form of /quan-tri/thu-vien-anh: the list below is re-read after each upload. */
export function LibraryUpload() {
  const router = useRouter();
  return <MediaUploadForm onUploaded={() => router.refresh()} />;
}
