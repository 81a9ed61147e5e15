'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from '@/components/ui/modal-dialog';

const QUESTION = 'Bài viết có thay đổi chưa lưu. Nếu rời đi, các thay đổi này sẽ mất.';

/**
 * Asks before unsaved work is lost: the browser's own question on reload, close or an address
 * typed; ours for a link clicked on the page (the admin menu included) and for "Hủy".
 * Links are caught on `document` in the capture phase, before Next's <Link> handler at React's
 * root: the app router has no navigation event to cancel.
 */
export function useUnsavedChangesGuard() {
  const router = useRouter();
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, location.href);
      if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search) return;
      event.preventDefault();
      event.stopPropagation();
      setPending(
        () => () => (url.origin === location.origin ? router.push(url.pathname + url.search + url.hash) : location.assign(url.href)),
      );
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty, router]);

  /** Runs `leave` at once when nothing is unsaved, after the person agrees otherwise. */
  const confirmLeave = (leave: () => void) => (dirtyRef.current ? setPending(() => leave) : leave());

  const dialog = (
    <ModalDialog open={pending !== null} role="alertdialog" title="Rời trang khi chưa lưu?" onClose={() => setPending(null)}>
      <p>{QUESTION}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => setPending(null)} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          Ở lại để lưu
        </button>
        <button
          type="button"
          onClick={() => {
            const leave = pending;
            dirtyRef.current = false;
            setDirty(false);
            setPending(null);
            leave?.();
          }}
          className="rounded border border-red-700 bg-white px-4 py-2 font-semibold text-red-800"
        >
          Bỏ thay đổi
        </button>
      </div>
    </ModalDialog>
  );
  return { dirty, setDirty, confirmLeave, dialog };
}
