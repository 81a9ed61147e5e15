import { sitemapResponse } from '@/server/discovery';

export const dynamic = 'force-dynamic';

/** The XML site map (or its index beyond 50,000 addresses). */
export function GET(request: Request): Promise<Response> {
  return sitemapResponse(request);
}
