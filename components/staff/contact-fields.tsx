'use client';

import type { FieldErrors } from '@/lib/errors';
import { TextField } from './action-form';

/**
 * "Số điện thoại" and "Email" of a directory unit, a person or a sidebar entry: stored once in the
 * directory, typed the same way everywhere (several numbers joined by " - "). Two cells of the
 * caller's grid.
 */
export function PhoneEmailFields({
  prefix,
  errors,
  phones,
  email,
  hint,
  phonesRequired = false,
}: {
  prefix: string;
  errors: FieldErrors;
  phones?: string[];
  email?: string | null;
  hint: string;
  phonesRequired?: boolean;
}) {
  return (
    <>
      <TextField
        id={`${prefix}-so`}
        name="phones"
        label="Số điện thoại"
        type="tel"
        inputMode="tel"
        required={phonesRequired}
        hint={hint}
        errors={errors}
        defaultValue={phones?.join(' - ')}
      />
      <TextField
        id={`${prefix}-email`}
        name="email"
        label="Email (không bắt buộc)"
        type="email"
        errors={errors}
        defaultValue={email ?? ''}
      />
    </>
  );
}
