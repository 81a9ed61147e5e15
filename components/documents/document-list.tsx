import { SyntheticBadge } from '@/components/article/article-card';
import type { DocumentListItem } from '@/db/queries/documents';
import { EFFECT_LABELS, effectStatus, formatIsoDate, type EffectStatus } from '@/lib/documents/rules';
import { routes } from '@/lib/routes';

const EFFECT_CLASSES: Record<EffectStatus, string> = {
  in_effect: 'bg-green-100 text-green-900',
  expired: 'bg-slate-200 text-slate-800',
  not_yet: 'bg-amber-100 text-amber-900',
};

export function EffectBadge({ status }: { status: EffectStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ${EFFECT_CLASSES[status]}`}>
      {EFFECT_LABELS[status]}
    </span>
  );
}

/**
 * Documents as a table on wide screens and as cards on a phone: only one of the two is displayed
 * at a time, so assistive technology meets one list.
 */
export function DocumentList({ items, today, headingLevel = 2 }: { items: DocumentListItem[]; today: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <table className="mt-4 hidden w-full border-collapse text-sm md:table">
        <caption className="sr-only">Danh sách văn bản</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 text-left">
            <th scope="col" className="py-2 pr-3">
              Số/Ký hiệu
            </th>
            <th scope="col" className="py-2 pr-3">
              Ngày ban hành
            </th>
            <th scope="col" className="py-2 pr-3">
              Trích yếu
            </th>
            <th scope="col" className="py-2">
              Hiệu lực
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-3 font-semibold">
                <a href={routes.document(item.slug)} className="text-brand-800 hover:underline">
                  {item.number}
                </a>
                <div className="text-xs font-normal text-slate-600">{item.typeName}</div>
              </td>
              <td className="whitespace-nowrap py-2 pr-3">{formatIsoDate(item.issuedOn)}</td>
              <td className="py-2 pr-3">
                {item.synthetic && <SyntheticBadge />}
                {item.summary}
                <div className="text-xs text-slate-600">{item.issuerName}</div>
              </td>
              <td className="py-2">
                <EffectBadge status={effectStatus(item, today)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-4 divide-y divide-slate-200 md:hidden">
        {items.map((item) => (
          <li key={item.id} className="py-3">
            <Heading className="font-semibold">
              <a href={routes.document(item.slug)} className="break-words text-brand-800 hover:underline">
                {item.typeName} {item.number}
              </a>
            </Heading>
            <p className="mt-1 break-words text-slate-800">
              {item.synthetic && <SyntheticBadge />}
              {item.summary}
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <span>{item.issuerName}</span>
              <span>· Ngày ban hành {formatIsoDate(item.issuedOn)}</span>
              <EffectBadge status={effectStatus(item, today)} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
