import { ProceduresView, proceduresMetadata } from './procedures-view';

/** Thủ tục hành chính with filters: rendered per request like /van-ban; without one, the cached first page. */
export const dynamic = 'force-dynamic';

export const metadata = proceduresMetadata;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProceduresPage({ searchParams }: Props) {
  return <ProceduresView query={await searchParams} />;
}
