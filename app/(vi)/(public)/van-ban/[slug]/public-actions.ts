'use server';

import { getPublishedConsultationForComment, insertComment } from '@/db/queries/consultations';
import { commentFields, consultationState, DRAFT_COMMENT_FORM } from '@/lib/documents/consultation';
import { AppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { HOUR_MS } from '@/lib/time';
import { definePublicAction } from '@/server/public-forms/guard';

/**
 * The "Góp ý" form of a draft for comment, built with definePublicAction (origin, honeypot,
 * minimum fill time, per-client limit, duplicates, then the work in one transaction). Bound with
 * useActionState it works without JavaScript: the page comes back with the outcome, the errors
 * beside each field and what was typed.
 */

/** Comments on drafts: 5 an hour per client; the same text on the same draft once a day. */
export const submitDraftComment = definePublicAction({
  form: DRAFT_COMMENT_FORM,
  schema: commentFields,
  limit: { limit: 5, windowMs: HOUR_MS },
  fingerprint: (input) => [String(input.documentId), input.content],
  async run({ input, tx }) {
    // Checked at the instant of the comment, whatever the (cached) page showed.
    const window = await getPublishedConsultationForComment({ db: tx, documentId: input.documentId });
    if (!window) throw new AppError('notFound', { message: 'Văn bản này không lấy ý kiến góp ý.' });
    const state = consultationState(window);
    if (state === 'upcoming') {
      throw new AppError('rejected', { message: `Chưa đến thời gian góp ý: bắt đầu lúc ${formatDateTime(window.opensAt)}.` });
    }
    if (state === 'closed') {
      throw new AppError('rejected', { message: `Đã hết thời gian góp ý (kết thúc lúc ${formatDateTime(window.closesAt)}).` });
    }
    await insertComment({
      db: tx,
      documentId: input.documentId,
      name: input.name,
      email: input.email,
      organisation: input.organisation,
      content: input.content,
    });
    // Nothing public changes until a moderator publishes it.
    return { result: {} };
  },
});
