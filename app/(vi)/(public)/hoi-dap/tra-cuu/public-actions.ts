'use server';

import { getQuestionByCodeHash, type QuestionTracking } from '@/db/queries/questions';
import { hashTrackingCode, normaliseTrackingCode } from '@/lib/questions/code';
import { LOOKUP_FORM_NAME, lookupSchema } from '@/lib/questions/forms';
import { LOOKUP_LIMIT } from '@/lib/questions/rules';
import { definePublicAction } from '@/server/public-forms/guard';

/**
 * "Tra cứu": code in, status out. Every lookup counts against the client's limit, found or not,
 * and a malformed code gets the same answer as an unknown one: trying codes teaches nothing.
 */
export const lookupQuestion = definePublicAction({
  form: LOOKUP_FORM_NAME,
  schema: lookupSchema,
  limit: LOOKUP_LIMIT,
  screen: false,
  async run({ input, tx }): Promise<{ result: { question: QuestionTracking | null } }> {
    const code = normaliseTrackingCode(input.code);
    const question = code ? await getQuestionByCodeHash({ db: tx, codeHash: hashTrackingCode(code) }) : null;
    return { result: { question } };
  },
});
