'use server';

import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { SessionUser } from '@/auth';
import type { Tx } from '@/db';
import { unitExists } from '@/db/queries/agency';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { getQuestionForStaff, getUserUnitId, type StaffQuestion, updateQuestion } from '@/db/queries/questions';
import { htmlToText } from '@/lib/article-diff';
import { pagesShowingQuestion } from '@/lib/cache-tags';
import { AppError } from '@/lib/errors';
import { rowId, versionField } from '@/lib/form-fields';
import { canAssignQuestions, canHandleQuestion, canViewQuestions } from '@/lib/permissions';
import { isOpenQuestion, questionSearchText, questionSlug } from '@/lib/questions/rules';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { defineAction } from '@/server/define-action';

/**
 * The staff side of Hỏi đáp. Each step checks the question itself (a Cán bộ trả lời only their
 * unit's), changes it only at the version the form was shown (two officers on one question: the
 * second is told), is written to the audit log in the same transaction, and changes what the
 * person sees on /hoi-dap/tra-cuu at once (that page reads the database on every lookup).
 */

const id = rowId('Thiếu câu hỏi.');
const version = versionField;

const CONFLICT_MESSAGE =
  'Câu hỏi đã được người khác thay đổi trong lúc bạn xem. Nội dung bạn nhập vẫn còn: hãy sao chép lại rồi tải lại trang.';

async function loadHandled(tx: Tx, user: SessionUser, questionId: number): Promise<StaffQuestion | null> {
  const question = await getQuestionForStaff({ db: tx, id: questionId, forUpdate: true });
  if (!question) return null;
  const unitId = await getUserUnitId({ db: tx, userId: user.id });
  return canHandleQuestion({ ...user, unitId }, question) ? question : null;
}

async function save(tx: Tx, questionId: number, at: number, values: Parameters<typeof updateQuestion>[0]['values']): Promise<void> {
  if (!(await updateQuestion({ db: tx, id: questionId, version: at, values })))
    throw new AppError('conflict', { message: CONFLICT_MESSAGE });
}

async function audit(tx: Tx, user: SessionUser, action: string, questionId: number, detail?: Record<string, unknown>) {
  await insertAuditEntry({ db: tx, userId: user.id, action, objectType: 'question', objectId: String(questionId), detail });
}

/** Phân công: to a unit of the directory; a question just received becomes "Đang xử lý". */
export const assignQuestion = defineAction({
  roles: canAssignQuestions,
  schema: z.object({ id, version, unitId: rowId('Hãy chọn đơn vị.') }),
  authorize: async ({ user, input, tx }) => canAssignQuestions(user) && Boolean(await loadHandled(tx, user, input.id)),
  async run({ user, input, tx }) {
    const question = (await getQuestionForStaff({ db: tx, id: input.id }))!;
    if (!isOpenQuestion(question.status)) throw new AppError('rejected', { message: 'Câu hỏi đã đóng: không phân công lại được.' });
    if (!(await unitExists({ db: tx, id: input.unitId })))
      throw new AppError('invalid', { fieldErrors: { unitId: ['Đơn vị không còn trong danh bạ, hãy chọn lại.'] } });
    await save(tx, input.id, input.version, { unitId: input.unitId, status: 'processing' });
    await audit(tx, user, 'question.assign', input.id, { unitId: input.unitId });
    return { result: {} };
  },
});

/**
 * Trả lời: the answer (rich text, sanitised) closes the question as "Đã trả lời"; it may be
 * corrected later, and a published pair's pages are revalidated then.
 */
export const answerQuestion = defineAction({
  roles: canViewQuestions,
  schema: z.object({ id, version, answerHtml: z.string().max(200_000, 'Câu trả lời quá dài.') }),
  authorize: async ({ user, input, tx }) => Boolean(await loadHandled(tx, user, input.id)),
  async run({ user, input, tx }) {
    const question = (await getQuestionForStaff({ db: tx, id: input.id }))!;
    if (question.status === 'refused') throw new AppError('rejected', { message: 'Câu hỏi đã được đánh dấu Không tiếp nhận.' });
    const answerHtml = sanitizeArticleHtml(input.answerHtml);
    const answerText = htmlToText(answerHtml);
    if (!answerText) throw new AppError('invalid', { fieldErrors: { answerHtml: ['Hãy nhập câu trả lời.'] } });
    await save(tx, input.id, input.version, {
      status: 'answered',
      answerHtml,
      answeredBy: user.id,
      answeredAt: sql`now()`,
      closedAt: question.closedAt ?? sql`now()`,
      ...(question.publishedAt ? { searchText: questionSearchText({ title: question.title, content: question.content, answerText }) } : {}),
    });
    await audit(tx, user, 'question.answer', input.id);
    return { result: {}, revalidate: question.slug && question.publishedAt ? pagesShowingQuestion({ slugs: [question.slug] }) : [] };
  },
});

/** Công khai: the pair on /hoi-dap, the asker named as written or by initials; never email or phone. */
export const publishQuestion = defineAction({
  roles: canViewQuestions,
  schema: z.object({ id, version, nameShown: z.enum(['full', 'initials'], { error: 'Hãy chọn cách hiện tên người hỏi.' }) }),
  authorize: async ({ user, input, tx }) => Boolean(await loadHandled(tx, user, input.id)),
  async run({ user, input, tx }) {
    const question = (await getQuestionForStaff({ db: tx, id: input.id }))!;
    if (question.status !== 'answered') throw new AppError('rejected', { message: 'Chỉ công khai được câu hỏi đã trả lời.' });
    const slug = question.slug ?? questionSlug(question.title, question.id);
    await save(tx, input.id, input.version, {
      slug,
      publishedAt: question.publishedAt ?? sql`now()`,
      showFullName: input.nameShown === 'full',
      searchText: questionSearchText({ title: question.title, content: question.content, answerText: htmlToText(question.answerHtml) }),
    });
    await audit(tx, user, 'question.publish', input.id, { nameShown: input.nameShown });
    return { result: { slug }, revalidate: pagesShowingQuestion({ slugs: [slug] }) };
  },
});

/** Gỡ: the pair leaves /hoi-dap; the person still sees the answer with their code. */
export const unpublishQuestion = defineAction({
  roles: canViewQuestions,
  schema: z.object({ id, version }),
  authorize: async ({ user, input, tx }) => Boolean(await loadHandled(tx, user, input.id)),
  async run({ user, input, tx }) {
    const question = (await getQuestionForStaff({ db: tx, id: input.id }))!;
    if (!question.publishedAt) throw new AppError('rejected', { message: 'Câu hỏi chưa được công khai.' });
    await save(tx, input.id, input.version, { publishedAt: null });
    await audit(tx, user, 'question.unpublish', input.id);
    return { result: {}, revalidate: question.slug ? pagesShowingQuestion({ slugs: [question.slug] }) : [] };
  },
});

/** Không tiếp nhận: an open question is closed with a reason the person reads with their code. */
export const refuseQuestion = defineAction({
  roles: canViewQuestions,
  schema: z.object({
    id,
    version,
    reason: z.string().trim().min(1, 'Hãy ghi lý do không tiếp nhận.').max(2000, 'Lý do quá dài (tối đa 2.000 ký tự).'),
  }),
  authorize: async ({ user, input, tx }) => Boolean(await loadHandled(tx, user, input.id)),
  async run({ user, input, tx }) {
    const question = (await getQuestionForStaff({ db: tx, id: input.id }))!;
    if (!isOpenQuestion(question.status)) throw new AppError('rejected', { message: 'Chỉ từ chối được câu hỏi chưa trả lời.' });
    await save(tx, input.id, input.version, { status: 'refused', refusalReason: input.reason, closedAt: sql`now()` });
    await audit(tx, user, 'question.refuse', input.id, { reason: input.reason });
    return { result: {} };
  },
});
