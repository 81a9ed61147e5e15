import { z } from 'zod';
import { rowId } from '../form-fields';
import { consentField, emailField, lineField, PUBLIC_FORM_LIMITS, phoneField, textField } from '../public-forms/fields';

/** The public form of /hoi-dap/dat-cau-hoi (field names are the form's input names). */
export const askQuestionSchema = z.object({
  name: lineField(PUBLIC_FORM_LIMITS.name, { label: 'họ và tên' }),
  email: emailField,
  phone: phoneField,
  fieldId: rowId('Vui lòng chọn lĩnh vực.'),
  title: lineField(PUBLIC_FORM_LIMITS.title, { label: 'tiêu đề' }),
  content: textField(PUBLIC_FORM_LIMITS.content, { label: 'nội dung' }),
  consent: consentField,
});

/** /hoi-dap/tra-cuu: any text; one that cannot be a code is answered like an unknown one. */
export const lookupSchema = z.object({
  code: z
    .string({ error: 'Vui lòng nhập mã tra cứu.' })
    .trim()
    .min(1, { error: 'Vui lòng nhập mã tra cứu.' })
    .max(100, { error: 'Mã tra cứu quá dài.' }),
});

export const QUESTION_FORM_NAME = 'question';
export const LOOKUP_FORM_NAME = 'question-lookup';

export { UNKNOWN_CODE_MESSAGE } from './messages';
