import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INDEXED_SEARCH_TYPES } from '../lib/search/results';

/** PostgreSQL's full-text vector, for the site search's index (search_entries). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------

// 'answerer' (Cán bộ trả lời): answers the questions assigned to their unit (users.unit_id), nothing else.
export const userRole = pgEnum('user_role', ['admin', 'editor', 'author', 'stats_viewer', 'answerer']);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: userRole('role').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  // Bumped when a user is disabled or changes role, so existing JWTs stop working at once.
  sessionVersion: integer('session_version').notNull().default(0),
  // Set when an admin gives a temporary password: until its owner picks a new one, the account
  // can do nothing but change it.
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  // The unit of the directory whose questions a Cán bộ trả lời answers; null for the other roles.
  unitId: integer('unit_id').references((): AnyPgColumn => orgUnits.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------

export const categories = pgTable('categories', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
  inMenu: boolean('in_menu').notNull().default(true),
});

export const articleStatus = pgEnum('article_status', ['draft', 'submitted', 'published', 'withdrawn']);

export const media = pgTable('media', {
  id: serial('id').primaryKey(),
  sha256: text('sha256').notNull().unique(),
  mimeType: text('mime_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  alt: text('alt').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  // The image's address (/media/<public_key>/640.webp): random, so the images of drafts cannot be
  // found by counting ids.
  publicKey: text('public_key').notNull().unique().default(sql`replace(gen_random_uuid()::text, '-', '')`),
  createdAt: createdAt(),
});

/** Raw bytes: a Buffer with postgres.js, a Uint8Array with PGlite; always a Buffer to our code. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

/**
 * The original bytes of each image, in the database so every app process over it serves the same
 * files and nothing is lost with a machine's disk. A table of its own keeps listings of `media`
 * from ever reading megabytes; resized variants are derived and cached, never stored here.
 */
export const mediaBlobs = pgTable('media_blobs', {
  mediaId: integer('media_id')
    .primaryKey()
    .references(() => media.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    byline: text('byline').notNull().default(''),
    coverMediaId: integer('cover_media_id').references(() => media.id),
    status: articleStatus('status').notNull().default('draft'),
    // Not read since issue #18 (the home page is newest first); staff have no way to set it.
    featured: boolean('featured').notNull().default(false),
    // Synthetic articles made by `npm run seed:demo` are marked so they can never pass for news.
    synthetic: boolean('synthetic').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    authorId: integer('author_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('articles_published_idx').on(t.status, t.publishedAt.desc()),
    index('articles_category_published_idx').on(t.categoryId, t.status, t.publishedAt.desc()),
  ],
);

export const articleSlugRedirects = pgTable('article_slug_redirects', {
  oldSlug: text('old_slug').primaryKey(),
  articleId: integer('article_id')
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
});

export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    authorId: integer('author_id').references(() => users.id),
    snapshot: jsonb('snapshot').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('article_revisions_article_version_idx').on(t.articleId, t.version)],
);

// ---------------------------------------------------------------------------
// Sidebar contact blocks and site settings
// ---------------------------------------------------------------------------

export const contactBlocks = pgTable('contact_blocks', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  position: integer('position').notNull().default(0),
});

/**
 * A line of a sidebar block. It either points at the directory (a person or a unit: its name,
 * numbers and email are read from there, so a number is stored once and changes everywhere), or
 * is a free entry for a contact outside the department ("Phòng Tổng hợp - UBND tỉnh") with its
 * own name, phones and email. For a linked entry `name` is an optional label that replaces the
 * name the directory would give ('' = the directory's).
 */
export const contactEntries = pgTable(
  'contact_entries',
  {
    id: serial('id').primaryKey(),
    blockId: integer('block_id')
      .notNull()
      .references(() => contactBlocks.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    // Several numbers are allowed ("02963.957.049 - 0378.247.247"): kept as shown, split for tel: links.
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    personId: integer('person_id').references((): AnyPgColumn => people.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id').references((): AnyPgColumn => orgUnits.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('contact_entries_block_idx').on(t.blockId, t.position),
    check('contact_entries_one_source', sql`${t.personId} is null or ${t.unitId} is null`),
  ],
);

// ---------------------------------------------------------------------------
// The agency: its units (a tree), its people, and its "Giới thiệu" texts
// ---------------------------------------------------------------------------

/**
 * Units of the department as a tree with an order among siblings. `version` guards concurrent
 * edits; moves are checked for cycles in server code (lib/org-tree.ts) under a lock of the table.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgUnits.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    // English name for /en; '' shows the Vietnamese name.
    nameEn: text('name_en').notNull().default(''),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('org_units_parent_idx').on(t.parentId, t.position)],
);

export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
    // "Ông" / "Bà" as the old sidebar names people; may be empty.
    honorific: text('honorific').notNull().default(''),
    fullName: text('full_name').notNull(),
    title: text('title').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    photoMediaId: integer('photo_media_id').references(() => media.id, { onDelete: 'set null' }),
    duties: text('duties').notNull().default(''),
    // Shown on "Lãnh đạo" and in the English contacts.
    leader: boolean('leader').notNull().default(false),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('people_unit_idx').on(t.unitId, t.position)],
);

/** The rich-text pages of "Giới thiệu" (overview, functions, history; the English introduction). */
export const agencyPages = pgTable('agency_pages', {
  key: text('key').primaryKey(),
  bodyHtml: text('body_html').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

export const siteSettings = pgTable('site_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

// ---------------------------------------------------------------------------
// Visit statistics: aggregates only. No IP address, no user agent, no raw event rows.
// ---------------------------------------------------------------------------

/** Totals per day (Asia/Ho_Chi_Minh calendar day). */
export const visitDaily = pgTable('visit_daily', {
  day: date('day', { mode: 'string' }).primaryKey(),
  pageViews: bigint('page_views', { mode: 'number' }).notNull().default(0),
  visits: bigint('visits', { mode: 'number' }).notNull().default(0),
  visitors: bigint('visitors', { mode: 'number' }).notNull().default(0),
  newVisitors: bigint('new_visitors', { mode: 'number' }).notNull().default(0),
});

/** Page views and visits per hour, for the "today by hour" chart. */
export const visitHourly = pgTable('visit_hourly', {
  hour: timestamp('hour', { withTimezone: true }).primaryKey(),
  pageViews: bigint('page_views', { mode: 'number' }).notNull().default(0),
  visits: bigint('visits', { mode: 'number' }).notNull().default(0),
});

/**
 * Page views per day and page. Only pages that exist are kept by path; every other path is
 * folded into one row, so random URLs cannot grow the table.
 */
export const pageViewDaily = pgTable(
  'page_view_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    path: text('path').notNull(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'set null' }),
    views: bigint('views', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.path] }), index('page_view_daily_article_idx').on(t.articleId, t.day)],
);

export const visitDimension = pgEnum('visit_dimension', ['referrer', 'device', 'browser', 'os']);

/** Visits per day by where they came from and what they came with. */
export const visitDimensionDaily = pgTable(
  'visit_dimension_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    dimension: visitDimension('dimension').notNull(),
    value: text('value').notNull(),
    visits: bigint('visits', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.dimension, t.value] }),
    // The dashboard reads one dimension over a range of days: an index-only scan of just those rows.
    index('visit_dimension_daily_dimension_day_idx').on(t.dimension, t.day, t.value, t.visits),
  ],
);

/**
 * Running totals of page_view_daily per page: views from the first day through `through`, at
 * checkpoints (the 8th, 15th, 22nd and last day of each month, and each of the last five weeks).
 * Views over any range are C(to) - C(from - 1), each C read from the nearest checkpoint plus or
 * minus at most 4 days of page_view_daily, so five years cost the dashboard as little as a week. Built on demand by
 * db/queries/stats.ts; `page_view_checkpoint` keeps each checkpoint's total, checked against
 * visit_daily, so a late write to an old day (a batch held back through an outage) is noticed and
 * the checkpoints from that day on are rebuilt. article_id is 0 for pages that are not articles;
 * no foreign key, so a deleted article simply stops matching.
 */
export const pageViewCumulative = pgTable(
  'page_view_cumulative',
  {
    through: date('through', { mode: 'string' }).notNull(),
    path: text('path').notNull(),
    articleId: integer('article_id').notNull().default(0),
    views: bigint('views', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.through, t.path, t.articleId] }),
    // Per-article totals for the admin article list.
    index('page_view_cumulative_article_idx').on(t.articleId, t.through, t.views),
  ],
);

/** The checkpoints page_view_cumulative holds, with visit_daily's page views through each. */
export const pageViewCheckpoint = pgTable('page_view_checkpoint', {
  through: date('through', { mode: 'string' }).primaryKey(),
  pageViews: bigint('page_views', { mode: 'number' }).notNull(),
});

/**
 * The last page view of each visitor seen in the last ~25 hours: decides where a visit starts
 * (30 minutes of silence), whether a visitor is new today, and who is online (5 minutes).
 * The id is a random cookie value, not personal data; old rows are pruned on every flush.
 */
export const visitorPresence = pgTable(
  'visitor_presence',
  {
    visitorId: text('visitor_id').primaryKey(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull(),
  },
  (t) => [index('visitor_presence_last_seen_idx').on(t.lastSeen)],
);

/**
 * The id of every visit batch written in the last day, claimed in the transaction that writes the
 * batch. When the connection drops while a commit is under way the process cannot tell whether the
 * batch was written; it retries under the same id, and a claimed id means "already counted".
 */
export const visitBatches = pgTable(
  'visit_batches',
  {
    id: uuid('id').primaryKey(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('visit_batches_written_at_idx').on(t.writtenAt)],
);

// ---------------------------------------------------------------------------
// Security and audit
// ---------------------------------------------------------------------------

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: serial('id').primaryKey(),
    // "email:<address>" or "client:<hash>"; a hash, never a raw IP address.
    key: text('key').notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('login_attempts_key_idx').on(t.key, t.createdAt)],
);

/**
 * Submissions of the public forms (questions, comments on drafts, ratings, lookups of a tracking
 * code), kept a few days for the per-client limit and duplicate detection only: the client is an
 * HMAC of its address ("client:<hash>", as for logins), never the address; the fingerprint is a
 * hash of the folded text, never the text.
 */
export const publicFormSubmissions = pgTable(
  'public_form_submissions',
  {
    id: serial('id').primaryKey(),
    form: text('form').notNull(),
    clientKey: text('client_key').notNull(),
    fingerprint: text('fingerprint'),
    createdAt: createdAt(),
  },
  (t) => [
    index('public_form_submissions_client_idx').on(t.form, t.clientKey, t.createdAt),
    index('public_form_submissions_fingerprint_idx').on(t.form, t.fingerprint, t.createdAt),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    detail: jsonb('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

// ---------------------------------------------------------------------------
// Văn bản: the department's legal and administrative documents (Nghị định 42/2022, art. 4.1a)
// ---------------------------------------------------------------------------

/**
 * The lists an editor picks from: Loại văn bản, Cơ quan ban hành, Lĩnh vực, and Người ký (offered
 * as suggestions: a document keeps the signer's name and position as written on it).
 */
export const documentCatalogKind = pgEnum('document_catalog_kind', ['type', 'issuer', 'field', 'signer']);

export const documentCatalog = pgTable(
  'document_catalog',
  {
    id: serial('id').primaryKey(),
    kind: documentCatalogKind('kind').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('document_catalog_kind_name_idx').on(t.kind, t.name)],
);

/** Authors only ever hold drafts; "withdrawn" keeps a document's address and history while hiding it. */
export const documentStatus = pgEnum('document_status', ['draft', 'published', 'withdrawn']);

export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    /** Số/Ký hiệu as written: "42/2022/NĐ-CP". */
    number: text('number').notNull(),
    /**
     * The number folded (lib/search-text.ts) with spaces removed: one number per issuing authority,
     * whatever the accents or spacing it was typed with.
     */
    numberKey: text('number_key').notNull(),
    typeId: integer('type_id')
      .notNull()
      .references(() => documentCatalog.id),
    issuerId: integer('issuer_id')
      .notNull()
      .references(() => documentCatalog.id),
    fieldId: integer('field_id').references(() => documentCatalog.id),
    signerName: text('signer_name').notNull().default(''),
    signerTitle: text('signer_title').notNull().default(''),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** Null: in effect from the day of issue. */
    effectiveOn: date('effective_on', { mode: 'string' }),
    /** The first day it is no longer in effect; null while nothing ends it. */
    expiresOn: date('expires_on', { mode: 'string' }),
    summary: text('summary').notNull(),
    /** Number and trích yếu folded as lib/search-text.ts folds a query: written with every change. */
    searchText: text('search_text').notNull(),
    status: documentStatus('status').notNull().default('draft'),
    // Synthetic documents made by `npm run seed:demo` are marked so they can never pass for real ones.
    synthetic: boolean('synthetic').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    authorId: integer('author_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('documents_issuer_number_idx').on(t.issuerId, t.numberKey),
    index('documents_public_list_idx').on(t.status, t.issuedOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('documents_type_idx').on(t.typeId, t.issuedOn.desc().nullsFirst()),
    index('documents_field_idx').on(t.fieldId, t.issuedOn.desc().nullsFirst()),
  ],
);

/** The attached files' descriptions; their bytes are in document_file_blobs, like images'. */
/**
 * What a file of a document is: one of its attached files, or the summary report of the comments
 * on it as a draft (Góp ý dự thảo), shown with the comments once the window has closed.
 */
export const documentFilePurpose = pgEnum('document_file_purpose', ['attachment', 'comment_report']);

export const documentFiles = pgTable(
  'document_files',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    purpose: documentFilePurpose('purpose').notNull().default('attachment'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('document_files_document_idx').on(t.documentId, t.position)],
);

export const documentFileBlobs = pgTable('document_file_blobs', {
  fileId: integer('file_id')
    .primaryKey()
    .references(() => documentFiles.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});

/** "replaces" and "amends" point from the newer document to the older; "Bị thay thế bởi" is the reverse of "replaces". */
export const documentRelationKind = pgEnum('document_relation_kind', ['replaces', 'amends', 'related']);

export const documentRelations = pgTable(
  'document_relations',
  {
    fromId: integer('from_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    toId: integer('to_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    kind: documentRelationKind('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.kind] }), index('document_relations_to_idx').on(t.toId)],
);

// ---------------------------------------------------------------------------
// Góp ý dự thảo: a published document offered for public comment between two instants
// (Nghị định 42/2022/NĐ-CP art. 8.1c)
// ---------------------------------------------------------------------------

/**
 * The comment window of a document that is a draft for comment. Instants, typed and shown in
 * Asia/Ho_Chi_Minh (lib/time.ts); the form takes comments while opens_at <= now < closes_at.
 */
export const documentConsultations = pgTable(
  'document_consultations',
  {
    documentId: integer('document_id')
      .primaryKey()
      .references(() => documents.id, { onDelete: 'cascade' }),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('document_consultations_closes_idx').on(t.closesAt, t.opensAt),
    check('document_consultations_window', sql`${t.opensAt} < ${t.closesAt}`),
  ],
);

/** Waiting for a moderator, shown under the draft, or kept out of public view (never deleted: the report counts it). */
export const commentStatus = pgEnum('comment_status', ['pending', 'published', 'hidden']);

/**
 * A comment on a draft. The email is for the department to reply: never shown publicly, never
 * exported, and erased (set to '') some months after the window closes (db/queries/consultations.ts).
 */
export const documentComments = pgTable(
  'document_comments',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    organisation: text('organisation').notNull().default(''),
    content: text('content').notNull(),
    status: commentStatus('status').notNull().default('pending'),
    moderatedBy: integer('moderated_by').references(() => users.id),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('document_comments_document_idx').on(t.documentId, t.status, t.createdAt)],
);

// ---------------------------------------------------------------------------
// Đánh giá cổng thông tin: visitors rate the portal (Nghị định 42/2022/NĐ-CP art. 8.1d)
// ---------------------------------------------------------------------------

/**
 * One rating, 1–5 on four criteria. `visitor_id` is the random id of the visitor cookie
 * (server/visits/cookie.ts), no personal data: it only enforces one rating per 30 days.
 */
export const portalRatings = pgTable(
  'portal_ratings',
  {
    id: serial('id').primaryKey(),
    visitorId: text('visitor_id').notNull(),
    design: integer('design').notNull(),
    content: integer('content').notNull(),
    quality: integer('quality').notNull(),
    support: integer('support').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('portal_ratings_visitor_idx').on(t.visitorId, t.createdAt),
    index('portal_ratings_created_idx').on(t.createdAt),
    check(
      'portal_ratings_scores',
      sql`${t.design} between 1 and 5 and ${t.content} between 1 and 5 and ${t.quality} between 1 and 5 and ${t.support} between 1 and 5`,
    ),
  ],
);

// ---------------------------------------------------------------------------
// Thủ tục hành chính: the department's administrative procedures (Nghị định 42/2022, art. 4.1c)
// ---------------------------------------------------------------------------

export const procedureLevel = pgEnum('procedure_level', ['province', 'district', 'commune']);

export const procedures = pgTable(
  'procedures',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    /** Mã thủ tục as the national database writes it ("1.001234"); unique. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** Lĩnh vực: an entry of the documents' field list, shared by both modules. */
    fieldId: integer('field_id').references(() => documentCatalog.id),
    level: procedureLevel('level').notNull(),
    steps: text('steps').notNull().default(''),
    dossier: text('dossier').notNull().default(''),
    processingTime: text('processing_time').notNull().default(''),
    fees: text('fees').notNull().default(''),
    /** One legal basis per line; lines naming a published document's number link to it. */
    legalBasis: text('legal_basis').notNull().default(''),
    /** Code and name folded like a query (lib/search-text.ts). */
    searchText: text('search_text').notNull(),
    status: documentStatus('status').notNull().default('draft'),
    synthetic: boolean('synthetic').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    authorId: integer('author_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The public list is ordered by name; the index serves that order for every filter mix.
    index('procedures_public_list_idx').on(t.status, t.name, t.id),
    index('procedures_field_idx').on(t.fieldId, t.level),
  ],
);

// ---------------------------------------------------------------------------
// Hỏi đáp: questions from the public, tracked by a code, answered by a unit (Nghị định 42/2022, art. 8.1a)
// ---------------------------------------------------------------------------

/** Đã tiếp nhận · Đang xử lý · Đã trả lời · Không tiếp nhận (lib/questions.ts). */
export const questionStatus = pgEnum('question_status', ['received', 'processing', 'answered', 'refused']);

export const questions = pgTable(
  'questions',
  {
    id: serial('id').primaryKey(),
    /** SHA-256 of the tracking code (lib/questions/code.ts): the code itself is never stored. */
    codeHash: text('code_hash').notNull().unique(),
    askerName: text('asker_name').notNull(),
    /** Never public, never exported; set to null by the erasure job N months after closing. */
    email: text('email'),
    phone: text('phone'),
    fieldId: integer('field_id').references(() => documentCatalog.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    content: text('content').notNull(),
    status: questionStatus('status').notNull().default('received'),
    unitId: integer('unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    /** Sanitised (lib/sanitize.ts) on save. */
    answerHtml: text('answer_html').notNull().default(''),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    refusalReason: text('refusal_reason').notNull().default(''),
    /** When it was answered or refused: the erasure of personal data counts from here. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    /** Set while the pair is public on /hoi-dap; its address is /hoi-dap/<slug>. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    slug: text('slug').unique(),
    /** The asker's name as written, or as initials ("N. V. A."), on the public page. */
    showFullName: boolean('show_full_name').notNull().default(false),
    /** Title, question and answer folded like a query (lib/search-text.ts): written on publication. */
    searchText: text('search_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('questions_queue_idx').on(t.status, t.createdAt),
    index('questions_unit_idx').on(t.unitId, t.status, t.createdAt),
    index('questions_public_idx').on(t.publishedAt.desc().nullsLast(), t.id.desc()),
    index('questions_closed_idx').on(t.closedAt),
  ],
);

// ---------------------------------------------------------------------------------------------
// Site search (/tim-kiem): one narrow row per public item, written by the database itself
// ---------------------------------------------------------------------------------------------

/**
 * The site search's index: one row per public article, document, procedure and published question,
 * kept by triggers on those tables (drizzle/0014_search_entries_triggers.sql), so no write path can
 * forget it. Searched through one GIN index per kind, the newest of a kind through a B-tree by
 * date (db/queries/search/entries.ts). A search visits every matching row, so the row is kept narrow:
 * its words without positions or weights (half the size), the rest in search_texts, read only for
 * the few rows being ranked and for phrases.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    /** The SearchType of lib/search/results.ts: 'tin-tuc', 'van-ban', 'thu-tuc', 'hoi-dap'. */
    kind: text('kind').notNull(),
    refId: integer('ref_id').notNull(),
    /** The date a result shows and is ordered by (newest first). */
    shownAt: timestamp('shown_at', { withTimezone: true }),
    /** Not found before this time (an article scheduled for later); null: found now. */
    visibleFrom: timestamp('visible_from', { withTimezone: true }),
    /** Its folded whole words (lib/search-text.ts searchWordsText), each once: strip(search_texts.words). */
    words: tsvector('words').notNull(),
  },
  // The id first in the key: no query filters on the kind alone. The newest of a kind, walked
  // with the words checked row by row, rank a query found in thousands of items faster than the
  // words index finds and sorts them all (db/queries/search/entries.ts).
  (t) => [
    primaryKey({ columns: [t.refId, t.kind] }),
    // The words, one index per kind: a count stops at SEARCH_COUNT_CAP without reading the other
    // kinds' matches.
    ...INDEXED_SEARCH_TYPES.map((kind) =>
      index(`search_entries_words_${kind.replace('-', '_')}_idx`)
        .using('gin', t.words)
        .where(sql.raw(`kind = '${kind}'`)),
    ),
    index('search_entries_newest_idx').on(t.kind, t.shownAt.desc().nullsLast(), t.refId.desc()),
  ],
);

/** The wide half of a search_entries row, written with it. */
export const searchTexts = pgTable(
  'search_texts',
  {
    kind: text('kind').notNull(),
    refId: integer('ref_id').notNull(),
    /** The folded words with their positions (phrases), the title's weighted A (a match in the title ranks first). */
    words: tsvector('words').notNull(),
    /** Title (and summary) in lower case with their diacritics: exact-diacritic matches rank first. */
    exactText: text('exact_text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.refId, t.kind] })],
);

export type User = typeof users.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;
export type Media = typeof media.$inferSelect;
export type ContactBlock = typeof contactBlocks.$inferSelect;
export type ContactEntry = typeof contactEntries.$inferSelect;
export type OrgUnit = typeof orgUnits.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type Procedure = typeof procedures.$inferSelect;
