import type { Metadata } from 'next';

export { SectionNotFound as default } from '../../../section-layout';
export const metadata: Metadata = { title: 'Không tìm thấy trang' };
