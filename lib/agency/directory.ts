import { buildTree, type TreeNode } from './tree';

/**
 * The directory as the public pages show it: the unit tree with each unit's people attached, in
 * order. Pure, over the rows db/queries/agency.ts returns.
 */
export type DirectoryUnit = {
  id: number;
  parentId: number | null;
  position: number;
  name: string;
  nameEn: string;
  phones: string[];
  email: string | null;
};
export type DirectoryPerson = {
  id: number;
  unitId: number;
  position: number;
  honorific: string;
  fullName: string;
  title: string;
  titleEn: string;
  phones: string[];
  email: string | null;
  duties: string;
  leader: boolean;
  photo: { id: number; key: string; alt: string; width: number; height: number } | null;
};

export type UnitWithPeople<U extends DirectoryUnit = DirectoryUnit, P extends DirectoryPerson = DirectoryPerson> = TreeNode<
  U & { people: P[] }
>;

export function directoryTree<U extends DirectoryUnit, P extends DirectoryPerson>(
  units: U[],
  people: P[],
): TreeNode<U & { people: P[] }>[] {
  return buildTree(
    units.map((unit) => ({
      ...unit,
      people: people.filter((p) => p.unitId === unit.id).sort((a, b) => a.position - b.position || a.id - b.id),
    })),
  );
}

/** Leaders in the order of the tree (the units' order, then their order within the unit). */
export function leadersOf<U extends DirectoryUnit, P extends DirectoryPerson>(units: U[], people: P[]): P[] {
  const order = new Map<number, number>();
  const walk = (nodes: TreeNode<U & { people: P[] }>[]) => {
    for (const node of nodes) {
      order.set(node.id, order.size);
      walk(node.children);
    }
  };
  walk(directoryTree(units, people));
  return people
    .filter((p) => p.leader)
    .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || a.position - b.position || a.id - b.id);
}
