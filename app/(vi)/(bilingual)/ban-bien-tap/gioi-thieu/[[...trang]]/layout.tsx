import { routes } from '@/lib/routes';
import { SectionShell, type SectionLayoutProps } from '../../../section-layout';

export default function AboutLayout(props: SectionLayoutProps) {
  return <SectionShell section={routes.about.home} {...props} />;
}
