import type { FieldErrors } from '@/lib/errors';

/** What a public form's action answers: the outcome, the errors beside each field, and the text typed (kept on an error). */
export type PublicFormState = {
  status: 'idle' | 'sent' | 'error';
  message: string;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
};

export function publicFormState(state: Partial<PublicFormState> = {}): PublicFormState {
  return { status: 'idle', message: '', fieldErrors: {}, values: {}, ...state };
}
