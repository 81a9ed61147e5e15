'use client';

import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

type Props = { open: boolean; title: string; onClose: () => void; children: React.ReactNode; role?: 'dialog' | 'alertdialog' };

/**
 * A native modal <dialog>: focus stays inside, Escape closes it, and the browser restores focus to
 * what opened it. It lives in a portal so a form inside it is never nested in the page's form.
 */
export function ModalDialog({ open, title, onClose, children, role }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  if (typeof document === 'undefined') return null;
  return createPortal(
    <dialog
      ref={dialog}
      role={role}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-1rem))] rounded-lg border border-slate-300 p-0 backdrop:bg-black/50"
    >
      {open && (
        <div className="space-y-4 p-4 sm:p-6">
          <h2 id={titleId} className="text-lg font-bold text-brand-900">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>,
    document.body,
  );
}
