import { SyntheticBadge } from '@/components/article/article-card';
import type { DocumentDetail, RelatedDocument } from '@/db/queries/documents';
import { FILE_KINDS, formatFileSize } from '@/lib/documents/file-type';
import { effectStatus, formatIsoDate, RELATION_LABELS } from '@/lib/documents/rules';
import { routes } from '@/lib/routes';
import { EffectBadge } from './document-list';

function fileTypeLabel(mimeType: string): string {
  return Object.values(FILE_KINDS).find((kind) => kind.mime === mimeType)?.label ?? 'Tệp';
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="border-b border-slate-200 py-2 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function RelationList({ items }: { items: RelatedDocument[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {items.map((item) => (
        <li key={item.id}>
          <a href={routes.document(item.slug)} className="font-semibold text-brand-700 hover:underline">
            {item.number}
          </a>{' '}
          <span className="text-slate-700">{item.summary}</span>
        </li>
      ))}
    </ul>
  );
}

/** A document as the public reads it: its description, its files and its relations. */
export function DocumentDetailView({ document, today }: { document: DocumentDetail; today: string }) {
  const status = effectStatus(document, today);
  const relations = (Object.keys(RELATION_LABELS) as (keyof typeof RELATION_LABELS)[]).filter((key) => document.relations[key].length > 0);
  return (
    <article>
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">
        {document.synthetic && <SyntheticBadge />}
        {document.typeName} {document.number}
      </h1>
      <dl className="mt-4">
        <Row label="Số/Ký hiệu">{document.number}</Row>
        <Row label="Loại văn bản">{document.typeName}</Row>
        <Row label="Cơ quan ban hành">{document.issuerName}</Row>
        <Row label="Người ký">{[document.signerName, document.signerTitle].filter(Boolean).join(' – ') || 'Không ghi'}</Row>
        <Row label="Ngày ban hành">{formatIsoDate(document.issuedOn)}</Row>
        <Row label="Ngày có hiệu lực">{formatIsoDate(document.effectiveOn ?? document.issuedOn)}</Row>
        {document.expiresOn && <Row label="Ngày hết hiệu lực">{formatIsoDate(document.expiresOn)}</Row>}
        <Row label="Lĩnh vực">{document.fieldName ?? 'Không ghi'}</Row>
        <Row label="Tình trạng hiệu lực">
          <EffectBadge status={status} />
        </Row>
        <Row label="Trích yếu">{document.summary}</Row>
      </dl>

      <section aria-labelledby="tep-dinh-kem" className="mt-6">
        <h2 id="tep-dinh-kem" className="text-lg font-bold text-brand-800">
          Tệp đính kèm
        </h2>
        {document.files.length === 0 ? (
          <p className="mt-2 text-slate-700">Văn bản này chưa có tệp đính kèm.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {document.files.map((file) => (
              <li key={file.id} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-center sm:justify-between">
                <span className="min-w-0 break-words">
                  {file.fileName}
                  <span className="ml-2 text-sm text-slate-600">
                    ({fileTypeLabel(file.mimeType)}, {formatFileSize(file.bytes)})
                  </span>
                </span>
                <span className="flex shrink-0 gap-2">
                  {file.mimeType === 'application/pdf' && (
                    <a
                      href={routes.documentFile(file.id, { inline: true })}
                      className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50"
                    >
                      Xem<span className="sr-only"> {file.fileName}</span>
                    </a>
                  )}
                  <a
                    href={routes.documentFile(file.id)}
                    download={file.fileName}
                    className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
                  >
                    Tải về<span className="sr-only"> {file.fileName}</span>
                  </a>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {relations.length > 0 && (
        <section aria-labelledby="van-ban-lien-quan" className="mt-6">
          <h2 id="van-ban-lien-quan" className="text-lg font-bold text-brand-800">
            Văn bản có liên quan
          </h2>
          {relations.map((key) => (
            <div key={key} className="mt-3">
              <h3 className="font-semibold">{RELATION_LABELS[key]}</h3>
              <RelationList items={document.relations[key]} />
            </div>
          ))}
        </section>
      )}
    </article>
  );
}
