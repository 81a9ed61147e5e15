import { sitemapPartResponse } from '@/server/discovery';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ part: string }> };

/** One part of the site map index: /sitemap/trang.xml, /sitemap/tin-tuc-2.xml, … */
export async function GET(request: Request, context: Context): Promise<Response> {
  return sitemapPartResponse(request, (await context.params).part);
}
