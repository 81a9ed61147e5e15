import type { Batch, VisitorBatch } from '@/lib/visits/batch';
import { PRESENCE_WRITE_DELAY_MS, VISIT_GAP_MS } from '@/lib/visits/rules';
import { vietnamDay } from '@/lib/time';

/**
 * What this process remembers of the visitors whose page views it committed within the last visit
 * gap: their latest page view here (`last`) and the last_seen it wrote for them (`written`).
 * A visitor it remembers whose next view comes within 30 minutes of `last` goes on with their
 * visit, and was seen that day, whatever other processes wrote: no need to read their row. And
 * their row need not be raised at every flush: writing it once PRESENCE_WRITE_DELAY_MS have passed
 * since `written` keeps every count exact (see lib/visits/rules.ts), and on a busy site writes a
 * small part of the rows.
 */
export type PresenceMemory = {
  /** The visitor's last page view when it settles both decisions without the database, else undefined. */
  certainLastSeen: (id: string, visitor: VisitorBatch) => number | undefined;
  /** The last_seen to write per visitor: the uncertain ones, and held-back rows whose delay is up (all at shutdown). */
  rowsToRaise: (batch: Batch, uncertain: string[], flushedAt: number, final: boolean) => Map<string, number>;
  /** After a commit: what this process now knows of each visitor, and which rows are held back. */
  remember: (batch: Batch, raised: Map<string, number>, flushedAt: number) => void;
  /** Held-back rows whose delay is up (all of them when `final`): a flush is due even without new views. */
  due: (final: boolean, at: number) => boolean;
  /** Rows held back: last_seen values not in the database yet. */
  heldBack: () => number;
};

export function createPresenceMemory({ maxVisitors }: { maxVisitors: number }): PresenceMemory {
  const seen = new Map<string, { last: number; written: number }>();
  /** Ids in `seen` whose `last` is later than `written`. */
  const unwritten = new Set<string>();
  let lastEviction = 0;

  return {
    certainLastSeen(id, visitor) {
      const local = seen.get(id);
      // Another process can only have seen this visitor later than `local.last`, which changes
      // neither decision (decideVisitor).
      if (local && visitor.first - local.last <= VISIT_GAP_MS && vietnamDay(local.last) >= visitor.days[0]!) return local.last;
      return undefined;
    },

    rowsToRaise(batch, uncertain, flushedAt, final) {
      const raise = new Map<string, number>();
      for (const id of uncertain) raise.set(id, batch.visitors.get(id)!.last);
      for (const id of new Set([...unwritten, ...batch.visitors.keys()])) {
        const local = seen.get(id);
        if (!local || raise.has(id)) continue;
        if (final || flushedAt - local.written >= PRESENCE_WRITE_DELAY_MS) {
          raise.set(id, Math.max(local.last, batch.visitors.get(id)?.last ?? -Infinity));
        }
      }
      return raise;
    },

    remember(batch, raised, flushedAt) {
      for (const [id, visitor] of batch.visitors) {
        const local = seen.get(id);
        if (local) local.last = Math.max(local.last, visitor.last);
        else seen.set(id, { last: visitor.last, written: -Infinity });
      }
      for (const [id, value] of raised) seen.get(id)!.written = value;
      for (const id of [...batch.visitors.keys(), ...raised.keys()]) {
        const local = seen.get(id)!;
        if (local.last > local.written) unwritten.add(id);
        else unwritten.delete(id);
      }
      // Forgetting a visitor only costs a read of their row next time, unless their row is held back.
      const tooMany = seen.size > maxVisitors * 2;
      if (tooMany || flushedAt - lastEviction > 60_000) {
        lastEviction = flushedAt;
        for (const [id, local] of seen) {
          if (!unwritten.has(id) && (tooMany || flushedAt - local.last > VISIT_GAP_MS)) seen.delete(id);
        }
      }
    },

    due(final, at) {
      if (final) return unwritten.size > 0;
      for (const id of unwritten) if (at - seen.get(id)!.written >= PRESENCE_WRITE_DELAY_MS) return true;
      return false;
    },

    heldBack: () => unwritten.size,
  };
}
