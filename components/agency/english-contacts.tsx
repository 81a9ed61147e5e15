import type { SiteInfo } from '@/db/settings-defaults';
import type { DirectoryPerson, DirectoryUnit } from '@/lib/agency/directory';
import type { TreeNode } from '@/lib/agency/tree';
import { EmailLink, PhoneLink } from '@/components/ui/contact-links';
import type { DirectoryEditing } from './directory-editing';
import { DirectoryList } from './directory-list';
import { PersonCard } from './person-card';

type Node = TreeNode<DirectoryUnit & { people: DirectoryPerson[] }>;

/** /en/contacts: the department's address, its leaders' contacts, then every unit's. */
export function EnglishContacts({
  site,
  leaders,
  nodes,
  editing,
}: {
  site: SiteInfo;
  leaders: DirectoryPerson[];
  nodes: Node[];
  editing?: DirectoryEditing;
}) {
  return (
    <div className="space-y-5">
      <section aria-labelledby="en-address" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="en-address" className="font-bold text-brand-900">
          {site.nameEn || site.name}
        </h2>
        <address className="mt-1 space-y-0.5 text-sm not-italic">
          {site.address ? (
            <p>
              Address: <span lang="vi">{site.address}</span>
            </p>
          ) : (
            <p className="text-slate-600">The department has not yet provided its address.</p>
          )}
          {site.phone && (
            <p>
              Phone: <PhoneLink phone={site.phone} />
            </p>
          )}
          {site.email && (
            <p>
              Email: <EmailLink email={site.email} />
            </p>
          )}
        </address>
      </section>
      <section aria-labelledby="en-leaders" className="space-y-3">
        <h2 id="en-leaders" className="text-lg font-bold text-brand-900">
          Leadership
        </h2>
        {leaders.length > 0 ? (
          leaders.map((person) => (
            <div key={person.id} className="space-y-2">
              <PersonCard person={person} lang="en" headingLevel={3} />
              {editing?.person?.(person.id, 'lanh-dao')}
            </div>
          ))
        ) : (
          <p>No leaders have been entered yet.</p>
        )}
      </section>
      <section aria-labelledby="en-units" className="space-y-3">
        <h2 id="en-units" className="text-lg font-bold text-brand-900">
          Units
        </h2>
        {nodes.length > 0 ? (
          <DirectoryList nodes={nodes} lang="en" baseLevel={3} editing={editing} />
        ) : (
          <p>No units have been entered yet.</p>
        )}
      </section>
    </div>
  );
}
