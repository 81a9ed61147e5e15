export const SETTING_KEYS = {
  site: 'site',
  visitCounterOffset: 'visit_counter_offset',
} as const;

export type SiteInfo = {
  name: string;
  parentName: string;
  description: string;
  address: string;
  phone: string;
  email: string;
};

export const defaultSiteInfo: SiteInfo = {
  name: 'Sở Nội vụ tỉnh An Giang',
  parentName: 'Ủy ban nhân dân tỉnh An Giang',
  description: 'Cổng thông tin điện tử Sở Nội vụ tỉnh An Giang: tin tức, thi đua khen thưởng, cải cách hành chính, tổ chức bộ máy, công chức viên chức.',
  address: 'Số 12 Lê Triệu Kiết, phường Mỹ Bình, thành phố Long Xuyên, tỉnh An Giang',
  phone: '02963.981.818',
  email: '',
};
