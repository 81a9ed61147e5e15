'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import { RowButtons } from '@/components/staff/action-form';
import type { DocumentFileSummary } from '@/db/queries/documents';
import { formatFileSize } from '@/lib/documents/file-type';
import { routes } from '@/lib/routes';
import { removeDocumentFile } from '@/server/documents/actions';

/**
 * The attached files of a document: upload one at a time (checked by content on the server, up
 * to 20 MB), remove any. Uploads go to a route handler: a server action's body is too small.
 */
export function DocumentFilesEditor({
  documentId,
  files,
  purpose = 'attachment',
}: {
  documentId: number;
  files: DocumentFileSummary[];
  /** `comment_report`: the summary report of the comments on a draft, listed and served like an attached file. */
  purpose?: 'attachment' | 'comment_report';
}) {
  const report = purpose === 'comment_report';
  const prefix = report ? 'vb-bao-cao' : 'vb-tep';
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set('documentId', String(documentId));
    form.set('purpose', purpose);
    setPending(true);
    setMessage({ text: 'Đang tải lên…', ok: true });
    try {
      const response = await fetch(routes.api.documentFileUpload, { method: 'POST', body: form });
      const body = (await response.json().catch(() => ({ ok: false, error: 'Máy chủ trả lời không đọc được. Vui lòng thử lại.' }))) as {
        ok: boolean;
        error?: string;
      };
      if (body.ok) {
        setMessage({ text: report ? 'Đã đính kèm báo cáo tổng hợp.' : 'Đã đính kèm tệp.', ok: true });
        if (inputRef.current) inputRef.current.value = '';
        router.refresh();
      } else {
        setMessage({ text: body.error ?? 'Không tải lên được.', ok: false });
        inputRef.current?.focus();
      }
    } catch {
      setMessage({ text: 'Mất kết nối trong lúc tải lên. Vui lòng thử lại.', ok: false });
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      {files.length === 0 ? (
        <p className="text-slate-700">{report ? 'Chưa có báo cáo tổng hợp góp ý.' : 'Chưa có tệp đính kèm.'}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {files.map((file) => (
            <li key={file.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
              <a href={routes.documentFile(file.id)} className="min-w-0 break-words text-brand-800 underline">
                {file.fileName}
              </a>
              <span className="flex items-center gap-3 text-sm text-slate-600">
                {formatFileSize(file.bytes)}
                <RowButtons
                  buttons={[
                    {
                      id: `tep-${file.id}-xoa`,
                      text: 'Xóa',
                      label: `Xóa tệp ${file.fileName}`,
                      action: removeDocumentFile,
                      input: { id: documentId, fileId: file.id },
                      done: 'Đã xóa tệp.',
                      confirm: `Xóa tệp ${file.fileName}?`,
                      danger: true,
                    },
                  ]}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={onSubmit}
        aria-label={report ? 'Đính kèm báo cáo tổng hợp góp ý' : 'Đính kèm tệp'}
        className="mt-3 grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor={prefix} className="block text-sm font-semibold">
            {report ? 'Báo cáo tổng hợp góp ý' : 'Tệp đính kèm'}
          </label>
          <input
            ref={inputRef}
            id={prefix}
            name="file"
            type="file"
            required
            accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.zip"
            aria-describedby={`${prefix}-goi-y`}
            className={inputClass}
          />
          <p id={`${prefix}-goi-y`} className="mt-1 text-xs text-slate-600">
            PDF, DOC, DOCX, XLS, XLSX, ODT, ODS hoặc ZIP, tối đa 20 MB mỗi tệp.
          </p>
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>
          Tải lên
        </button>
        <p
          role="status"
          aria-live="polite"
          className={`text-sm font-semibold sm:col-span-2 ${message?.ok ? 'text-green-800' : 'text-red-700'}`}
        >
          {message?.text ?? ''}
        </p>
      </form>
    </div>
  );
}
