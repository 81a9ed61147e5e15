import { QuestionsView, questionsMetadata } from './questions-view';

/**
 * Hỏi đáp with filters: rendered per request (any query is possible and caching each would write a
 * file per address tried). Without a filter, /hoi-dap is rewritten to its cached first page
 * (next.config.ts).
 */
export const dynamic = 'force-dynamic';

export const metadata = questionsMetadata;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QuestionsPage({ searchParams }: Props) {
  return <QuestionsView query={await searchParams} />;
}
