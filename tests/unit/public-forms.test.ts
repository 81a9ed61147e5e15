import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  consentField,
  consentText,
  emailField,
  lineField,
  MIN_FILL_MS,
  PUBLIC_FORM_FIELDS,
  PUBLIC_FORM_LIMITS,
  phoneField,
  textField,
  typedValues,
} from '@/lib/public-forms/fields';
import { checkFormStart, contentFingerprint, signFormStart } from '@/lib/public-forms/token';

describe('the signed start time of a public form', () => {
  const key = 'khoa-thu';
  const t0 = Date.parse('2026-12-01T03:00:00Z');

  it('accepts a token of this form once the minimum time has passed', () => {
    const token = signFormStart({ key, form: 'question', now: t0 });
    expect(checkFormStart({ key, form: 'question', token, now: t0 + MIN_FILL_MS })).toBe('ok');
    expect(checkFormStart({ key, form: 'question', token, now: t0 + 30 * 24 * 3600_000 })).toBe('ok');
  });

  it('refuses a submission faster than a person, a token of another form or key, a forged time', () => {
    const token = signFormStart({ key, form: 'question', now: t0 });
    expect(checkFormStart({ key, form: 'question', token, now: t0 + MIN_FILL_MS - 1 })).toBe('tooFast');
    expect(checkFormStart({ key, form: 'comment', token, now: t0 + 10_000 })).toBe('invalid');
    expect(checkFormStart({ key: 'khoa-khac', form: 'question', token, now: t0 + 10_000 })).toBe('invalid');
    const forged = `${t0 - 60_000}.${token.split('.')[1]}`;
    expect(checkFormStart({ key, form: 'question', token: forged, now: t0 + 10_000 })).toBe('invalid');
    expect(checkFormStart({ key, form: 'question', token: '', now: t0 })).toBe('missing');
    expect(checkFormStart({ key, form: 'question', token: undefined, now: t0 })).toBe('missing');
    expect(checkFormStart({ key, form: 'question', token: 'abc.def', now: t0 })).toBe('invalid');
    const future = signFormStart({ key, form: 'question', now: t0 + 3600_000 });
    expect(checkFormStart({ key, form: 'question', token: future, now: t0 })).toBe('invalid');
    expect(checkFormStart({ key, form: 'question', token, now: t0 + 10_000, maxMs: 5_000 })).toBe('invalid');
  });

  it('fingerprints texts alike whatever their case, diacritics and spacing', () => {
    const a = contentFingerprint(['Hỏi về  thi đua', 'Nội dung\n câu hỏi']);
    expect(contentFingerprint(['HOI VE THI DUA', 'noi dung cau hoi'])).toBe(a);
    expect(contentFingerprint(['Hỏi về thi đua', 'Nội dung khác'])).not.toBe(a);
    // The parts are kept apart: moving a word from one to the other is another text.
    expect(contentFingerprint(['a b', 'c'])).not.toBe(contentFingerprint(['a', 'b c']));
  });
});

describe('the fields of a public form', () => {
  const schema = z.object({
    name: lineField(PUBLIC_FORM_LIMITS.name, { label: 'họ và tên' }),
    email: emailField,
    phone: phoneField,
    content: textField(PUBLIC_FORM_LIMITS.content, { label: 'nội dung' }),
    consent: consentField,
  });
  const valid = { name: ' Nguyễn Văn A ', email: 'A@Example.VN', phone: '', content: 'Dòng 1\r\nDòng 2', consent: 'on' };

  it('trims, lower-cases the email and keeps lines', () => {
    expect(schema.parse(valid)).toEqual({
      name: 'Nguyễn Văn A',
      email: 'a@example.vn',
      phone: '',
      content: 'Dòng 1\nDòng 2',
      consent: 'on',
    });
  });

  it('refuses each bad field with a Vietnamese message beside it', () => {
    const result = schema.safeParse({
      name: '',
      email: 'khong-phai-email',
      phone: 'abc',
      content: 'x'.repeat(PUBLIC_FORM_LIMITS.content + 1),
    });
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(errors).toEqual({
      name: 'Vui lòng nhập họ và tên.',
      email: 'Email chưa đúng, ví dụ: ten@example.vn.',
      phone: expect.stringContaining('Số điện thoại chưa đúng'),
      content: 'Nội dung dài quá 5.000 ký tự.',
      consent: 'Vui lòng đồng ý với việc xử lý dữ liệu cá nhân để gửi.',
    });
  });

  it('counts 5,000 characters as the counter does, a line break as one', () => {
    expect(schema.safeParse({ ...valid, content: `${'x'.repeat(4999)}\r\n` }).success).toBe(true);
    expect(schema.safeParse({ ...valid, content: `${'x'.repeat(2500)}\r\n${'y'.repeat(2499)}` }).success).toBe(true);
  });

  it('refuses control characters', () => {
    expect(schema.safeParse({ ...valid, name: 'A\u0000B' }).success).toBe(false);
    expect(schema.safeParse({ ...valid, content: 'A\u0007B' }).success).toBe(false);
  });

  it('says what is kept, why and for how long', () => {
    const text = consentText({ purpose: 'trả lời câu hỏi của tôi', retentionMonths: 24 });
    expect(text).toContain('Nghị định 13/2023/NĐ-CP');
    expect(text).toContain('trả lời câu hỏi của tôi');
    expect(text).toContain('24 tháng');
    expect(text).toContain('không bao giờ được công khai');
  });

  it('gives back what was typed, without the machinery fields', () => {
    const form = new FormData();
    form.set('name', 'Nguyễn Văn A');
    form.set(PUBLIC_FORM_FIELDS.honeypot, '');
    form.set(PUBLIC_FORM_FIELDS.startedAt, '123');
    form.set('$ACTION_ID_abc', '');
    expect(typedValues(form)).toEqual({ name: 'Nguyễn Văn A' });
  });
});
