import { formatDate, formatDateEnglish } from '@/lib/format';

/**
 * A rich-text page of "Giới thiệu" (sanitised on save by the article sanitiser), or, while the
 * department has not given the text, a note that says what is missing and where it is entered.
 */
export function RichPage({
  bodyHtml,
  updatedAt,
  missing,
  lang = 'vi',
}: {
  bodyHtml: string;
  updatedAt: Date | null;
  missing: string;
  lang?: 'vi' | 'en';
}) {
  if (!bodyHtml.trim()) {
    return <p className="rounded border border-dashed border-slate-400 bg-white p-4 text-slate-700">{missing}</p>;
  }
  return (
    <>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save by the article sanitiser (lib/sanitize.ts) */}
      <div className="article-body leading-relaxed text-slate-900" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {updatedAt && (
        <p className="mt-4 text-sm text-slate-600">
          {lang === 'en' ? `Last updated ${formatDateEnglish(updatedAt)}` : `Cập nhật ngày ${formatDate(updatedAt)}`}
        </p>
      )}
    </>
  );
}
