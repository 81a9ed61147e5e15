import { responsiveImage } from '@/lib/media/urls';
import { SyntheticBadge } from './article-card';
import { ArticleTime } from './article-time';

export type ArticleContentProps = {
  title: string;
  categoryName: string;
  publishedAt: Date | null;
  summary: string;
  bodyHtml: string;
  byline: string;
  synthetic?: boolean;
  cover?: { key: string; alt: string; width: number; height: number } | null;
};

/** The article column is at most ~760 px wide on a desktop, the full width minus padding on a phone. */
const COVER_SIZES = '(min-width: 1024px) 760px, calc(100vw - 2rem)';

/** An article as readers see it: the public page, the staff view and the preview all use it. */
export function ArticleContent({ title, categoryName, publishedAt, summary, bodyHtml, byline, synthetic, cover }: ArticleContentProps) {
  return (
    <>
      <p className="text-sm font-semibold uppercase text-accent-600">{categoryName}</p>
      <h1 className="mt-1 text-xl font-bold leading-snug text-brand-900 sm:text-2xl">
        {synthetic && <SyntheticBadge />}
        {title}
      </h1>
      {publishedAt && (
        <p className="mt-2 text-sm text-slate-600">
          <ArticleTime date={publishedAt} />
        </p>
      )}
      {summary && <p className="mt-4 font-semibold leading-relaxed text-slate-800">{summary}</p>}
      {cover && (
        // A plain <img> with our own variants: the browser picks the width, and the page needs no
        // client code. The cover is the first thing seen, so it is fetched at once.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          {...responsiveImage(cover, COVER_SIZES)}
          alt={cover.alt}
          loading="eager"
          fetchPriority="high"
          decoding="async"
          className="mt-4 h-auto w-full rounded bg-slate-100"
        />
      )}
      {/* body_html is sanitised with an allowlist when it is saved; only that is ever stored. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save (lib/sanitize.ts) */}
      <div className="article-body mt-2 leading-relaxed text-slate-900" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {byline && <p className="mt-6 text-right font-semibold text-slate-800">{byline}</p>}
    </>
  );
}
