'use client';

import { useEffect, useState } from 'react';

/**
 * False until React has hydrated the page. A form whose submit handler is not attached yet would
 * be sent natively, as a GET with every field (a password included) in the address: its submit
 * button waits for this.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
