/** What the directory components say, in the page's language. */
export type Lang = 'vi' | 'en';

export const LABELS = {
  vi: {
    phone: 'Điện thoại',
    email: 'Email',
    duties: 'Nhiệm vụ được phân công',
    noContact: 'Chưa có số điện thoại, email.',
    people: 'Cán bộ',
    emptyTree: 'Chưa có đơn vị nào. Quản trị viên thêm các đơn vị tại Quản trị → Giới thiệu.',
    untranslated: '',
  },
  en: {
    phone: 'Phone',
    email: 'Email',
    duties: 'Duties',
    noContact: 'No phone number or email yet.',
    people: 'Staff',
    emptyTree: 'No units have been entered yet.',
    // Said to screen readers where the Vietnamese name stands in for a missing translation.
    untranslated: 'Vietnamese name',
  },
} as const;
