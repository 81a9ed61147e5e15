import '../globals.css';
import { SiteFooter } from '@/components/layout/site-footer';
import { getSiteInfo } from '@/db/queries/settings';
import { bodyClass, englishRootMetadata, rootViewport } from '../root-metadata';

export const metadata = englishRootMetadata;
export const viewport = rootViewport;

/**
 * The English pages (/en, /en/organisation, /en/contacts): a root layout of their own so the
 * document itself is <html lang="en">. Each page draws its header, which knows the Vietnamese
 * page to switch to.
 */
export default async function EnglishLayout({ children }: { children: React.ReactNode }) {
  const site = await getSiteInfo();
  return (
    <html lang="en">
      <body className={bodyClass}>
        {children}
        <SiteFooter site={site} lang="en" />
      </body>
    </html>
  );
}
