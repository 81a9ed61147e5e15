import type { ContactBlockWithEntries } from '@/db/queries/contacts';
import { ContactBlock } from './contact-block';

export function Sidebar({ blocks, children }: { blocks: ContactBlockWithEntries[]; children?: React.ReactNode }) {
  return (
    <aside aria-label="Thông tin liên hệ và thống kê" className="space-y-5 print:hidden">
      {blocks.map((block) => (
        <ContactBlock key={block.id} block={block} />
      ))}
      {children}
    </aside>
  );
}
