'use client';

import { useState } from 'react';
import { secondaryButtonClass } from '@/components/staff/form-field';
import { useHydrated } from '@/components/ui/use-hydrated';

/** "Sao chép": shown once JavaScript runs (without it the code is there to select and copy). */
export function CopyButton({ text }: { text: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!hydrated) return null;
  return (
    <>
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        Sao chép mã
      </button>
      <span role="status" className="text-sm font-semibold text-green-800">
        {copied === true ? 'Đã sao chép.' : copied === false ? 'Không sao chép được, hãy chọn mã và sao chép.' : ''}
      </span>
    </>
  );
}
