import { handleProcedureImport } from '@/server/procedures/import';

export const dynamic = 'force-dynamic';

/** Imports procedures from a CSV, all or nothing: see server/procedures/import.ts. */
export function POST(request: Request): Promise<Response> {
  return handleProcedureImport(request);
}
