import { documentFeedResponse } from '@/server/discovery';

export const dynamic = 'force-dynamic';

/** RSS 2.0: the documents most recently put on the portal. */
export function GET(request: Request): Promise<Response> {
  return documentFeedResponse(request);
}
