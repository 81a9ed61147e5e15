'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import type { CsvProblem } from '@/lib/documents/csv';
import { routes } from '@/lib/routes';

type Progress = { step: string; done: number; total: number };
type Outcome = { ok: true; created: number; published: number } | { ok: false; error: string; problems: CsvProblem[] };

/**
 * The CSV import: the server streams its progress line by line (NDJSON), shown in a <progress>
 * bar, then the report: how many were added, or every line that is wrong and why.
 */
export function DocumentImportForm({
  endpoint = routes.api.documentImport,
  noun = 'văn bản',
}: {
  endpoint?: string;
  noun?: 'văn bản' | 'thủ tục';
} = {}) {
  const idPrefix = noun === 'văn bản' ? 'vb' : 'tt';
  const router = useRouter();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);
  const reportRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setOutcome(null);
    setProgress({ step: 'Đang gửi tệp', done: 0, total: 0 });
    let result: Outcome = { ok: false, error: 'Máy chủ không trả lời. Vui lòng thử lại.', problems: [] };
    try {
      const response = await fetch(endpoint, { method: 'POST', body: form });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        result = { ok: false, error: body?.error ?? result.error, problems: [] };
      } else {
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffered = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffered += value;
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            if (!line) continue;
            const event = JSON.parse(line) as ({ type: 'progress' } & Progress) | ({ type: 'done' } & Outcome);
            if (event.type === 'progress') setProgress(event);
            else result = event;
          }
        }
      }
    } catch {
      result = {
        ok: false,
        error: 'Mất kết nối trong lúc nhập. Không có gì được ghi nếu máy chủ chưa báo xong; hãy kiểm tra danh sách rồi thử lại.',
        problems: [],
      };
    }
    setOutcome(result);
    setProgress(null);
    setPending(false);
    if (result.ok) router.refresh();
    reportRef.current?.focus();
  }

  return (
    <div>
      <form onSubmit={onSubmit} aria-label={`Nhập ${noun} từ CSV`} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
        <div>
          <label htmlFor={`${idPrefix}-csv`} className="block text-sm font-semibold">
            Tệp CSV
          </label>
          <input
            id={`${idPrefix}-csv`}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={`${idPrefix}-csv-goi-y`}
            className={inputClass}
          />
          <p id={`${idPrefix}-csv-goi-y`} className="mt-1 text-xs text-slate-600">
            UTF-8, dòng đầu là tên cột (xem README). Nhập tất cả hoặc không nhập gì: một dòng lỗi thì không dòng nào được ghi.
          </p>
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>
          Nhập
        </button>
      </form>
      {progress && (
        <div className="mt-3">
          <label htmlFor={`${idPrefix}-csv-tien-do`} className="block text-sm">
            {progress.step}
            {progress.total > 0 && ` (${progress.done}/${progress.total})`}
          </label>
          <progress
            id={`${idPrefix}-csv-tien-do`}
            className="w-full"
            value={progress.total > 0 ? progress.done : undefined}
            max={progress.total || undefined}
          />
        </div>
      )}
      <div ref={reportRef} tabIndex={-1} role="status" aria-live="polite" className="mt-3 focus:outline-none">
        {outcome?.ok === true && (
          <p className="font-semibold text-green-800">
            Đã nhập {outcome.created} {noun} ({outcome.published} xuất bản, {outcome.created - outcome.published} bản nháp).
          </p>
        )}
        {outcome?.ok === false && (
          <>
            <p className="font-semibold text-red-700">{outcome.error}</p>
            {outcome.problems.length > 0 && (
              <ul className="mt-2 max-h-80 list-disc overflow-y-auto pl-5 text-sm">
                {outcome.problems.map((problem) => (
                  <li key={`${problem.line}-${problem.message}`}>
                    Dòng {problem.line}: {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}
