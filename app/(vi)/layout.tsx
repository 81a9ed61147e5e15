import '../globals.css';
import { bodyClass, rootViewport, vietnameseRootMetadata } from '../root-metadata';

export const metadata = vietnameseRootMetadata;
export const viewport = rootViewport;

/**
 * The root layout of everything in Vietnamese (the public site, login and /quan-tri). The English
 * pages have their own root layout, app/(en)/layout.tsx, so each document says its language.
 */
export default function VietnameseRootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body className={bodyClass}>{children}</body>
    </html>
  );
}
