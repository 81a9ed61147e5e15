/**
 * The units of the department as a tree: pure functions over the flat rows, shared by the
 * admin's checks (no cycles, bounded depth), the public nested list and the English page.
 */

export type UnitRow = { id: number; parentId: number | null; position: number };
export type TreeNode<U extends UnitRow> = U & { children: TreeNode<U>[]; depth: number };

/** Deep enough for Sở → phòng → tổ and more; deeper trees are refused with a message. */
export const MAX_UNIT_DEPTH = 5;

/** Children in their order (position, then id so equal positions from old data stay stable). */
export function buildTree<U extends UnitRow>(rows: U[]): TreeNode<U>[] {
  const byParent = new Map<number | null, U[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    // A parent that is not among the rows (never expected) puts the unit at the top, not nowhere.
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
  }
  const seen = new Set<number>();
  const build = (parent: number | null, depth: number): TreeNode<U>[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .filter((row) => !seen.has(row.id) && seen.add(row.id))
      .map((row) => ({ ...row, depth, children: build(row.id, depth + 1) }));
  return build(null, 1);
}

/** Every node, parents before children, in display order. */
export function flattenTree<U extends UnitRow>(nodes: TreeNode<U>[]): TreeNode<U>[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The ids of `id` and everything below it. */
export function subtreeIds(rows: UnitRow[], id: number): Set<number> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (row.parentId !== null && found.has(row.parentId) && !found.has(row.id)) {
        found.add(row.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Depth of a unit (1 at the top), walking up at most rows.length steps so bad data cannot loop. */
export function depthOf(rows: UnitRow[], id: number | null): number {
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  let depth = 0;
  let current = id;
  while (current !== null && depth <= rows.length) {
    depth++;
    current = parentOf.get(current) ?? null;
  }
  return depth;
}

/** How many levels the subtree under `id` spans (1 for a leaf); a unit met twice is not walked again. */
export function heightOf(rows: UnitRow[], id: number, seen: Set<number> = new Set()): number {
  seen.add(id);
  const children = rows.filter((r) => r.parentId === id && !seen.has(r.id));
  return 1 + Math.max(0, ...children.map((child) => heightOf(rows, child.id, seen)));
}

export type MoveCheck = { ok: true } | { ok: false; reason: 'self' | 'cycle' | 'tooDeep' | 'missingParent' };

/**
 * Whether unit `id` may be placed under `parentId` (null: the top level): never under itself or
 * anything below it, and the tree stays within MAX_UNIT_DEPTH.
 */
export function checkMove(rows: UnitRow[], id: number, parentId: number | null): MoveCheck {
  if (parentId === null) return heightOf(rows, id) <= MAX_UNIT_DEPTH ? { ok: true } : { ok: false, reason: 'tooDeep' };
  if (parentId === id) return { ok: false, reason: 'self' };
  if (!rows.some((r) => r.id === parentId)) return { ok: false, reason: 'missingParent' };
  if (subtreeIds(rows, id).has(parentId)) return { ok: false, reason: 'cycle' };
  return depthOf(rows, parentId) + heightOf(rows, id) <= MAX_UNIT_DEPTH ? { ok: true } : { ok: false, reason: 'tooDeep' };
}

/** Where a new unit may go: under an existing parent, within the depth limit. */
export function checkNewUnit(rows: UnitRow[], parentId: number | null): MoveCheck {
  if (parentId === null) return { ok: true };
  if (!rows.some((r) => r.id === parentId)) return { ok: false, reason: 'missingParent' };
  return depthOf(rows, parentId) + 1 <= MAX_UNIT_DEPTH ? { ok: true } : { ok: false, reason: 'tooDeep' };
}

export const MOVE_MESSAGES: Record<Exclude<MoveCheck, { ok: true }>['reason'], string> = {
  self: 'Không thể đặt một đơn vị vào chính nó.',
  cycle: 'Không thể đặt một đơn vị vào đơn vị cấp dưới của nó.',
  tooDeep: `Cơ cấu tổ chức có tối đa ${MAX_UNIT_DEPTH} cấp: hãy chọn đơn vị cấp trên ở cấp cao hơn.`,
  missingParent: 'Đơn vị cấp trên không còn tồn tại. Hãy tải lại trang.',
};
