import type { Metadata, Viewport } from 'next';
import { defaultSiteInfo } from '@/db/settings-defaults';
import { siteUrl } from '@/lib/site-url';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: { default: defaultSiteInfo.name, template: `%s | ${defaultSiteInfo.name}` },
  description: defaultSiteInfo.description,
  openGraph: { siteName: defaultSiteInfo.name, locale: 'vi_VN', type: 'website' },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#063b70' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
