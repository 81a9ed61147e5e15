import { routes } from '@/lib/routes';
import { SectionShell, type SectionLayoutProps } from '../../section-layout';

export default function ContactLayout(props: SectionLayoutProps) {
  return <SectionShell section={routes.contact} {...props} />;
}
