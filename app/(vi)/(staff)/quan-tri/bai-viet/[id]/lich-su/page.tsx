import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleTime } from '@/components/article/article-time';
import { RestoreRevisionButton } from '@/components/editor/restore-revision-button';
import { buttonClass, inputClass } from '@/components/staff/form-field';
import {
  getArticleForPreview,
  getArticleRevision,
  listArticleRevisions,
  listCategoryChoices,
  type RevisionSnapshot,
} from '@/db/queries/article-editing';
import { parseRowId } from '@/lib/form-fields';
import { diffRevisions, htmlToText, type ComparableRevision } from '@/lib/article-diff';
import { articleStatusLabel, isScheduled } from '@/lib/article-status';
import { canEditArticle, canRestoreRevision, canViewArticleHistory, RESTORE_PUBLISHED_MESSAGE } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Lịch sử bài viết' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function versionFrom(value: string | string[] | undefined): number | undefined {
  return parseRowId(value) ?? undefined;
}

function comparable(snapshot: RevisionSnapshot, categoryNames: Map<number, string>): ComparableRevision {
  return {
    title: snapshot.title ?? '',
    summary: snapshot.summary ?? '',
    byline: snapshot.byline ?? '',
    category: (snapshot.categoryId && categoryNames.get(snapshot.categoryId)) || '',
    bodyText: htmlToText(snapshot.bodyHtml ?? ''),
  };
}

/** "Lịch sử": who changed the article and when, two revisions compared, and "Khôi phục". */
export default async function ArticleHistoryPage({ params, searchParams }: Props) {
  const id = parseRowId((await params).id);
  if (id === null) notFound();
  const user = await requireStaff({ from: routes.staff.articleHistory(id) });
  const article = await getArticleForPreview({ id });
  if (!article || !canViewArticleHistory(user, article)) notFound();

  const [revisions, categories] = await Promise.all([listArticleRevisions({ articleId: article.id }), listCategoryChoices()]);
  const versions = new Set(revisions.map((revision) => revision.version));
  const unrecorded = revisions.length ? Math.min(...revisions.map((revision) => revision.version)) - 1 : article.version;
  const query = await searchParams;
  const asked = [versionFrom(query['tu']), versionFrom(query['den'])];
  const askedValid = asked.every((version) => version !== undefined && versions.has(version));
  const notice =
    (query['tu'] !== undefined || query['den'] !== undefined) && !askedValid
      ? 'Phiên bản cần so sánh không tồn tại, đang so sánh hai phiên bản mới nhất.'
      : null;
  // Older first, whichever order they were chosen in; by default the last change.
  const chosen = askedValid ? (asked as number[]) : [revisions[1]?.version, revisions[0]?.version];
  const [olderVersion, newerVersion] =
    chosen[0] !== undefined && chosen[1] !== undefined && chosen[0] > chosen[1] ? [chosen[1], chosen[0]] : chosen;

  const categoryNames = new Map(categories.map((category) => [category.id, category.name]));
  const [older, newer] = await Promise.all(
    [olderVersion, newerVersion].map((version) => (version === undefined ? null : getArticleRevision({ articleId: article.id, version }))),
  );
  const diff = older && newer ? diffRevisions(comparable(older.snapshot, categoryNames), comparable(newer.snapshot, categoryNames)) : null;
  const mayRestore = canRestoreRevision(user, article);
  const articleHref =
    article.status === 'published' && !isScheduled(article) ? routes.article(article.slug) : routes.staff.preview(article.id);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-bold text-brand-900">Lịch sử: {article.title}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {articleStatusLabel(article)} · phiên bản hiện tại {article.version} ·{' '}
          <Link href={articleHref} className="text-brand-800 underline">
            {canEditArticle(user, article) ? 'Mở bài để chỉnh sửa' : 'Mở bài'}
          </Link>
        </p>
        {!mayRestore && article.status === 'published' && (
          <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">{RESTORE_PUBLISHED_MESSAGE}</p>
        )}
      </div>

      {revisions.length >= 2 && (
        <section aria-labelledby="so-sanh" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="so-sanh" className="mb-3 font-bold">
            So sánh hai phiên bản
          </h2>
          <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <VersionSelect id="so-sanh-tu" name="tu" label="Phiên bản cũ" value={olderVersion} versions={revisions.map((r) => r.version)} />
            <VersionSelect
              id="so-sanh-den"
              name="den"
              label="Phiên bản mới"
              value={newerVersion}
              versions={revisions.map((r) => r.version)}
            />
            <button type="submit" className={buttonClass}>
              So sánh
            </button>
          </form>
          {notice && (
            <p role="alert" className="mb-3 text-sm font-semibold text-amber-900">
              {notice}
            </p>
          )}
          {diff && (
            <div className="space-y-4">
              <p className="text-sm text-slate-700">
                Từ phiên bản {olderVersion} đến phiên bản {newerVersion}: <del className="bg-red-100 text-red-900">phần bị xóa</del>,{' '}
                <ins className="bg-green-100 text-green-900 no-underline">phần thêm vào</ins>.
              </p>
              {diff.every((field) => !field.changed) && <p>Hai phiên bản có cùng nội dung.</p>}
              {diff
                .filter((field) => field.changed)
                .map((field) => (
                  <div key={field.label}>
                    <h3 className="text-sm font-bold">{field.label}</h3>
                    <p className="mt-1 rounded border border-slate-200 bg-slate-50 p-2 break-words whitespace-pre-line">
                      {/* biome-ignore-start lint/suspicious/noArrayIndexKey: a diff's parts have no identity but their place, and the list never reorders */}
                      {field.parts.map((part, i) =>
                        part.removed ? (
                          <del key={i} className="bg-red-100 text-red-900">
                            {part.value}
                          </del>
                        ) : part.added ? (
                          <ins key={i} className="bg-green-100 text-green-900 no-underline">
                            {part.value}
                          </ins>
                        ) : (
                          <span key={i}>{part.value}</span>
                        ),
                      )}
                      {/* biome-ignore-end lint/suspicious/noArrayIndexKey: see above */}
                    </p>
                  </div>
                ))}
              {diff.some((field) => !field.changed) && (
                <p className="text-sm text-slate-600">
                  Không đổi:{' '}
                  {diff
                    .filter((field) => !field.changed)
                    .map((field) => field.label)
                    .join(', ')}
                  .
                </p>
              )}
            </div>
          )}
        </section>
      )}

      <section aria-labelledby="cac-phien-ban" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="cac-phien-ban" className="mb-3 font-bold">
          Các phiên bản ({article.version})
        </h2>
        <ol className="divide-y divide-slate-200">
          {revisions.map((revision) => (
            <li key={revision.id} className="flex flex-col gap-1 py-2 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between">
              <span>
                <strong>Phiên bản {revision.version}</strong>
                {revision.version === article.version && ' (hiện tại)'} · <ArticleTime date={revision.createdAt} /> ·{' '}
                {revision.authorName ?? 'Không rõ người sửa'}
                {revision.note && <span className="block text-sm text-slate-700 sm:inline"> · {revision.note}</span>}
              </span>
              {mayRestore && revision.version !== article.version && (
                <RestoreRevisionButton articleId={article.id} articleVersion={article.version} revision={revision.version} />
              )}
            </li>
          ))}
          {/* The seed and articles imported before "Lịch sử" existed start at a version with no
              saved copy: said here, so the count matches "phiên bản hiện tại". */}
          {unrecorded > 0 && (
            <li className="py-2 text-slate-700">
              <strong>{unrecorded === 1 ? 'Phiên bản 1' : `Phiên bản 1–${unrecorded}`}</strong> · có từ khi bài được nhập vào cổng, không có
              bản lưu để so sánh hay khôi phục.
            </li>
          )}
        </ol>
      </section>
    </div>
  );
}

function VersionSelect({
  id,
  name,
  label,
  value,
  versions,
}: {
  id: string;
  name: string;
  label: string;
  value: number | undefined;
  versions: number[];
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={inputClass}>
        {versions.map((version) => (
          <option key={version} value={version}>
            {version}
          </option>
        ))}
      </select>
    </div>
  );
}
