import type { DirectoryPerson, DirectoryUnit } from '@/lib/agency/directory';
import type { TreeNode } from '@/lib/agency/tree';
import { ContactLines } from './contact-lines';
import type { DirectoryEditing } from './directory-editing';
import type { Lang } from './labels';
import { Translated } from './translated';

type Node = TreeNode<DirectoryUnit & { people: DirectoryPerson[] }>;

function UnitItem({ node, lang, editing }: { node: Node; lang: Lang; editing?: DirectoryEditing }) {
  return (
    <li>
      <div className="org-node rounded border border-slate-300 bg-white p-3 text-left">
        <p className="font-bold text-brand-900 [overflow-wrap:anywhere]">
          <Translated en={node.nameEn} vi={node.name} lang={lang} />
        </p>
        {(node.phones.length > 0 || node.email) && <ContactLines phones={node.phones} email={node.email} lang={lang} />}
        {editing?.unit?.(node.id)}
        {node.people.length > 0 && (
          <ul className="mt-2 space-y-2 border-t border-slate-200 pt-2">
            {node.people.map((person) => (
              <li key={person.id} className="text-sm">
                <p className="[overflow-wrap:anywhere]">
                  <span className="font-semibold">{person.fullName}</span>
                  {(person.title || person.titleEn) && (
                    <>
                      {' – '}
                      <Translated en={person.titleEn} vi={person.title} lang={lang} />
                    </>
                  )}
                </p>
                {(person.phones.length > 0 || person.email) && <ContactLines phones={person.phones} email={person.email} lang={lang} />}
                {editing?.person?.(person.id)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {node.children.length > 0 && (
        <ul className="org-children mt-3 space-y-3 border-l-2 border-slate-300 pl-4">
          {node.children.map((child) => (
            <UnitItem key={child.id} node={child} lang={lang} editing={editing} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The organisation as one nested list (what a screen reader and a printer get), drawn as a chart
 * on wide screens by CSS alone (`.org-chart` in globals.css): the department on top, its units in
 * a row beneath, deeper levels listed under each. One DOM for every reader, no client code.
 * With `editing` (an admin's staff view) it stays the nested list, with room for the forms.
 */
export function OrgTree({
  rootName,
  nodes,
  lang,
  label,
  editing,
}: {
  rootName: string;
  nodes: Node[];
  lang: Lang;
  label: string;
  editing?: DirectoryEditing;
}) {
  return (
    <ul aria-label={label} className={editing ? undefined : 'org-chart'}>
      <li>
        <p className="org-node org-root rounded bg-brand-800 p-3 text-center font-bold uppercase text-white print:border print:border-black print:bg-white print:text-black">
          {rootName}
        </p>
        {nodes.length > 0 && (
          <ul className="org-top mt-3 space-y-3">
            {nodes.map((node) => (
              <UnitItem key={node.id} node={node} lang={lang} editing={editing} />
            ))}
          </ul>
        )}
      </li>
    </ul>
  );
}
