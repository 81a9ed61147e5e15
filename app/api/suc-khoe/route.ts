import { pingDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** Health check for load balancers and the test runner: answers 200 once the database is ready. */
export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ ok: false, error: 'Cơ sở dữ liệu chưa sẵn sàng.' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
