'use client';

import { useEffect } from 'react';

/**
 * The browser's own form checks ("Please fill out this field.") speak the browser's language,
 * not the page's: every invalid field on the page gets its message in Vietnamese instead.
 */
export function VietnameseValidation() {
  useEffect(() => {
    const onInvalid = (event: Event) => {
      const field = event.target;
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)) return;
      field.setCustomValidity('');
      if (!field.validity.valid) field.setCustomValidity(messageFor(field));
    };
    // A custom message makes the field invalid until cleared: clear it as soon as it changes.
    const onInput = (event: Event) => {
      const field = event.target;
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement)
        field.setCustomValidity('');
    };
    document.addEventListener('invalid', onInvalid, true);
    document.addEventListener('input', onInput, true);
    document.addEventListener('change', onInput, true);
    return () => {
      document.removeEventListener('invalid', onInvalid, true);
      document.removeEventListener('input', onInput, true);
      document.removeEventListener('change', onInput, true);
    };
  }, []);
  return null;
}

export function messageFor(field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string {
  const { validity } = field;
  const type = field instanceof HTMLInputElement ? field.type : '';
  if (validity.valueMissing)
    return type === 'file'
      ? 'Vui lòng chọn tệp.'
      : field instanceof HTMLSelectElement
        ? 'Vui lòng chọn một mục.'
        : 'Vui lòng điền vào ô này.';
  if (validity.typeMismatch)
    return type === 'email' ? 'Vui lòng nhập địa chỉ email hợp lệ, ví dụ: ten@angiang.gov.vn.' : 'Vui lòng nhập địa chỉ hợp lệ.';
  if (validity.tooShort) return `Vui lòng nhập ít nhất ${(field as HTMLInputElement).minLength} ký tự.`;
  if (validity.tooLong) return `Vui lòng nhập tối đa ${(field as HTMLInputElement).maxLength} ký tự.`;
  if (validity.rangeUnderflow) return `Giá trị phải từ ${(field as HTMLInputElement).min} trở lên.`;
  if (validity.rangeOverflow) return `Giá trị phải từ ${(field as HTMLInputElement).max} trở xuống.`;
  if (validity.stepMismatch || validity.badInput) return type === 'number' ? 'Vui lòng nhập một số hợp lệ.' : 'Giá trị không hợp lệ.';
  if (validity.patternMismatch) return field.title || 'Giá trị không đúng định dạng yêu cầu.';
  return 'Giá trị không hợp lệ.';
}
