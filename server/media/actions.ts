'use server';

import { z } from 'zod';
import { getMediaForChange, listArticlesWithCover, listMedia, updateMediaAlt, type MediaListItem } from '@/db/queries/media';
import { defineAction } from '@/server/define-action';
import { AppError } from '@/lib/errors';
import { rowId } from '@/lib/form-fields';
import { pagesShowingArticle } from '@/lib/cache-tags';
import { altText } from '@/lib/media/alt-text';
import { canEditMedia, canWriteArticles } from '@/lib/permissions';

const PAGE_SIZE = 24;

export type LibraryPage = { items: MediaListItem[]; more: boolean };

/** The library in the editor's "Thư viện ảnh": every image, newest first, a page at a time. */
export const listMediaLibrary = defineAction({
  roles: canWriteArticles,
  schema: z.object({ before: rowId('Trang ảnh không hợp lệ.').optional() }),
  // The library is shared by the newsroom: whoever writes may pick any image as a cover.
  authorize: ({ user }) => canWriteArticles(user),
  async run({ input, tx }) {
    const rows = await listMedia({ db: tx, limit: PAGE_SIZE + 1, before: input.before });
    const page: LibraryPage = { items: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE };
    return { result: page };
  },
});

const mediaId = rowId('Thiếu ảnh.');

/** Changes an image's alt text; the published pages that use it as their cover are revalidated. */
export const saveMediaAlt = defineAction({
  roles: canWriteArticles,
  schema: z.object({ id: mediaId, alt: altText }),
  async authorize({ user, input, tx }) {
    const media = await getMediaForChange({ db: tx, id: input.id });
    return Boolean(media && canEditMedia(user, media));
  },
  async run({ input, tx }) {
    const media = await updateMediaAlt({ db: tx, id: input.id, alt: input.alt });
    if (!media) throw new AppError('notFound');
    const pages = await listArticlesWithCover({ db: tx, mediaId: media.id });
    return {
      result: { media },
      revalidate: pages.length ? pagesShowingArticle({ slugs: pages.map((p) => p.slug), categorySlugs: pages.map((p) => p.categorySlug) }) : [],
    };
  },
});
