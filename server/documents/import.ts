import 'server-only';
import { auth } from '@/auth';
import { getDb } from '@/db';
import { insertAuditEntry } from '@/db/queries/article-editing';
import { findExistingDocumentNumbers, findTakenDocumentSlugs, insertDocuments, listDocumentCatalogs } from '@/db/queries/documents';
import { pagesShowingDocument } from '@/lib/cache-tags';
import { MAX_CSV_BYTES, parseDocumentCsv, type CsvProblem } from '@/lib/documents/csv';
import { documentNumberKey, documentSearchText } from '@/lib/documents/rules';
import { AppError } from '@/lib/errors';
import { type Actor, canPublishDocuments } from '@/lib/permissions';
import { slugify } from '@/lib/slug';
import { isSameOrigin } from '@/server/define-action';
import { readForm } from '@/server/media/upload';
import { revalidateTargets } from '@/server/revalidate';

/** One line of the streamed answer: progress while it works, then the report. */
export type ImportEvent =
  | { type: 'progress'; step: string; done: number; total: number }
  | { type: 'done'; ok: true; created: number; published: number }
  | { type: 'done'; ok: false; error: string; problems: CsvProblem[] };

const BATCH = 500;
const MAX_REPORTED = 1000;
const MESSAGES = { tooLarge: 'Tệp CSV quá lớn: tối đa 10 MB mỗi lần nhập.', noFile: 'Hãy chọn tệp CSV để nhập.' };

/** Rolls the transaction back with the report of what is wrong. */
export class ImportRefused extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super('import refused');
  }
}

/**
 * POST /api/quan-tri/van-ban/nhap: a CSV of documents (field `file`), all or nothing. Editors and
 * admins only. Checked like every change (origin, session, role); then every line is checked
 * (fields, catalogue names, numbers repeated in the file or already used) before one transaction
 * writes them all. The answer streams NDJSON: progress lines, then the report, so a large file
 * shows how far it has gone. Any problem writes nothing and lists each line with its problem.
 */
export async function handleDocumentImport(request: Request): Promise<Response> {
  return handleCsvImport(request, canPublishDocuments, (text, userId, onProgress) => importDocuments({ text, userId, onProgress }));
}

/**
 * The HTTP side of a CSV import, shared by documents and procedures: origin, session, role, the
 * file (UTF-8, at most 10 MB), then the import itself streaming NDJSON progress and its report.
 */
export async function handleCsvImport(
  request: Request,
  allowed: (user: Actor) => boolean,
  run: (
    text: string,
    userId: number,
    onProgress: (step: string, done: number, total: number) => void,
  ) => Promise<Extract<ImportEvent, { type: 'done' }>>,
): Promise<Response> {
  let text: string;
  let userId: number;
  try {
    if (!(await isSameOrigin())) throw new AppError('foreignOrigin');
    const user = await auth();
    if (!user) throw new AppError('unauthenticated');
    if (!allowed(user)) throw new AppError('forbidden');
    userId = user.id;
    const form = await readForm(request, MAX_CSV_BYTES + 64 * 1024, MESSAGES);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      throw new AppError('invalid', { message: MESSAGES.noFile, fieldErrors: { file: [MESSAGES.noFile] } });
    if (file.size > MAX_CSV_BYTES)
      throw new AppError('tooLarge', { message: MESSAGES.tooLarge, fieldErrors: { file: [MESSAGES.tooLarge] } });
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const message = 'Tệp không phải UTF-8. Trong Excel, hãy lưu dưới dạng “CSV UTF-8 (Comma delimited)”.';
      throw new AppError('invalid', { message, fieldErrors: { file: [message] } });
    }
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    console.error('[import] Lỗi không mong đợi khi nhập CSV.', error);
    return new AppError('failed').toResponse();
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        send(await run(text, userId, (step, done, total) => send({ type: 'progress', step, done, total })));
      } catch (error) {
        console.error('[import] Lỗi không mong đợi khi nhập CSV.', error);
        send({ type: 'done', ok: false, error: new AppError('failed').message, problems: [] });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** The import itself, without HTTP: the route above and the tests use it. */
export async function importDocuments({
  text,
  userId,
  onProgress = () => {},
}: {
  text: string;
  userId: number;
  onProgress?: (step: string, done: number, total: number) => void;
}): Promise<Extract<ImportEvent, { type: 'done' }>> {
  const catalogs = await listDocumentCatalogs();
  const { documents, problems } = parseDocumentCsv(text, catalogs);
  onProgress('Đã đọc và kiểm tra từng dòng', documents.length + problems.length, documents.length + problems.length);
  const refuse = (list: CsvProblem[]) => ({
    type: 'done' as const,
    ok: false as const,
    error: `Chưa nhập văn bản nào: ${list.length} dòng có lỗi. Hãy sửa rồi nhập lại cả tệp.`,
    problems: list.sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED),
  });
  if (problems.length > 0) return refuse(problems);

  const db = await getDb();
  try {
    const written = await db.transaction(async (tx) => {
      // Numbers already used by the same issuer.
      const keys = documents.map((document) => documentNumberKey(document.fields.number));
      const existing = await findExistingDocumentNumbers({ db: tx, numberKeys: keys });
      const used = new Map(existing.map((row) => [`${row.issuerId}\t${row.numberKey}`, row.number]));
      const duplicates = documents.flatMap((document, i) => {
        const number = used.get(`${document.fields.issuerId}\t${keys[i]}`);
        return number ? [{ line: document.line, message: `Cơ quan ban hành này đã có văn bản số ${number} trên cổng.` }] : [];
      });
      if (duplicates.length > 0) throw new ImportRefused(duplicates);

      // Addresses: "quyet-dinh-15-2024-qd-ubnd", with "-2"… when taken on the portal or earlier in the file.
      const typeNames = new Map(catalogs.types.map((type) => [type.id, type.name]));
      const bases = documents.map((document) => slugify(`${typeNames.get(document.fields.typeId)} ${document.fields.number}`) || 'van-ban');
      const candidates = bases.flatMap((base) => [base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`]);
      const taken = await findTakenDocumentSlugs({ db: tx, slugs: candidates });
      const slugs = bases.map((base, i) => {
        const free =
          [base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`].find((slug) => !taken.has(slug)) ??
          `${base}-${documents[i]!.line}-${Date.now().toString(36)}`;
        taken.add(free);
        return free;
      });

      let published = 0;
      const now = new Date();
      for (let start = 0; start < documents.length; start += BATCH) {
        const rows = documents.slice(start, start + BATCH).map((document, offset) => {
          const { relations: _relations, ...fields } = document.fields;
          if (document.status === 'published') published++;
          return {
            ...fields,
            numberKey: keys[start + offset]!,
            searchText: documentSearchText(fields),
            slug: slugs[start + offset]!,
            authorId: userId,
            status: document.status,
            publishedAt: document.status === 'published' ? now : null,
          };
        });
        await insertDocuments({ db: tx, rows });
        onProgress('Đang ghi văn bản', Math.min(start + BATCH, documents.length), documents.length);
      }
      await insertAuditEntry({
        db: tx,
        userId,
        action: 'document.import',
        objectType: 'document',
        objectId: 'csv',
        detail: { created: documents.length, published },
      });
      return { created: documents.length, published };
    });
    // The new documents' own pages have never been rendered; the home page and every document page may show them.
    if (written.published > 0) await revalidateTargets(pagesShowingDocument({ slugs: [] }));
    return { type: 'done', ok: true, ...written };
  } catch (error) {
    if (error instanceof ImportRefused) return refuse(error.problems);
    throw error;
  }
}
