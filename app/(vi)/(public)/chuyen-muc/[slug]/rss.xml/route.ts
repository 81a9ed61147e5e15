import { articleFeedResponse } from '@/server/discovery';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

/** RSS 2.0: the latest 50 articles of one category; 404 for an unknown one. */
export async function GET(request: Request, context: Context): Promise<Response> {
  return articleFeedResponse(request, (await context.params).slug);
}
