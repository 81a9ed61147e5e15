import type { Db } from '@/db';
import { eraseExpiredPersonalData, insertSystemAuditEntry, tryLockQuestionErasure } from '@/db/queries/questions';
import { type PeriodicLoop, startPeriodic } from '../periodic';

/**
 * Nghị định 13/2023/NĐ-CP: the email and phone of a question are erased `months` months after it
 * was closed (answered or refused). One run is one transaction under an advisory lock, so with
 * several instances on one database the work is done once (an instance that finds the lock taken
 * skips that run); the update is idempotent anyway. The run is recorded in the audit log.
 * Returns the ids erased, or null when another instance held the lock.
 */
export async function eraseExpiredQuestionData({ db, months }: { db: Db; months: number }): Promise<number[] | null> {
  return db.transaction(async (tx) => {
    if (!(await tryLockQuestionErasure({ db: tx }))) return null;
    const ids = await eraseExpiredPersonalData({ db: tx, months });
    if (ids.length > 0) {
      await insertSystemAuditEntry({
        db: tx,
        action: 'question.erase',
        objectType: 'question',
        objectId: null,
        detail: { count: ids.length, months },
      });
    }
    return ids;
  });
}

export type ErasureLoop = PeriodicLoop<number[] | null>;

/** The server's own schedule: a run shortly after start, then every `intervalMs` (an hour). */
export function startQuestionErasure({
  db,
  months,
  intervalMs = 60 * 60 * 1000,
  startDelayMs = 0,
  onError = (error) => console.error('[hoi-dap] Không xóa được dữ liệu cá nhân đã hết hạn lưu.', error),
}: {
  db: Db;
  months: () => number;
  intervalMs?: number;
  startDelayMs?: number;
  onError?: (error: unknown) => void;
}): ErasureLoop {
  return startPeriodic({ run: () => eraseExpiredQuestionData({ db, months: months() }), intervalMs, startDelayMs, onError });
}
