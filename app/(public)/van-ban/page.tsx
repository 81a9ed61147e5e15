import { DocumentsView, documentsMetadata } from './documents-view';

/**
 * Văn bản with filters: rendered per request, because any query is possible and caching each would
 * write a file per address tried (the query is indexed and measured by `npm run bench`). Without
 * a filter, /van-ban is rewritten to its cached first page (next.config.ts).
 */
export const dynamic = 'force-dynamic';

export const metadata = documentsMetadata;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DocumentsPage({ searchParams }: Props) {
  return <DocumentsView query={await searchParams} />;
}
