/**
 * Who may do what: the one place. Actions, pages and tests all ask these functions; the proxy and
 * the UI never decide on their own.
 */
export type Role = 'admin' | 'editor' | 'author' | 'stats_viewer';
export type ArticleStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';
export type Actor = { id: number; role: Role };
export type ArticleAccess = { authorId: number | null; status: ArticleStatus };

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị viên',
  editor: 'Biên tập viên',
  author: 'Phóng viên',
  stats_viewer: 'Người xem thống kê',
};

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Chờ duyệt',
  published: 'Đã xuất bản',
  withdrawn: 'Đã gỡ',
};

const isEditorial = (user: Actor) => user.role === 'admin' || user.role === 'editor';

/** Staff who write: everyone but statistics viewers. */
export function canWriteArticles(user: Actor): boolean {
  return isEditorial(user) || user.role === 'author';
}

/** Editors and admins edit any article; authors only their own, and only before publication. */
export function canEditArticle(user: Actor, article: ArticleAccess): boolean {
  if (isEditorial(user)) return true;
  return user.role === 'author' && article.authorId === user.id && (article.status === 'draft' || article.status === 'submitted');
}

/** Sees a not-yet-public article: whoever may edit it. */
export function canPreviewArticle(user: Actor, article: ArticleAccess): boolean {
  return canEditArticle(user, article);
}

/** An article's history ("Lịch sử"): whoever may edit it. */
export function canViewArticleHistory(user: Actor, article: ArticleAccess): boolean {
  return canEditArticle(user, article);
}

/**
 * "Khôi phục" writes an old revision back as the article's content. A published article's public
 * page must not change until it is published again, so it is restored only once it is withdrawn
 * (or not yet published).
 */
export const RESTORE_PUBLISHED_MESSAGE = 'Bài đang xuất bản: hãy Gỡ bài trước khi khôi phục, rồi xuất bản lại khi đã kiểm tra.';

export function canRestoreRevision(user: Actor, article: ArticleAccess): boolean {
  return article.status !== 'published' && canEditArticle(user, article);
}

export function canSubmitArticle(user: Actor, article: ArticleAccess): boolean {
  return article.status === 'draft' && canEditArticle(user, article);
}

export function canPublish(user: Actor): boolean {
  return isEditorial(user);
}

/**
 * A second person approves: an editor never publishes their own article (they send it for review
 * like anyone else); an admin may, as the last resort of a small newsroom. Authors never publish.
 */
export function canPublishArticle(user: Actor, article: Pick<ArticleAccess, 'authorId'>): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'editor' && article.authorId !== user.id;
}

/** Sending a submitted article back to its author: any editor, with a comment. */
export function canSendBackArticle(user: Actor, article: ArticleAccess): boolean {
  return isEditorial(user) && article.status === 'submitted';
}

/** The review queue ("Chờ duyệt") is for those who can approve. */
export function canReviewArticles(user: Actor): boolean {
  return isEditorial(user);
}

/** A published article's address changes only by an editor's explicit choice. */
export function canChangeSlug(user: Actor): boolean {
  return isEditorial(user);
}

/** An image's own fields (its alt text): editors and admins for any image, authors for their uploads. */
export function canEditMedia(user: Actor, media: { uploadedBy: number | null }): boolean {
  if (isEditorial(user)) return true;
  return user.role === 'author' && media.uploadedBy === user.id;
}

/**
 * Replacing an image changes every page that shows it, so whoever replaces it must be allowed to
 * change each of them: the image itself (canEditMedia), every article using it, and the directory
 * (portraits, Giới thiệu pages: admins) when it appears there.
 */
export function canReplaceMedia(
  user: Actor,
  media: { uploadedBy: number | null },
  usage: { articles: ArticleAccess[]; people: unknown[]; pages: unknown[] },
): boolean {
  if (!canEditMedia(user, media)) return false;
  if (!usage.articles.every((article) => canEditArticle(user, article))) return false;
  return (usage.people.length === 0 && usage.pages.length === 0) || canManageAgency(user);
}

export function canManageUsers(user: Actor): boolean {
  return user.role === 'admin';
}

/** Sidebar contact blocks, site settings, the category menu and the audit log. */
export function canManageSite(user: Actor): boolean {
  return user.role === 'admin';
}

export function canViewStatistics(user: Actor): boolean {
  return user.role === 'admin' || user.role === 'stats_viewer';
}

/** The directory (units, people) and the Giới thiệu pages: admins, as for the sidebar it feeds. */
export function canManageAgency(user: Actor): boolean {
  return user.role === 'admin';
}

/** Văn bản: everyone who writes may draft one; only editors and admins publish or withdraw. */
export function canWriteDocuments(user: Actor): boolean {
  return canWriteArticles(user);
}

/** Editors and admins edit any document; authors only their own, and only while it is a draft. */
export function canEditDocument(user: Actor, document: { authorId: number | null; status: 'draft' | 'published' | 'withdrawn' }): boolean {
  if (isEditorial(user)) return true;
  return user.role === 'author' && document.authorId === user.id && document.status === 'draft';
}

export function canPublishDocuments(user: Actor): boolean {
  return isEditorial(user);
}

/** The lists of Loại văn bản, Cơ quan ban hành and Lĩnh vực: those who publish documents. */
export function canManageDocumentCatalogs(user: Actor): boolean {
  return isEditorial(user);
}

/** Thủ tục hành chính follow the documents' rules: authors draft, editors and admins publish. */
export const canWriteProcedures = canWriteDocuments;
export const canPublishProcedures = canPublishDocuments;
export const canEditProcedure = canEditDocument;
