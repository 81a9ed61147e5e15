'use server';

import { z } from 'zod';
import {
  getCategorySlugById,
  getArticleRevision,
  getEditableArticle,
  insertArticle,
  insertAuditEntry,
  isSlugTaken,
  listCategoryChoices,
  recordSlugChange,
  updateArticleIfVersion,
  wasEverPublished,
  type ArticleChanges,
  type EditableArticle,
} from '@/db/queries/article-editing';
import { getMediaSummary, type MediaSummary } from '@/db/queries/media';
import type { Tx } from '@/db';
import type { SessionUser } from '@/auth';
import { defineAction } from '@/server/define-action';
import { AppError } from '@/lib/errors';
import { rowId } from '@/lib/form-fields';
import { pagesShowingArticle } from '@/lib/cache-tags';
import { listSendBackNotes, type SendBackNote } from '@/db/queries/review';
import {
  canChangeSlug,
  canEditArticle,
  canPublish,
  canPublishArticle,
  canRestoreRevision,
  canSendBackArticle,
  canSubmitArticle,
  canWriteArticles,
  RESTORE_PUBLISHED_MESSAGE,
  type ArticleStatus,
} from '@/lib/permissions';
import { cleanPlainText, sanitizeArticleHtml } from '@/lib/sanitize';
import { isValidSlug, slugify } from '@/lib/slug';
import { fromLocalDateTimeInput } from '@/lib/time';

const id = rowId('Thiếu bài viết.');
const version = rowId('Thiếu phiên bản.');
const plainText = (max: number, tooLong: string) => z.string().default('').transform(cleanPlainText).pipe(z.string().max(max, tooLong));
const title = z
  .string({ error: 'Hãy nhập tiêu đề.' })
  .transform(cleanPlainText)
  .pipe(z.string().min(1, 'Hãy nhập tiêu đề.').max(500, 'Tiêu đề quá dài (tối đa 500 ký tự).'));
const categoryId = rowId('Hãy chọn chuyên mục.');

/** "2018-08-07T07:37" from a datetime-local field, read as Asia/Ho_Chi_Minh time (UTC+7, no DST). */
const publishedAt = z
  .string()
  .optional()
  .transform((value, context) => {
    if (!value?.trim()) return null;
    const date = fromLocalDateTimeInput(value);
    if (!date) {
      context.addIssue({ code: 'custom', message: 'Thời gian xuất bản không hợp lệ.' });
      return z.NEVER;
    }
    return date;
  });

/** The cover image: an id from the library, '' for none; absent leaves the cover as it is. */
const coverMediaId = z.preprocess((value) => (value === '' ? null : value), rowId('Ảnh bìa không hợp lệ.').nullable().optional());

const slug = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .refine((value) => value === undefined || isValidSlug(value), 'Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang.');

export type EditorArticle = Omit<EditableArticle, 'authorId'>;

export type EditorData = {
  article: EditorArticle;
  cover: MediaSummary | null;
  categories: { id: number; name: string }[];
  can: { publish: boolean; submit: boolean; withdraw: boolean; returnToDraft: boolean; changeSlug: boolean };
  /** The last "Trả lại" comment, shown to the author while the article is back in their hands. */
  sendBack: Omit<SendBackNote, 'articleId'> | null;
};

function forEditor(article: EditableArticle): EditorArticle {
  const { authorId: _authorId, ...rest } = article;
  return rest;
}

async function loadForChange(tx: Tx, articleId: number): Promise<EditableArticle> {
  const article = await getEditableArticle({ db: tx, id: articleId, forUpdate: true });
  if (!article) throw new AppError('notFound');
  return article;
}

async function mayEdit({ user, input, tx }: { user: SessionUser; input: { id: number }; tx: Tx }): Promise<boolean> {
  const article = await getEditableArticle({ db: tx, id: input.id, forUpdate: true });
  return Boolean(article && canEditArticle(user, article));
}

/** A free slug from the title: "tieu-de", else "tieu-de-2", "tieu-de-3"… */
async function uniqueSlugFrom(tx: Tx, text: string, articleId?: number): Promise<string> {
  const base = slugify(text) || 'bai-viet';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 190)}-${n}`;
    if (!(await isSlugTaken({ db: tx, slug: candidate, exceptArticleId: articleId }))) return candidate;
  }
  throw new AppError('failed');
}

function revalidationFor(before: EditableArticle, after: EditableArticle) {
  return pagesShowingArticle({ slugs: [before.slug, after.slug], categorySlugs: [before.categorySlug, after.categorySlug] });
}

function conflict(): never {
  throw new AppError('conflict');
}

export const loadArticleForEditing = defineAction({
  roles: canWriteArticles,
  schema: z.object({ id }),
  authorize: mayEdit,
  async run({ user, input, tx }) {
    const article = await loadForChange(tx, input.id);
    const editorial = canPublish(user);
    const data: EditorData = {
      article: forEditor(article),
      cover: article.coverMediaId ? await getMediaSummary({ db: tx, id: article.coverMediaId }) : null,
      categories: (await listCategoryChoices({ db: tx })).map(({ id: categoryId, name }) => ({ id: categoryId, name })),
      can: {
        publish: canPublishArticle(user, article) && article.status !== 'published',
        submit: canSubmitArticle(user, article),
        withdraw: editorial && article.status === 'published',
        returnToDraft: canSendBackArticle(user, article),
        changeSlug: canChangeSlug(user),
      },
      sendBack: null,
    };
    if (article.status === 'draft' || article.status === 'submitted') {
      const [note] = await listSendBackNotes({ db: tx, articleIds: [article.id] });
      if (note) data.sendBack = { comment: note.comment, byName: note.byName, at: note.at };
    }
    return { result: data };
  },
});

export const createArticle = defineAction({
  roles: canWriteArticles,
  schema: z.object({ title, categoryId }),
  // Anyone who writes may start a draft of their own; there is no existing object to check.
  authorize: ({ user }) => canWriteArticles(user),
  async run({ user, input, tx }) {
    if (!(await getCategorySlugById({ db: tx, id: input.categoryId }))) {
      throw new AppError('invalid', { fieldErrors: { categoryId: ['Chuyên mục không tồn tại.'] } });
    }
    const article = await insertArticle({
      db: tx,
      values: { slug: await uniqueSlugFrom(tx, input.title), title: input.title, categoryId: input.categoryId },
      userId: user.id,
    });
    return { result: { id: article.id } };
  },
});

export const saveArticle = defineAction({
  roles: canWriteArticles,
  schema: z.object({
    id,
    version,
    title,
    summary: plainText(2000, 'Tóm tắt quá dài (tối đa 2000 ký tự).'),
    bodyHtml: z.string().max(1_000_000, 'Nội dung quá dài.').default('').transform(sanitizeArticleHtml),
    categoryId,
    byline: plainText(300, 'Tác giả quá dài (tối đa 300 ký tự).'),
    publishedAt,
    slug,
    coverMediaId,
  }),
  authorize: mayEdit,
  async run({ user, input, tx }) {
    const before = await loadForChange(tx, input.id);
    if (before.version !== input.version) conflict();
    if (!(await getCategorySlugById({ db: tx, id: input.categoryId }))) {
      throw new AppError('invalid', { fieldErrors: { categoryId: ['Chuyên mục không tồn tại.'] } });
    }
    if (input.coverMediaId && !(await getMediaSummary({ db: tx, id: input.coverMediaId }))) {
      throw new AppError('invalid', { fieldErrors: { coverMediaId: ['Ảnh bìa không còn trong thư viện ảnh.'] } });
    }

    const everPublished = await wasEverPublished({ db: tx, article: before });
    let newSlug = before.slug;
    if (input.slug && input.slug !== before.slug) {
      if (!canChangeSlug(user)) throw new AppError('forbidden', { fieldErrors: { slug: ['Chỉ biên tập viên được đổi đường dẫn.'] } });
      if (await isSlugTaken({ db: tx, slug: input.slug, exceptArticleId: before.id })) {
        throw new AppError('invalid', { fieldErrors: { slug: ['Đường dẫn này đã được dùng.'] } });
      }
      newSlug = input.slug;
    } else if (!everPublished && input.title !== before.title) {
      // Until its first publication, nobody links to an article: its address follows its title.
      newSlug = await uniqueSlugFrom(tx, input.title, before.id);
    }

    const changes: ArticleChanges = {
      title: input.title,
      summary: input.summary,
      bodyHtml: input.bodyHtml,
      categoryId: input.categoryId,
      byline: input.byline,
      slug: newSlug,
      ...(input.coverMediaId !== undefined ? { coverMediaId: input.coverMediaId } : {}),
      ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    };
    const after = await updateArticleIfVersion({ db: tx, id: before.id, version: input.version, changes, userId: user.id, note: 'Lưu' });
    if (!after) conflict();
    if (everPublished && newSlug !== before.slug) await recordSlugChange({ db: tx, articleId: before.id, oldSlug: before.slug, newSlug });
    return { result: { article: forEditor(after) }, revalidate: revalidationFor(before, after) };
  },
});

type Transition = {
  to: ArticleStatus;
  from: ArticleStatus[];
  allowed: (user: SessionUser, article: EditableArticle) => boolean;
  audit?: string;
  note: string;
};

function statusAction(transition: Transition) {
  return defineAction({
    roles: (user) => (transition.to === 'submitted' ? canWriteArticles(user) : canPublish(user)),
    schema: z.object({ id, version }),
    async authorize({ user, input, tx }) {
      const article = await getEditableArticle({ db: tx, id: input.id, forUpdate: true });
      return Boolean(article && transition.allowed(user, article));
    },
    async run({ user, input, tx }) {
      const before = await loadForChange(tx, input.id);
      if (before.version !== input.version) conflict();
      if (!transition.from.includes(before.status))
        throw new AppError('rejected', { message: 'Bài viết không ở trạng thái cho phép thao tác này.' });
      const changes: ArticleChanges = { status: transition.to };
      if (transition.to === 'published' && !before.publishedAt) changes.publishedAt = new Date();
      const after = await updateArticleIfVersion({
        db: tx,
        id: before.id,
        version: input.version,
        changes,
        userId: user.id,
        note: transition.note,
      });
      if (!after) conflict();
      if (transition.audit) {
        await insertAuditEntry({
          db: tx,
          userId: user.id,
          action: transition.audit,
          objectType: 'article',
          objectId: String(before.id),
          detail: { slug: after.slug, from: before.status },
        });
      }
      return { result: { article: forEditor(after) }, revalidate: revalidationFor(before, after) };
    },
  });
}

export const submitArticle = statusAction({ to: 'submitted', from: ['draft'], allowed: canSubmitArticle, note: 'Gửi duyệt' });

/** A publication time in the future makes it a scheduled article (server/scheduled-publishing.ts). */
export const publishArticle = statusAction({
  to: 'published',
  from: ['draft', 'submitted', 'withdrawn'],
  allowed: canPublishArticle,
  audit: 'article.publish',
  note: 'Xuất bản',
});

export const withdrawArticle = statusAction({
  to: 'withdrawn',
  from: ['published'],
  allowed: (user) => canPublish(user),
  audit: 'article.withdraw',
  note: 'Gỡ bài',
});

/**
 * "Trả lại": a submitted article goes back to its author as a draft, with the editor's comment. The
 * comment is kept in the audit log (and in the revision note), and the author sees it on the article.
 */
export const sendBackArticle = defineAction({
  roles: canPublish,
  schema: z.object({
    id,
    version,
    comment: z
      .string({ error: 'Hãy ghi lý do trả lại để tác giả biết cần sửa gì.' })
      .transform(cleanPlainText)
      .pipe(z.string().min(1, 'Hãy ghi lý do trả lại để tác giả biết cần sửa gì.').max(2000, 'Góp ý quá dài (tối đa 2000 ký tự).')),
  }),
  async authorize({ user, input, tx }) {
    const article = await getEditableArticle({ db: tx, id: input.id, forUpdate: true });
    return Boolean(article && canPublish(user) && canEditArticle(user, article));
  },
  async run({ user, input, tx }) {
    const before = await loadForChange(tx, input.id);
    if (before.version !== input.version) conflict();
    if (!canSendBackArticle(user, before)) throw new AppError('rejected', { message: 'Chỉ trả lại được bài đang chờ duyệt.' });
    const after = await updateArticleIfVersion({
      db: tx,
      id: before.id,
      version: input.version,
      changes: { status: 'draft' },
      userId: user.id,
      note: `Trả lại: ${input.comment}`.slice(0, 2100),
    });
    if (!after) conflict();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'article.return',
      objectType: 'article',
      objectId: String(before.id),
      detail: { slug: after.slug, comment: input.comment },
    });
    return { result: { article: forEditor(after) }, revalidate: revalidationFor(before, after) };
  },
});

/**
 * "Khôi phục": an old revision's content (title, summary, body, category, byline, cover) becomes
 * the article's next version, with its own revision and an audit entry. The status stays as it
 * is; a published article is refused, so its public page changes only when it is published again.
 */
export const restoreRevision = defineAction({
  roles: canWriteArticles,
  schema: z.object({ id, version, revision: rowId('Thiếu phiên bản cần khôi phục.') }),
  authorize: mayEdit,
  async run({ user, input, tx }) {
    const before = await loadForChange(tx, input.id);
    if (before.version !== input.version) conflict();
    if (!canRestoreRevision(user, before)) throw new AppError('rejected', { message: RESTORE_PUBLISHED_MESSAGE });
    const revision = await getArticleRevision({ db: tx, articleId: before.id, version: input.revision });
    if (!revision) throw new AppError('notFound');
    const { snapshot } = revision;

    const categoryId =
      snapshot.categoryId && (await getCategorySlugById({ db: tx, id: snapshot.categoryId })) ? snapshot.categoryId : before.categoryId;
    const coverMediaId =
      snapshot.coverMediaId && (await getMediaSummary({ db: tx, id: snapshot.coverMediaId })) ? snapshot.coverMediaId : null;
    const title = cleanPlainText(snapshot.title ?? before.title) || before.title;
    const changes: ArticleChanges = {
      title,
      // Kept content is cleaned again: the rules may have tightened since it was saved.
      summary: cleanPlainText(snapshot.summary ?? ''),
      bodyHtml: sanitizeArticleHtml(snapshot.bodyHtml ?? ''),
      byline: cleanPlainText(snapshot.byline ?? ''),
      categoryId,
      coverMediaId,
    };
    // An address already given out stays; a never-published draft's address follows its title.
    if (!(await wasEverPublished({ db: tx, article: before })) && title !== before.title)
      changes.slug = await uniqueSlugFrom(tx, title, before.id);

    const note = `Khôi phục phiên bản ${revision.version}`;
    const after = await updateArticleIfVersion({ db: tx, id: before.id, version: input.version, changes, userId: user.id, note });
    if (!after) conflict();
    await insertAuditEntry({
      db: tx,
      userId: user.id,
      action: 'article.restore',
      objectType: 'article',
      objectId: String(before.id),
      detail: { slug: after.slug, restoredVersion: revision.version, newVersion: after.version },
    });
    return { result: { article: forEditor(after) }, revalidate: revalidationFor(before, after) };
  },
});
