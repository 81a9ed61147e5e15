'use client';

import type { ComponentProps } from 'react';

/**
 * Opens the browser's print dialog. As small as a client component can be (public pages have a
 * JavaScript budget): its label, look and icon come from the server (PrintBar), and without
 * JavaScript it is hidden by the print stylesheet's `scripting: none` rule (Ctrl+P prints the same).
 */
export function PrintButton(props: ComponentProps<'button'>) {
  return <button type="button" {...props} onClick={() => window.print()} />;
}
