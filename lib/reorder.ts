/** The ids with `id` swapped with its neighbour ("Lên"/"Xuống"); unchanged at either end; null when absent. */
export function swapped(ids: number[], id: number, direction: 'up' | 'down'): number[] | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  const other = direction === 'up' ? index - 1 : index + 1;
  if (other < 0 || other >= ids.length) return ids;
  const order = [...ids];
  [order[index], order[other]] = [order[other]!, order[index]!];
  return order;
}
