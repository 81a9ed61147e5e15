import { robotsResponse } from '@/server/discovery';

// SITE_URL is read when the server runs, not when it is built.
export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  return robotsResponse(request);
}
