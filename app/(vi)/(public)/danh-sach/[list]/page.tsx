import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProceduresView, proceduresMetadata } from '../../thu-tuc-hanh-chinh/procedures-view';
import { DocumentsView, documentsMetadata } from '../../van-ban/documents-view';
import { QuestionsView, questionsMetadata } from '../../hoi-dap/questions-view';

// The unfiltered first pages of /van-ban, /thu-tuc-hanh-chinh and /hoi-dap, rewritten here (next.config.ts):
// ISR like the news pages and revalidated on every change (lib/cache-tags.ts). A dynamic segment,
// so `next build` never renders them (and never opens the database). The five minutes also bound
// how late an effect status turns at midnight.
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ list: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { list } = await params;
  if (list === 'van-ban') return documentsMetadata;
  if (list === 'thu-tuc-hanh-chinh') return proceduresMetadata;
  if (list === 'hoi-dap') return questionsMetadata;
  return { title: 'Không tìm thấy trang' };
}

export default async function ListIndexPage({ params }: Props) {
  const { list } = await params;
  if (list === 'van-ban') return <DocumentsView query={{}} />;
  if (list === 'thu-tuc-hanh-chinh') return <ProceduresView query={{}} />;
  if (list === 'hoi-dap') return <QuestionsView query={{}} />;
  notFound();
}
