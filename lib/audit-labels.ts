/** What each audit action means, in the words of the admin area (one term per idea, as everywhere on screen). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'article.publish': 'Xuất bản bài viết',
  'article.withdraw': 'Gỡ bài',
  'article.return': 'Trả lại bài viết',
  'article.restore': 'Khôi phục phiên bản bài viết',
  'user.create': 'Thêm tài khoản',
  'user.role': 'Đổi vai trò',
  'user.disable': 'Khóa tài khoản',
  'user.password': 'Đổi mật khẩu',
  'user.temporary-password': 'Đặt mật khẩu tạm thời',
  'user.enable': 'Mở khóa tài khoản',
  'settings.update': 'Sửa thông tin cơ quan',
  'settings.visit_counter_offset': 'Đổi số bắt đầu của Lượt truy cập',
  'category.create': 'Thêm chuyên mục',
  'category.update': 'Sửa chuyên mục',
  'category.move': 'Đổi thứ tự chuyên mục',
  'contact_block.create': 'Thêm khối liên hệ',
  'contact_block.rename': 'Đổi tên khối liên hệ',
  'contact_block.move': 'Đổi thứ tự khối liên hệ',
  'contact_block.delete': 'Xóa khối liên hệ',
  'contact_entry.create': 'Thêm mục liên hệ',
  'contact_entry.update': 'Sửa mục liên hệ',
  'contact_entry.move': 'Đổi thứ tự mục liên hệ',
  'contact_entry.delete': 'Xóa mục liên hệ',
  'org_unit.create': 'Thêm đơn vị',
  'org_unit.update': 'Sửa đơn vị',
  'org_unit.move': 'Chuyển đơn vị',
  'org_unit.reorder': 'Đổi thứ tự đơn vị',
  'org_unit.delete': 'Xóa đơn vị',
  'person.create': 'Thêm cán bộ',
  'person.update': 'Sửa thông tin cán bộ',
  'person.move': 'Chuyển cán bộ sang đơn vị khác',
  'person.reorder': 'Đổi thứ tự cán bộ',
  'person.disable': 'Ngừng hiển thị cán bộ',
  'person.enable': 'Hiển thị lại cán bộ',
  'agency_page.update': 'Sửa trang giới thiệu',
  'document.create': 'Thêm văn bản',
  'document.update': 'Sửa văn bản',
  'document.publish': 'Xuất bản văn bản',
  'document.withdraw': 'Gỡ văn bản',
  'document.file_add': 'Đính kèm tệp vào văn bản',
  'document.file_remove': 'Xóa tệp đính kèm của văn bản',
  'document.import': 'Nhập văn bản từ CSV',
  'document_catalog.create': 'Thêm mục danh mục văn bản',
  'document_catalog.rename': 'Đổi tên mục danh mục văn bản',
  'document_catalog.delete': 'Xóa mục danh mục văn bản',
  'procedure.create': 'Thêm thủ tục hành chính',
  'procedure.update': 'Sửa thủ tục hành chính',
  'procedure.publish': 'Xuất bản thủ tục hành chính',
  'procedure.withdraw': 'Gỡ thủ tục hành chính',
  'procedure.import': 'Nhập thủ tục hành chính từ CSV',
  'setting.public_service_portal': 'Đổi địa chỉ cổng dịch vụ công',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

const MAX_DETAIL_LENGTH = 300;

/** The detail, short and readable: "title: …, slug: …". Values are rendered as text, never HTML. */
export function describeAuditDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail).slice(0, MAX_DETAIL_LENGTH);
  const text = Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…` : text;
}
