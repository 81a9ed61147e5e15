import type { ReactNode } from 'react';

/**
 * What an admin's staff view adds to the directory's public components: "Chỉnh sửa" under a unit
 * or a person. The staff view passes it in (components/staff/directory-editing.tsx), so the cached
 * public pages never import editor code. `place` tells apart two spots of one person on a page.
 */
export type DirectoryEditing = {
  unit?: (unitId: number) => ReactNode;
  person?: (personId: number, place?: string) => ReactNode;
};
