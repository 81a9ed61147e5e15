import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { SyntheticBadge } from '@/components/article/article-card';
import { findPublishedDocumentsByNumberKeys, getPublicServicePortalUrl, getPublishedProcedureBySlug } from '@/db/queries/procedures';
import { documentNumberKey } from '@/lib/documents/rules';
import { documentNumberIn, LEVEL_LABELS } from '@/lib/procedures';
import { routes } from '@/lib/routes';
import { isValidSlug } from '@/lib/slug';
import { canonicalAlternates } from '@/lib/site-url';

// ISR like the news pages, revalidated by every change (lib/cache-tags.ts pagesShowingProcedure).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const loadProcedure = cache(async (slug: string) => (isValidSlug(slug) ? getPublishedProcedureBySlug({ slug }) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const procedure = await loadProcedure((await params).slug);
  if (!procedure) return { title: 'Không tìm thấy trang' };
  return { title: procedure.name, alternates: canonicalAlternates(routes.procedure(procedure.slug)) };
}

/** Text typed with line breaks, shown as paragraphs. */
function Paragraphs({ text }: { text: string }) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  if (lines.length === 0) return <p className="text-slate-600">Không ghi</p>;
  return (
    <div className="space-y-1">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one text never reorder
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

export default async function ProcedurePage({ params }: Props) {
  const procedure = await loadProcedure((await params).slug);
  if (!procedure) notFound();
  const basis = procedure.legalBasis.split(/\r?\n/).filter((line) => line.trim());
  const numbers = basis.map((line) => documentNumberIn(line));
  const [linked, portal] = await Promise.all([
    findPublishedDocumentsByNumberKeys({ numberKeys: numbers.filter((n): n is string => Boolean(n)).map(documentNumberKey) }),
    getPublicServicePortalUrl(),
  ]);
  const section = (title: string, children: React.ReactNode) => (
    <section className="mt-5">
      <h2 className="text-lg font-bold text-brand-800">{title}</h2>
      <div className="mt-1 break-words">{children}</div>
    </section>
  );
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb
        items={[
          { label: 'Trang chủ', href: routes.home },
          { label: 'Thủ tục hành chính', href: routes.procedures() },
          { label: procedure.name },
        ]}
      />
      <article>
        <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">
          {procedure.synthetic && <SyntheticBadge />}
          {procedure.name}
        </h1>
        <dl className="mt-4 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold text-slate-700">Mã thủ tục</dt>
          <dd>{procedure.code}</dd>
          <dt className="font-semibold text-slate-700">Lĩnh vực</dt>
          <dd>{procedure.fieldName ?? 'Không ghi'}</dd>
          <dt className="font-semibold text-slate-700">Cấp thực hiện</dt>
          <dd>{LEVEL_LABELS[procedure.level]}</dd>
          <dt className="font-semibold text-slate-700">Thời hạn giải quyết</dt>
          <dd>{procedure.processingTime || 'Không ghi'}</dd>
          <dt className="font-semibold text-slate-700">Phí, lệ phí</dt>
          <dd>{procedure.fees || 'Không ghi'}</dd>
        </dl>
        {portal && (
          <p className="mt-4">
            <a
              href={portal}
              rel="noopener"
              className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              Nộp hồ sơ trực tuyến
            </a>
          </p>
        )}
        {section('Trình tự thực hiện', <Paragraphs text={procedure.steps} />)}
        {section('Thành phần hồ sơ', <Paragraphs text={procedure.dossier} />)}
        {section(
          'Căn cứ pháp lý',
          basis.length === 0 ? (
            <p className="text-slate-600">Không ghi</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {basis.map((line, i) => {
                const slug = numbers[i] ? linked.get(documentNumberKey(numbers[i]!)) : undefined;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of one text never reorder
                  <li key={i}>
                    {slug ? (
                      <a href={routes.document(slug)} className="text-brand-700 underline">
                        {line}
                      </a>
                    ) : (
                      line
                    )}
                  </li>
                );
              })}
            </ul>
          ),
        )}
      </article>
    </div>
  );
}
