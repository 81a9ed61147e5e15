import { describe, expect, it } from 'vitest';
import { inEnglish, personLabel } from '@/lib/agency/names';
import { buildTree, checkMove, checkNewUnit, flattenTree, MAX_UNIT_DEPTH } from '@/lib/agency/tree';

// A chain 1 → 2 → 3, and 4 at the top with 5 under it.
const rows = [
  { id: 1, parentId: null, position: 1 },
  { id: 2, parentId: 1, position: 0 },
  { id: 3, parentId: 2, position: 0 },
  { id: 4, parentId: null, position: 0 },
  { id: 5, parentId: 4, position: 0 },
];

describe('the unit tree', () => {
  it('orders siblings by position and gives each node its depth', () => {
    expect(flattenTree(buildTree(rows)).map((n) => [n.id, n.depth])).toEqual([
      [4, 1],
      [5, 2],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('survives a cycle in stored data instead of looping', () => {
    const looped = [
      { id: 1, parentId: 2, position: 0 },
      { id: 2, parentId: 1, position: 0 },
    ];
    expect(() => flattenTree(buildTree(looped))).not.toThrow();
  });

  it('refuses a move under itself or anything below it', () => {
    expect(checkMove(rows, 1, 1)).toEqual({ ok: false, reason: 'self' });
    expect(checkMove(rows, 1, 2)).toEqual({ ok: false, reason: 'cycle' });
    expect(checkMove(rows, 1, 3)).toEqual({ ok: false, reason: 'cycle' });
    expect(checkMove(rows, 1, 99)).toEqual({ ok: false, reason: 'missingParent' });
    expect(checkMove(rows, 4, 3)).toEqual({ ok: true });
    expect(checkMove(rows, 3, null)).toEqual({ ok: true });
  });

  it(`keeps the tree within ${MAX_UNIT_DEPTH} levels`, () => {
    // 1 → 2 → 3 is three levels; 4 → 5 adds two more under 3: five, allowed.
    expect(checkMove(rows, 4, 3)).toEqual({ ok: true });
    const deeper = [...rows, { id: 6, parentId: 5, position: 0 }];
    expect(checkMove(deeper, 4, 3)).toEqual({ ok: false, reason: 'tooDeep' });
    const five = [...rows.filter((r) => r.id <= 3), { id: 4, parentId: 3, position: 0 }, { id: 5, parentId: 4, position: 0 }];
    expect(checkNewUnit(five, 4)).toEqual({ ok: true });
    expect(checkNewUnit(five, 5)).toEqual({ ok: false, reason: 'tooDeep' });
  });
});

describe('names', () => {
  it('names people as the old sidebar did, and never leaves an English cell empty', () => {
    expect(personLabel({ honorific: 'Ông', fullName: 'Trương Long Hồ', title: 'Phó Giám đốc Sở' })).toBe(
      'Ông Trương Long Hồ (Phó Giám đốc Sở)',
    );
    expect(personLabel({ honorific: '', fullName: 'Người A', title: '' })).toBe('Người A');
    expect(inEnglish('  ', 'Thanh tra Sở')).toEqual({ text: 'Thanh tra Sở', translated: false });
    expect(inEnglish('Inspectorate', 'Thanh tra Sở')).toEqual({ text: 'Inspectorate', translated: true });
  });
});
