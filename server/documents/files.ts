import 'server-only';
import { createHash } from 'node:crypto';
import { auth } from '@/auth';
import { getDb } from '@/db';
import { insertAuditEntry } from '@/db/queries/article-editing';
import {
  getDocumentAccess,
  getDocumentFileBytes,
  getDocumentFileForServing,
  insertDocumentFile,
  type DocumentFileSummary,
} from '@/db/queries/documents';
import { getConsultation } from '@/db/queries/consultations';
import { pagesShowingConsultation, pagesShowingDocument } from '@/lib/cache-tags';
import { consultationState } from '@/lib/documents/consultation';
import {
  checkDocumentFile,
  cleanFileName,
  contentDisposition,
  FILE_MESSAGES,
  MAX_DOCUMENT_FILE_BYTES,
  parseRange,
} from '@/lib/documents/file-type';
import { AppError } from '@/lib/errors';
import { canEditDocument, canModerateComments, canWriteDocuments } from '@/lib/permissions';
import { isSameOrigin } from '@/server/define-action';
import { readForm } from '@/server/media/upload';
import { revalidateTargets } from '@/server/revalidate';

const MULTIPART_OVERHEAD = 64 * 1024;

export type DocumentFileUploadResult = { ok: true; file: DocumentFileSummary };

/**
 * POST /api/quan-tri/van-ban/tep: one file (field `file`) for document `documentId`. A file of up to
 * 20 MB is too large for a server action's body, so it comes here, through the same checks in
 * the same order: origin, session, role, input, then the document's own permission and the write
 * (description, bytes and audit row) in one transaction.
 */
export async function handleDocumentFileUpload(request: Request): Promise<Response> {
  try {
    if (!(await isSameOrigin())) throw new AppError('foreignOrigin');
    const user = await auth();
    if (!user) throw new AppError('unauthenticated');
    if (!canWriteDocuments(user)) throw new AppError('forbidden');

    const form = await readForm(request, MAX_DOCUMENT_FILE_BYTES + MULTIPART_OVERHEAD, {
      tooLarge: FILE_MESSAGES.tooLarge,
      noFile: FILE_MESSAGES.noFile,
    });
    const documentId = Number(form.get('documentId'));
    // The summary report of the comments on a draft ("Góp ý dự thảo") is stored and served like an attached file.
    const purpose = form.get('purpose') === 'comment_report' ? 'comment_report' : 'attachment';
    if (purpose === 'comment_report' && !canModerateComments(user)) throw new AppError('forbidden');
    if (!Number.isInteger(documentId) || documentId <= 0 || documentId > 2_147_483_647)
      throw new AppError('notFound', { message: 'Không tìm thấy văn bản này.' });
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      throw new AppError('invalid', { message: FILE_MESSAGES.noFile, fieldErrors: { file: [FILE_MESSAGES.noFile] } });
    const fileName = cleanFileName(file.name);
    const bytes = Buffer.from(await file.arrayBuffer());
    const check = checkDocumentFile(fileName, bytes);
    if (!check.ok) {
      throw new AppError(check.tooLarge ? 'tooLarge' : 'unsupportedType', {
        message: check.message,
        fieldErrors: { file: [check.message] },
      });
    }

    const db = await getDb();
    const { stored, revalidate } = await db.transaction(async (tx) => {
      const document = await getDocumentAccess({ db: tx, id: documentId });
      if (!document) throw new AppError('notFound', { message: 'Không tìm thấy văn bản này.' });
      if (!canEditDocument(user, document)) throw new AppError('forbidden');
      if (purpose === 'comment_report') {
        const consultation = await getConsultation({ db: tx, documentId });
        if (!consultation) throw new AppError('rejected', { message: 'Văn bản này không lấy ý kiến góp ý.' });
        if (consultationState(consultation) !== 'closed') {
          throw new AppError('rejected', { message: 'Chỉ đính kèm báo cáo tổng hợp sau khi hết thời gian góp ý.' });
        }
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const stored = await insertDocumentFile({
        db: tx,
        documentId,
        fileName,
        mimeType: check.mime,
        sha256,
        data: bytes,
        uploadedBy: user.id,
        purpose,
      });
      await insertAuditEntry({
        db: tx,
        userId: user.id,
        action: purpose === 'comment_report' ? 'document.report_add' : 'document.file_add',
        objectType: 'document',
        objectId: String(documentId),
        detail: { fileName, bytes: bytes.length },
      });
      const pages = purpose === 'comment_report' ? pagesShowingConsultation : pagesShowingDocument;
      return { stored, revalidate: document.status === 'published' ? pages({ slugs: [document.slug] }) : [] };
    });
    await revalidateTargets(revalidate);
    const result: DocumentFileUploadResult = { ok: true, file: stored };
    return Response.json(result, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof AppError) return error.toResponse();
    console.error('[documents] Lỗi không mong đợi khi tải tệp lên.', error);
    return new AppError('failed').toResponse();
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * GET /tep-van-ban/<id>[?xem=1]: an attached file of a published document. A file never changes
 * (a new upload is a new id), so its hash is a strong ETag; Range lets a PDF viewer seek. Files of
 * drafts and withdrawn documents are a 404 to the public; staff who may edit the document get
 * them (to check an upload before publishing).
 */
export async function serveDocumentFile(request: Request, params: { id: string }): Promise<Response> {
  if (!/^[1-9][0-9]{0,8}$/.test(params.id)) return plain(404, 'Không tìm thấy tệp.');
  const id = Number(params.id);
  try {
    const file = await getDocumentFileForServing({ id });
    if (!file) return plain(404, 'Không tìm thấy tệp.');
    const isPublic = file.documentStatus === 'published';
    if (!isPublic) {
      const user = await auth();
      if (!user || !canWriteDocuments(user)) return plain(404, 'Không tìm thấy tệp.');
    }
    const inline = new URL(request.url).searchParams.get('xem') === '1' && file.mimeType === 'application/pdf';
    const etag = `"${file.sha256}"`;
    const headers: Record<string, string> = {
      ETag: etag,
      'Accept-Ranges': 'bytes',
      'Content-Type': file.mimeType,
      'Content-Disposition': contentDisposition(file.fileName, inline),
      'X-Content-Type-Options': 'nosniff',
      // Public files may be kept a while but checked again (a withdrawn document's files must stop being served).
      'Cache-Control': isPublic ? 'public, max-age=0, must-revalidate' : 'private, no-store',
    };
    if (
      request.headers
        .get('if-none-match')
        ?.split(',')
        .some((tag) => tag.trim() === etag || tag.trim() === '*')
    ) {
      return new Response(null, { status: 304, headers });
    }
    const data = await getDocumentFileBytes({ id });
    if (!data) return plain(404, 'Không tìm thấy tệp.');
    // A Range with If-Range naming another version gets the whole file (RFC 9110 §13.1.5).
    const ifRange = request.headers.get('if-range');
    const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), data.length);
    if (range === 'unsatisfiable') {
      return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${data.length}` } });
    }
    if (range) {
      const part = data.subarray(range.start, range.end + 1);
      return new Response(new Uint8Array(part), {
        status: 206,
        headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${data.length}`, 'Content-Length': String(part.length) },
      });
    }
    const body = request.method === 'HEAD' ? null : new Uint8Array(data);
    return new Response(body, { headers: { ...headers, 'Content-Length': String(data.length) } });
  } catch (error) {
    console.error('[documents] Không phục vụ được tệp.', error);
    return new Response('Tạm thời không tải được tệp.', { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } });
  }
}
