import type { DirectoryPerson, DirectoryUnit } from '@/lib/agency/directory';
import { flattenTree, type TreeNode } from '@/lib/agency/tree';
import { ContactLines } from './contact-lines';
import type { DirectoryEditing } from './directory-editing';
import { LABELS, type Lang } from './labels';
import { Translated } from './translated';

type Node = TreeNode<DirectoryUnit & { people: DirectoryPerson[] }>;

/**
 * The contact directory by unit, in the tree's order: one section per unit with its own numbers
 * and its people's. Headings go one level deeper per level of the tree, down to h6.
 */
export function DirectoryList({
  nodes,
  lang,
  baseLevel = 2,
  editing,
}: {
  nodes: Node[];
  lang: Lang;
  baseLevel?: 2 | 3;
  editing?: DirectoryEditing;
}) {
  const t = LABELS[lang];
  return (
    <div className="space-y-4">
      {flattenTree(nodes).map((unit) => {
        const level = Math.min(6, baseLevel + unit.depth - 1);
        const Heading = `h${level}` as 'h2';
        const headingId = `don-vi-${unit.id}`;
        return (
          <section
            key={unit.id}
            aria-labelledby={headingId}
            className="rounded-lg border border-slate-200 bg-white p-4 print:break-inside-avoid"
          >
            <Heading id={headingId} className="font-bold text-brand-900 [overflow-wrap:anywhere]">
              <Translated en={unit.nameEn} vi={unit.name} lang={lang} />
            </Heading>
            {(unit.phones.length > 0 || unit.email) && <ContactLines phones={unit.phones} email={unit.email} lang={lang} />}
            {editing?.unit?.(unit.id)}
            {unit.people.length > 0 && (
              <ul aria-label={t.people} className="mt-2 divide-y divide-slate-100">
                {unit.people.map((person) => (
                  <li key={person.id} className="py-2">
                    <p className="[overflow-wrap:anywhere]">
                      <span className="font-semibold">{person.fullName}</span>
                      {(person.title || person.titleEn) && (
                        <>
                          {' – '}
                          <Translated en={person.titleEn} vi={person.title} lang={lang} />
                        </>
                      )}
                    </p>
                    <ContactLines phones={person.phones} email={person.email} lang={lang} />
                    {editing?.person?.(person.id, 'danh-ba')}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
