import 'server-only';
import { DEFAULT_ANSWER_DAYS, DEFAULT_RETENTION_MONTHS, positiveSetting } from '@/lib/questions/rules';

/** QUESTION_RETENTION_MONTHS: months after a question is closed before its email and phone are erased. */
export function retentionMonths(): number {
  return positiveSetting(process.env.QUESTION_RETENTION_MONTHS, DEFAULT_RETENTION_MONTHS);
}

/** QUESTION_ANSWER_DAYS: an open question older than this is "quá hạn" in the staff queue. */
export function answerDays(): number {
  return positiveSetting(process.env.QUESTION_ANSWER_DAYS, DEFAULT_ANSWER_DAYS);
}
