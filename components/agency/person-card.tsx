import type { DirectoryPerson } from '@/lib/agency/directory';
import { responsiveImage } from '@/lib/media/urls';
import { ContactLines } from './contact-lines';
import { LABELS, type Lang } from './labels';
import { Translated } from './translated';

/** A leader as "Lãnh đạo" and the English contacts show them: photo, position, contacts, duties. */
export function PersonCard({ person, lang, headingLevel = 2 }: { person: DirectoryPerson; lang: Lang; headingLevel?: 2 | 3 }) {
  const t = LABELS[lang];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const name = [lang === 'vi' ? person.honorific : '', person.fullName].filter(Boolean).join(' ');
  return (
    <article
      aria-labelledby={`nguoi-${person.id}`}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row print:break-inside-avoid"
    >
      {person.photo && (
        // Our own resized variants, as for article covers: no client code on the page.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          {...responsiveImage(person.photo, '8rem')}
          alt={person.photo.alt}
          loading="lazy"
          className="h-40 w-32 shrink-0 rounded object-cover"
        />
      )}
      <div className="min-w-0 space-y-2">
        <Heading id={`nguoi-${person.id}`} className="text-lg font-bold text-brand-900 [overflow-wrap:anywhere]">
          {name}
        </Heading>
        {(person.title || person.titleEn) && (
          <p className="font-semibold text-slate-800 [overflow-wrap:anywhere]">
            <Translated en={person.titleEn} vi={person.title} lang={lang} />
          </p>
        )}
        <ContactLines phones={person.phones} email={person.email} lang={lang} />
        {lang === 'vi' && person.duties && (
          <div className="text-sm">
            <p className="font-semibold">{t.duties}:</p>
            <p className="whitespace-pre-line [overflow-wrap:anywhere]">{person.duties}</p>
          </div>
        )}
      </div>
    </article>
  );
}
