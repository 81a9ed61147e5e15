import { articleFeedResponse } from '@/server/discovery';

// Read from the database on request: `next build` never opens it.
export const dynamic = 'force-dynamic';

/** RSS 2.0: the latest 50 articles. */
export function GET(request: Request): Promise<Response> {
  return articleFeedResponse(request);
}
