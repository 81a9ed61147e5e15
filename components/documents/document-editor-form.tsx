'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { fieldHelpers, inputClass, buttonClass, secondaryButtonClass } from '@/components/staff/form-field';
import type { DocumentCatalogs } from '@/lib/documents/rules';
import type { FieldErrors } from '@/lib/errors';
import { routes } from '@/lib/routes';
import { createDocument, saveDocument } from '@/server/documents/actions';

export type RelationKind = 'replaces' | 'amends' | 'related';
export type PickedRelation = { kind: RelationKind; id: number; number: string };

const KIND_LABELS: Record<RelationKind, string> = {
  replaces: 'Thay thế văn bản',
  amends: 'Sửa đổi, bổ sung',
  related: 'Văn bản liên quan',
};

export type DocumentFormValues = {
  id?: number;
  version?: number;
  number: string;
  typeId: number | null;
  issuerId: number | null;
  fieldId: number | null;
  signerName: string;
  signerTitle: string;
  issuedOn: string;
  effectiveOn: string;
  expiresOn: string;
  summary: string;
  relations: PickedRelation[];
};

type PickerItem = { id: number; number: string; summary: string };

/** Relations are picked by searching other documents by number or trích yếu. */
function RelationPicker({
  documentId,
  relations,
  onChange,
  error,
}: {
  documentId?: number;
  relations: PickedRelation[];
  onChange: (next: PickedRelation[]) => void;
  error?: string[];
}) {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<RelationKind>('related');
  const [results, setResults] = useState<PickerItem[] | null>(null);
  const [message, setMessage] = useState('');

  async function search() {
    setMessage('');
    const response = await fetch(routes.api.documentPicker({ q: query, 'bo-qua': documentId }));
    const body = (await response.json()) as { ok: boolean; items?: PickerItem[]; error?: string };
    if (!body.ok) {
      setMessage(body.error ?? 'Không tìm được.');
      return;
    }
    setResults(body.items ?? []);
    setMessage(body.items?.length ? `Có ${body.items.length} văn bản phù hợp.` : 'Không có văn bản nào phù hợp.');
  }

  return (
    <fieldset className="rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">Văn bản liên quan</legend>
      {relations.length > 0 ? (
        <ul className="mb-3 space-y-1">
          {relations.map((relation) => (
            <li key={`${relation.kind}-${relation.id}`} className="flex flex-wrap items-center gap-2">
              <span>
                {KIND_LABELS[relation.kind]}: <strong>{relation.number}</strong>
              </span>
              <button
                type="button"
                className="rounded border border-red-700 px-2 py-0.5 text-sm text-red-800"
                onClick={() => onChange(relations.filter((r) => !(r.id === relation.id && r.kind === relation.kind)))}
              >
                Bỏ<span className="sr-only"> liên kết {relation.number}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-600">Chưa có văn bản liên quan.</p>
      )}
      {error && <p className="mb-2 text-sm font-semibold text-red-700">{error.join(' ')}</p>}
      <div className="grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <div>
          <label htmlFor="vb-lien-quan-tim" className="block text-sm font-semibold">
            Tìm văn bản theo số/ký hiệu hoặc trích yếu
          </label>
          <input
            id="vb-lien-quan-tim"
            type="search"
            value={query}
            maxLength={200}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void search();
              }
            }}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="vb-lien-quan-loai" className="block text-sm font-semibold">
            Quan hệ
          </label>
          <select
            id="vb-lien-quan-loai"
            value={kind}
            onChange={(event) => setKind(event.target.value as RelationKind)}
            className={inputClass}
          >
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={() => void search()} className={secondaryButtonClass}>
          Tìm
        </button>
      </div>
      <p role="status" aria-live="polite" className="mt-2 text-sm">
        {message}
      </p>
      {results && results.length > 0 && (
        <ul className="mt-2 divide-y divide-slate-200">
          {results.map((item) => (
            <li key={item.id} className="flex flex-col gap-1 py-1 sm:flex-row sm:items-center sm:justify-between">
              <span className="min-w-0 break-words">
                <strong>{item.number}</strong> {item.summary}
              </span>
              <button
                type="button"
                className="shrink-0 rounded border border-slate-400 px-2 py-0.5 text-sm"
                onClick={() => {
                  if (!relations.some((r) => r.id === item.id && r.kind === kind))
                    onChange([...relations, { kind, id: item.id, number: item.number }]);
                }}
              >
                Thêm
                <span className="sr-only">
                  {' '}
                  {item.number} ({KIND_LABELS[kind]})
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** The fields of a document: a new one (then its page, where files are attached) or an existing one. */
export function DocumentEditorForm({ catalogs, initial }: { catalogs: DocumentCatalogs; initial: DocumentFormValues }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [relations, setRelations] = useState(initial.relations);
  const [version, setVersion] = useState(initial.version);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const { fieldProps, errorOf } = fieldHelpers('vb', errors);

  // Publishing or withdrawing elsewhere on the page bumps the version: the next save must know it.
  useEffect(() => setVersion(initial.version), [initial.version]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set('relations', relations.map((r) => `${r.kind}:${r.id}`).join(','));
    if (initial.id) {
      form.set('id', String(initial.id));
      form.set('version', String(version));
    }
    setMessage(null);
    startTransition(async () => {
      const result = initial.id ? await saveDocument(form) : await createDocument(form);
      if (result.ok) {
        if ('id' in result) {
          router.push(routes.staff.editDocument(result.id));
          return;
        }
        setErrors({});
        if ('version' in result) setVersion(result.version);
        setMessage({ text: 'Đã lưu văn bản.', ok: true });
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setMessage({ text: result.error, ok: false });
      // The first field in error takes the focus, so a keyboard or screen-reader user lands on it.
      const first = Object.keys(result.fieldErrors ?? {})[0];
      if (first) formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)?.focus();
    });
  }

  const select = (name: 'typeId' | 'issuerId' | 'fieldId', label: string, list: { id: number; name: string }[], optional = false) => (
    <div>
      <label htmlFor={`vb-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <select {...fieldProps(name)} defaultValue={initial[name] ?? ''} className={inputClass}>
        <option value="">{optional ? 'Không ghi' : 'Chọn…'}</option>
        {list.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
      {errorOf(name)}
    </div>
  );

  const text = (name: 'number' | 'signerName' | 'signerTitle', label: string, max: number, list?: string) => (
    <div>
      <label htmlFor={`vb-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <input {...fieldProps(name)} defaultValue={initial[name]} maxLength={max} list={list} className={inputClass} />
      {errorOf(name)}
    </div>
  );

  const day = (name: 'issuedOn' | 'effectiveOn' | 'expiresOn', label: string) => (
    <div>
      <label htmlFor={`vb-${name}`} className="block text-sm font-semibold">
        {label}
      </label>
      <input {...fieldProps(name)} type="date" defaultValue={initial[name]} className={inputClass} />
      {errorOf(name)}
    </div>
  );

  return (
    <form
      ref={formRef}
      aria-label={initial.id ? 'Sửa văn bản' : 'Thêm văn bản'}
      onSubmit={onSubmit}
      noValidate
      className="grid gap-4 sm:grid-cols-2"
    >
      {text('number', 'Số/Ký hiệu', 100)}
      {select('typeId', 'Loại văn bản', catalogs.types)}
      {select('issuerId', 'Cơ quan ban hành', catalogs.issuers)}
      {select('fieldId', 'Lĩnh vực', catalogs.fields, true)}
      {text('signerName', 'Người ký', 200, 'vb-nguoi-ky-danh-muc')}
      <datalist id="vb-nguoi-ky-danh-muc">
        {catalogs.signers.map((signer) => (
          <option key={signer.id} value={signer.name} />
        ))}
      </datalist>
      {text('signerTitle', 'Chức vụ người ký', 200)}
      {day('issuedOn', 'Ngày ban hành')}
      {day('effectiveOn', 'Ngày có hiệu lực (để trống: từ ngày ban hành)')}
      {day('expiresOn', 'Ngày hết hiệu lực (nếu có)')}
      <div className="sm:col-span-2">
        <label htmlFor="vb-summary" className="block text-sm font-semibold">
          Trích yếu
        </label>
        <textarea {...fieldProps('summary')} defaultValue={initial.summary} rows={4} maxLength={2000} className={inputClass} />
        {errorOf('summary')}
      </div>
      <div className="sm:col-span-2">
        <RelationPicker documentId={initial.id} relations={relations} onChange={setRelations} error={errors.relations} />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>
          {initial.id ? 'Lưu' : 'Thêm văn bản'}
        </button>
        <p role="status" aria-live="polite" className={`text-sm font-semibold ${message?.ok ? 'text-green-800' : 'text-red-700'}`}>
          {message?.text ?? ''}
        </p>
      </div>
    </form>
  );
}
