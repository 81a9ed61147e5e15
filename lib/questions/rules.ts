import { foldSearchText } from '../search-text';
import { slugify } from '../slug';

/**
 * Hỏi đáp: the statuses a person sees, the public form of a name, the rules of the staff queue.
 * Pure, shared by the pages, the actions and the tests.
 */
export type QuestionStatus = 'received' | 'processing' | 'answered' | 'refused';

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  answered: 'Đã trả lời',
  refused: 'Không tiếp nhận',
};

export const QUESTION_STATUSES = Object.keys(QUESTION_STATUS_LABELS) as QuestionStatus[];

/** Still waiting for the department: the queue's open questions. */
export function isOpenQuestion(status: QuestionStatus): boolean {
  return status === 'received' || status === 'processing';
}

/** Per-client limits of the two public forms (issue #13: "e.g. 5 questions an hour"). */
export const QUESTION_LIMIT = { limit: 5, windowMs: 60 * 60 * 1000 };
export const LOOKUP_LIMIT = { limit: 20, windowMs: 15 * 60 * 1000 };

/** Defaults of the two settings (README "Hỏi đáp"): months kept after closing, days to answer. */
export const DEFAULT_RETENTION_MONTHS = 24;
export const DEFAULT_ANSWER_DAYS = 15;

/** A positive whole number from an environment variable, else the default. */
export function positiveSetting(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** "Nguyễn Văn An" → "N. V. A.": how an asker is named publicly unless staff show the name as written. */
export function initialsOf(name: string): string {
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return words.map((word) => `${word.charAt(0).toLocaleUpperCase('vi-VN')}.`).join(' ');
}

/** The public name of an asker. */
export function publicAskerName({ askerName, showFullName }: { askerName: string; showFullName: boolean }): string {
  return showFullName ? askerName.trim() : initialsOf(askerName);
}

/** `/hoi-dap/<slug>`: the title's words and the id, so two questions of one title never share an address. */
export function questionSlug(title: string, id: number): string {
  const words = slugify(title).slice(0, 80).replace(/-+$/, '');
  return words ? `${words}-${id}` : `cau-hoi-${id}`;
}

/** Whole days a question has been open (Asia/Ho_Chi_Minh is irrelevant: 24-hour periods). */
export function daysOpen(createdAt: Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / (24 * 60 * 60 * 1000)));
}

/** An open question older than the days allowed to answer. */
export function isOverdue(question: { status: QuestionStatus; createdAt: Date }, answerDays: number, now: Date = new Date()): boolean {
  return isOpenQuestion(question.status) && daysOpen(question.createdAt, now) >= answerDays;
}

/** What the public search of /hoi-dap reads: title, question and answer, folded like a query. */
export function questionSearchText({ title, content, answerText }: { title: string; content: string; answerText: string }): string {
  return foldSearchText(`${title}\n${content}\n${answerText}`).replace(/\s+/g, ' ').trim();
}
