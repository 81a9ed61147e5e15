import type { Metadata } from 'next';
import { ContactBlocksEditor } from '@/components/staff/contact-blocks-editor';
import { listContactBlocks } from '@/db/queries/contacts';
import { listPeople, listUnits } from '@/db/queries/agency';
import { personLabel } from '@/lib/agency/names';
import { canManageSite } from '@/lib/permissions';
import { requireStaff } from '@/server/auth/guard';
import { routes } from '@/lib/routes';

export const metadata: Metadata = { title: 'Khối liên hệ' };

export default async function ContactBlocksPage() {
  await requireStaff({ from: routes.staff.contacts, allowed: canManageSite });
  const [blocks, units, persons] = await Promise.all([
    listContactBlocks({ includeHidden: true }),
    listUnits(),
    listPeople({ includeDisabled: true }),
  ]);
  const directory = [
    ...persons.map((p) => ({ value: `person:${p.id}`, label: `Người: ${personLabel(p)}${p.disabled ? ' (ngừng hiển thị)' : ''}` })),
    ...units.map((u) => ({ value: `unit:${u.id}`, label: `Đơn vị: ${u.name}` })),
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold text-brand-900">Khối liên hệ</h1>
      <p className="text-sm text-slate-700">Các khối liên hệ hiện ở cột bên của mọi trang công khai. Thay đổi có hiệu lực ngay khi lưu.</p>
      <ContactBlocksEditor blocks={blocks} directory={directory} />
    </div>
  );
}
