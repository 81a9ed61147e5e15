'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { restoreRevision } from '@/server/articles/actions';

type Props = { articleId: number; articleVersion: number; revision: number };

/** "Khôi phục": writes this revision back as the article's newest version, then shows the new history. */
export function RestoreRevisionButton({ articleId, articleVersion, revision }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  const restore = () => {
    setMessage(null);
    startTransition(async () => {
      const result = await restoreRevision({ id: articleId, version: articleVersion, revision });
      if (result.ok) {
        setMessage({ text: `Đã khôi phục phiên bản ${revision} thành phiên bản ${result.article.version}.`, ok: true });
        router.refresh();
      } else {
        setMessage({ text: result.error, ok: false });
      }
    });
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={restore}
        aria-label={`Khôi phục phiên bản ${revision}`}
        className="min-h-10 rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 disabled:opacity-60"
      >
        Khôi phục
      </button>
      <span role="status" aria-live="polite" className={`text-sm font-semibold ${message?.ok ? 'text-green-800' : 'text-red-700'}`}>
        {message?.text ?? ''}
      </span>
    </span>
  );
}
