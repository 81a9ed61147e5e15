import type { AuditSubject } from '@/lib/audit-labels';

/** One entry of each action the portal records, with the detail its action writes. */
export const AUDIT_SAMPLES: AuditSubject[] = [
  { action: 'article.publish', objectType: 'article', objectId: '3', detail: { slug: 'a', from: 'draft' }, objectName: 'Bài A' },
  { action: 'article.withdraw', objectType: 'article', objectId: '3', detail: { slug: 'a', from: 'published' }, objectName: 'Bài A' },
  { action: 'article.return', objectType: 'article', objectId: '3', detail: { slug: 'a', comment: 'Thiếu nguồn.' }, objectName: null },
  { action: 'article.restore', objectType: 'article', objectId: '3', detail: { slug: 'a', restoredVersion: 2, newVersion: 5 }, objectName: 'Bài A' },
  { action: 'user.create', objectType: 'user', objectId: '2', detail: { role: 'author' }, objectName: 'Lan (lan@example.vn)' },
  { action: 'user.role', objectType: 'user', objectId: '2', detail: { role: 'stats_viewer' }, objectName: 'Lan (lan@example.vn)' },
  { action: 'user.disable', objectType: 'user', objectId: '2', detail: null, objectName: 'Lan (lan@example.vn)' },
  { action: 'user.enable', objectType: 'user', objectId: '2', detail: null, objectName: 'Lan (lan@example.vn)' },
  {
    action: 'settings.update',
    objectType: 'settings',
    objectId: 'site',
    detail: { from: { name: 'Sở', address: 'https://sonoivu.angiang.gov.vn/a-very-long-address-without-spaces' }, to: { name: 'Sở Nội vụ', address: 'https://sonoivu.angiang.gov.vn/a-very-long-address-without-spaces' } },
    objectName: null,
  },
  { action: 'settings.visit_counter_offset', objectType: 'settings', objectId: 'visit_counter_offset', detail: { from: 0, to: 52623 }, objectName: null },
  { action: 'category.create', objectType: 'category', objectId: '4', detail: { name: 'Văn bản mới', slug: 'van-ban-moi', inMenu: true }, objectName: 'Văn bản mới' },
  { action: 'category.update', objectType: 'category', objectId: '4', detail: { from: { name: 'A', inMenu: true }, to: { name: 'B', inMenu: false } }, objectName: 'B' },
  { action: 'category.move', objectType: 'category', objectId: '4', detail: { direction: 'up' }, objectName: 'B' },
  { action: 'contact_block.create', objectType: 'contact_block', objectId: '2', detail: { title: 'Đường dây nóng' }, objectName: 'Đường dây nóng' },
  { action: 'contact_block.rename', objectType: 'contact_block', objectId: '2', detail: { from: 'A', to: 'B' }, objectName: 'B' },
  { action: 'contact_block.move', objectType: 'contact_block', objectId: '2', detail: { direction: 'down' }, objectName: 'B' },
  { action: 'contact_block.delete', objectType: 'contact_block', objectId: '2', detail: { title: 'B', entries: 3 }, objectName: null },
  { action: 'contact_entry.create', objectType: 'contact_entry', objectId: '7', detail: { blockId: 2, name: 'Ông A', phones: ['0296 3981 818'], email: null }, objectName: 'Ông A' },
  { action: 'contact_entry.update', objectType: 'contact_entry', objectId: '7', detail: { from: { name: 'Ông A', phones: [], email: null }, to: { name: 'Ông A', phones: ['1'], email: 'a@b.vn' } }, objectName: 'Ông A' },
  { action: 'contact_entry.move', objectType: 'contact_entry', objectId: '7', detail: { direction: 'up' }, objectName: 'Ông A' },
  { action: 'contact_entry.delete', objectType: 'contact_entry', objectId: '7', detail: { name: 'Ông A', phones: ['0296 3981 818'], email: null }, objectName: null },
  { action: 'media.delete', objectType: 'media', objectId: '9', detail: { alt: 'Ảnh hội nghị' }, objectName: null },
];
