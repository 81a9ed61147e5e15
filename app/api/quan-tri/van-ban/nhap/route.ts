import { handleDocumentImport } from '@/server/documents/import';

export const dynamic = 'force-dynamic';

/** Imports documents from a CSV, all or nothing: see server/documents/import.ts. */
export function POST(request: Request): Promise<Response> {
  return handleDocumentImport(request);
}
