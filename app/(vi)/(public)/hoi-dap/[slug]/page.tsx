import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { Breadcrumb } from '@/components/article/breadcrumb';
import { QuestionLinks } from '@/components/questions/question-list';
import { getPublishedQuestionBySlug } from '@/db/queries/questions';
import { formatDateTime } from '@/lib/format';
import { publicAskerName } from '@/lib/questions/rules';
import { routes } from '@/lib/routes';
import { isValidSlug } from '@/lib/slug';
import { canonicalAlternates } from '@/lib/site-url';

// ISR like the news pages, revalidated when the pair is published, corrected or withdrawn
// (lib/cache-tags.ts pagesShowingQuestion).
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

const loadQuestion = cache(async (slug: string) => (isValidSlug(slug) ? getPublishedQuestionBySlug({ slug }) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const question = await loadQuestion((await params).slug);
  if (!question) return { title: 'Không tìm thấy trang' };
  return {
    title: question.title,
    description: question.content.slice(0, 300),
    alternates: canonicalAlternates(routes.question(question.slug)),
  };
}

export default async function QuestionPage({ params }: Props) {
  const question = await loadQuestion((await params).slug);
  if (!question) notFound();
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <Breadcrumb
        items={[{ label: 'Trang chủ', href: routes.home }, { label: 'Hỏi đáp', href: routes.questions() }, { label: question.title }]}
      />
      <h1 className="border-b-2 border-brand-700 pb-2 text-2xl font-bold text-brand-800">{question.title}</h1>
      <p className="mt-2 text-sm text-slate-600">
        Người hỏi: {publicAskerName(question)} · Gửi lúc {formatDateTime(question.createdAt)}
        {question.fieldName ? ` · Lĩnh vực: ${question.fieldName}` : ''}
      </p>
      <section aria-labelledby="cau-hoi" className="mt-4">
        <h2 id="cau-hoi" className="text-lg font-bold text-brand-900">
          Câu hỏi
        </h2>
        <p className="mt-1 whitespace-pre-line leading-relaxed break-words">{question.content}</p>
      </section>
      <section aria-labelledby="tra-loi" className="mt-6 rounded-lg bg-slate-50 p-4">
        <h2 id="tra-loi" className="text-lg font-bold text-brand-900">
          Trả lời
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {question.unitName ? `${question.unitName} · ` : ''}
          {question.answeredAt ? formatDateTime(question.answeredAt) : ''}
        </p>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save with the articles' allowlist (lib/sanitize.ts) */}
        <div className="article-body mt-2 leading-relaxed text-slate-900" dangerouslySetInnerHTML={{ __html: question.answerHtml }} />
      </section>
      <QuestionLinks />
    </article>
  );
}
