'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { buttonClass, fieldHelpers, inputClass } from '@/components/staff/form-field';
import type { CatalogEntry } from '@/lib/documents/rules';
import type { FieldErrors } from '@/lib/errors';
import { LEVEL_LABELS, type ProcedureLevel } from '@/lib/procedures';
import { routes } from '@/lib/routes';
import { createProcedure, saveProcedure } from '@/server/procedures/actions';

export type ProcedureFormValues = {
  id?: number;
  version?: number;
  code: string;
  name: string;
  fieldId: number | null;
  level: ProcedureLevel | '';
  steps: string;
  dossier: string;
  processingTime: string;
  fees: string;
  legalBasis: string;
};

const TEXTS = [
  { name: 'steps', label: 'Trình tự thực hiện', rows: 6 },
  { name: 'dossier', label: 'Thành phần hồ sơ', rows: 6 },
  { name: 'legalBasis', label: 'Căn cứ pháp lý (mỗi văn bản một dòng; số/ký hiệu của văn bản đã đăng sẽ thành liên kết)', rows: 4 },
] as const;

export function ProcedureEditorForm({ fields, initial }: { fields: CatalogEntry[]; initial: ProcedureFormValues }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [version, setVersion] = useState(initial.version);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldProps, errorOf } = fieldHelpers('tt', errors);

  // Publishing or withdrawing elsewhere on the page bumps the version: the next save must know it.
  useEffect(() => setVersion(initial.version), [initial.version]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (initial.id) {
      form.set('id', String(initial.id));
      form.set('version', String(version));
    }
    setMessage(null);
    startTransition(async () => {
      const result = initial.id ? await saveProcedure(form) : await createProcedure(form);
      if (result.ok) {
        if ('id' in result) {
          router.push(routes.staff.editProcedure(result.id));
          return;
        }
        setErrors({});
        if ('version' in result) setVersion(result.version);
        setMessage({ text: 'Đã lưu thủ tục.', ok: true });
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage({ text: result.error, ok: false });
      const first = Object.keys(result.fieldErrors ?? {})[0];
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)?.focus();
    });
  }

  const line = (name: 'code' | 'name' | 'processingTime' | 'fees', label: string, max: number) => (
    <div>
      <label htmlFor={`tt-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <input {...fieldProps(name)} defaultValue={initial[name]} maxLength={max} className={inputClass} />
      {errorOf(name)}
    </div>
  );

  return (
    <form
      ref={formRef}
      aria-label={initial.id ? 'Sửa thủ tục' : 'Thêm thủ tục'}
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
    >
      {line('code', 'Mã thủ tục', 50)}
      {line('name', 'Tên thủ tục', 500)}
      <div>
        <label htmlFor="tt-fieldId" className="block text-sm font-semibold">
          Lĩnh vực
        </label>
        <select {...fieldProps('fieldId')} defaultValue={initial.fieldId ?? ''} className={inputClass}>
          <option value="">Không ghi</option>
          {fields.map((field) => (
            <option key={field.id} value={field.id}>
              {field.name}
            </option>
          ))}
        </select>
        {errorOf('fieldId')}
      </div>
      <div>
        <label htmlFor="tt-level" className="block text-sm font-semibold">
          Cấp thực hiện
        </label>
        <select {...fieldProps('level')} defaultValue={initial.level} className={inputClass}>
          <option value="">Chọn…</option>
          {Object.entries(LEVEL_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {errorOf('level')}
      </div>
      {line('processingTime', 'Thời hạn giải quyết', 500)}
      {line('fees', 'Phí, lệ phí', 2000)}
      {TEXTS.map((text) => (
        <div key={text.name} className="sm:col-span-2">
          <label htmlFor={`tt-${text.name}`} className="block text-sm font-semibold">
            {text.label}
          </label>
          <textarea {...fieldProps(text.name)} defaultValue={initial[text.name]} rows={text.rows} className={inputClass} />
          {errorOf(text.name)}
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          {initial.id ? 'Lưu' : 'Thêm thủ tục'}
        </button>
        <p role="status" aria-live="polite" className={`text-sm font-semibold ${message?.ok ? 'text-green-800' : 'text-red-700'}`}>
          {message?.text ?? ''}
        </p>
      </div>
    </form>
  );
}
