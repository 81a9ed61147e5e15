import { handleDocumentFileUpload } from '@/server/documents/files';

export const dynamic = 'force-dynamic';

/** Attaches a file to a document: see server/documents/files.ts for every check it makes. */
export function POST(request: Request): Promise<Response> {
  return handleDocumentFileUpload(request);
}
