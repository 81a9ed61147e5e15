'use server';

import { insertQuestion, questionFieldExists } from '@/db/queries/questions';
import { AppError } from '@/lib/errors';
import { generateTrackingCode, hashTrackingCode, normaliseTrackingCode } from '@/lib/questions/code';
import { askQuestionSchema, QUESTION_FORM_NAME } from '@/lib/questions/forms';
import { QUESTION_LIMIT } from '@/lib/questions/rules';
import { routes } from '@/lib/routes';
import { absoluteAddress, mailConfigured, sendMail } from '@/server/mail';
import { definePublicAction } from '@/server/public-forms/guard';

/**
 * "Đặt câu hỏi": the question is stored with the hash of a random tracking code, which the person
 * sees once (and receives by email when the server has mail). The per-client limit and the
 * duplicate rule are the public forms' (server/public-forms/guard.ts).
 */
export const askQuestion = definePublicAction({
  form: QUESTION_FORM_NAME,
  schema: askQuestionSchema,
  limit: QUESTION_LIMIT,
  fingerprint: (input) => [input.title, input.content],
  async run({ input, tx }) {
    if (!(await questionFieldExists({ db: tx, id: input.fieldId }))) {
      throw new AppError('invalid', { fieldErrors: { fieldId: ['Lĩnh vực không có trong danh mục, vui lòng chọn lại.'] } });
    }
    const code = generateTrackingCode();
    await insertQuestion({
      db: tx,
      values: {
        codeHash: hashTrackingCode(normaliseTrackingCode(code)!),
        askerName: input.name,
        email: input.email,
        phone: input.phone || null,
        fieldId: input.fieldId,
        title: input.title,
        content: input.content,
      },
    });
    return { result: { code, emailed: false, mailConfigured: mailConfigured() } };
  },
  async after({ input, result }) {
    if (!mailConfigured()) return undefined;
    const emailed = await sendMail({
      to: input.email,
      subject: `Mã tra cứu câu hỏi: ${result.code}`,
      text: [
        `Kính gửi ${input.name},`,
        '',
        `Sở Nội vụ tỉnh An Giang đã tiếp nhận câu hỏi "${input.title}" của Quý vị.`,
        `Mã tra cứu: ${result.code}`,
        `Tra cứu tình trạng và câu trả lời tại: ${absoluteAddress(routes.questionLookup)}`,
        '',
        'Vui lòng giữ mã này: đây là cách duy nhất để xem tình trạng câu hỏi.',
        'Thư này được gửi tự động, vui lòng không trả lời.',
      ].join('\n'),
    });
    return { emailed };
  },
});
