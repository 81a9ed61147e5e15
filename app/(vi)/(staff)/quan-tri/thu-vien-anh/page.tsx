import type { Metadata } from 'next';
import { ArticleTime } from '@/components/article/article-time';
import { LibraryUpload } from '@/components/media/library-upload';
import { MediaDeleteButton } from '@/components/media/media-delete-button';
import { MediaReplaceButton } from '@/components/media/media-replace-button';
import { listMedia } from '@/db/queries/media';
import { formatNumber } from '@/lib/format-number';
import { parseRowId } from '@/lib/form-fields';
import { mediaUrl } from '@/lib/media/urls';
import { canEditMedia, canWriteArticles } from '@/lib/permissions';
import { routes } from '@/lib/routes';
import { requireStaff } from '@/server/auth/guard';

export const metadata: Metadata = { title: 'Thư viện ảnh' };

const PAGE_SIZE = 60;

type Props = { searchParams: Promise<{ truoc?: string }> };

/** The newsroom's images, newest first: upload here, or from the editor's "Thư viện ảnh". */
export default async function MediaLibraryPage({ searchParams }: Props) {
  const user = await requireStaff({ from: routes.staff.media(), allowed: canWriteArticles, denied: 'staffHome' });
  const before = parseRowId((await searchParams).truoc) ?? undefined;
  const rows = await listMedia({ limit: PAGE_SIZE + 1, before });
  const items = rows.slice(0, PAGE_SIZE);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold text-brand-900">Thư viện ảnh</h1>
      <section aria-labelledby="tai-anh-len" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tai-anh-len" className="mb-3 font-bold">
          Tải ảnh lên
        </h2>
        <LibraryUpload />
      </section>
      <section aria-labelledby="danh-sach-anh" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="danh-sach-anh" className="mb-3 font-bold">
          Ảnh trong thư viện
        </h2>
        {items.length === 0 ? (
          <p>Thư viện chưa có ảnh nào.</p>
        ) : (
          <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {items.map((item) => (
              <li key={item.id} className="text-sm">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={mediaUrl(item.key, 320)}
                  alt={item.alt}
                  width={item.width}
                  height={item.height}
                  loading="lazy"
                  className="aspect-[4/3] w-full rounded bg-slate-100 object-cover"
                />
                <p className="mt-1 font-semibold">{item.alt}</p>
                <p className="text-slate-600">
                  {formatNumber(item.width)} × {formatNumber(item.height)} · {formatNumber(Math.ceil(item.bytes / 1024))} KB
                  <br />
                  <ArticleTime date={item.createdAt} />
                  {item.uploaderName ? ` · ${item.uploaderName}` : ''}
                </p>
                {canEditMedia(user, item) && (
                  <div className="flex flex-wrap gap-2">
                    <MediaReplaceButton id={item.id} alt={item.alt} />
                    <MediaDeleteButton id={item.id} alt={item.alt} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {rows.length > PAGE_SIZE && (
          <p className="mt-4">
            <a className="font-semibold text-brand-800 underline" href={routes.staff.media(items[items.length - 1]!.id)}>
              Xem thêm
            </a>
          </p>
        )}
      </section>
    </div>
  );
}
