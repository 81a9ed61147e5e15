import { describe, expect, it } from 'vitest';
import { addViewToVisitor, decideVisitor, startVisitorBatch, type PageViewHit } from '@/lib/visits/batch';

const T0 = Date.parse('2025-06-01T10:00:00+07:00');
const MIN = 60_000;

function hit(at: number, extra: Partial<PageViewHit> = {}): PageViewHit {
  return { visitorId: 'v', isNew: false, at, path: '/', referrer: null, userAgent: '', host: 'localhost', ...extra };
}

function batchOf(...times: number[]) {
  const visitor = startVisitorBatch(hit(times[0]!));
  for (const at of times.slice(1)) addViewToVisitor(visitor, hit(at));
  return visitor;
}

describe('the 30-minute visit boundary', () => {
  it('inside one batch: exactly 30 minutes continues the visit, a millisecond more starts one', () => {
    expect(decideVisitor(batchOf(T0, T0 + 30 * MIN), null).visitStarts).toHaveLength(1);
    expect(decideVisitor(batchOf(T0, T0 + 30 * MIN + 1), null).visitStarts).toHaveLength(2);
    // The gap is measured from the previous view, not from the visit's start.
    expect(decideVisitor(batchOf(T0, T0 + 20 * MIN, T0 + 40 * MIN, T0 + 60 * MIN), null).visitStarts).toHaveLength(1);
  });

  it('against the last view stored before the batch', () => {
    const visitor = batchOf(T0);
    expect(decideVisitor(visitor, T0 - 30 * MIN).visitStarts).toHaveLength(0);
    expect(decideVisitor(visitor, T0 - 30 * MIN - 1).visitStarts).toHaveLength(1);
    expect(decideVisitor(visitor, null).visitStarts).toHaveLength(1);
    // Another process may already have stored a later view of the same visitor.
    expect(decideVisitor(visitor, T0 + 5 * MIN).visitStarts).toHaveLength(0);
  });

  it('never goes back in time when a clock steps back', () => {
    const visitor = batchOf(T0, T0 - 60 * MIN, T0 + 10 * MIN);
    expect(decideVisitor(visitor, null).visitStarts).toHaveLength(1);
    expect(visitor.last).toBe(T0 + 10 * MIN);
  });
});

describe('visitors per Vietnamese day', () => {
  const beforeMidnight = Date.parse('2025-06-01T23:59:59+07:00');
  const midnight = Date.parse('2025-06-02T00:00:00+07:00');

  it('counts a visitor on both days when their views straddle midnight, in one visit', () => {
    const decided = decideVisitor(batchOf(beforeMidnight, midnight), null);
    expect(decided.visitorDays).toEqual(['2025-06-01', '2025-06-02']);
    expect(decided.visitStarts).toHaveLength(1);
  });

  it('does not count a visitor twice on a day they were already seen', () => {
    expect(decideVisitor(batchOf(midnight + MIN), midnight).visitorDays).toEqual([]);
    expect(decideVisitor(batchOf(midnight), beforeMidnight).visitorDays).toEqual(['2025-06-02']);
    expect(decideVisitor(batchOf(beforeMidnight, midnight), beforeMidnight - MIN).visitorDays).toEqual(['2025-06-02']);
  });
});
