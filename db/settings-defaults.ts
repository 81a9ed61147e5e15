export const SETTING_KEYS = {
  site: 'site',
  visitCounterOffset: 'visit_counter_offset',
} as const;

export type SiteInfo = {
  name: string;
  /** The department's name on the English pages. */
  nameEn: string;
  parentName: string;
  description: string;
  /** Empty until an admin enters it: the footer shows only what the department has given. */
  address: string;
  phone: string;
  email: string;
  /** "Người chịu trách nhiệm" (Thông tư 32/2017/TT-BTTTT art. 16), empty until entered. */
  responsiblePerson: string;
  /** The licence line ("Giấy phép số …"), empty until entered. */
  licence: string;
};

export const defaultSiteInfo: SiteInfo = {
  name: 'Sở Nội vụ tỉnh An Giang',
  nameEn: 'Department of Home Affairs of An Giang Province',
  parentName: 'Ủy ban nhân dân tỉnh An Giang',
  description:
    'Cổng thông tin điện tử Sở Nội vụ tỉnh An Giang: tin tức, thi đua khen thưởng, cải cách hành chính, tổ chức bộ máy, công chức viên chức.',
  address: '',
  phone: '',
  email: '',
  responsiblePerson: '',
  licence: '',
};
