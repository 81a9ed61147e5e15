import type { ContactBlockWithEntries } from '@/db/queries/contacts';
import { EmailLink, PhoneLink } from '@/components/ui/contact-links';
import { isProcedureFeedbackBlock } from '@/lib/procedures';
import { routes } from '@/lib/routes';

export function ContactBlock({ block }: { block: ContactBlockWithEntries }) {
  const headingId = `khoi-lien-he-${block.id}`;
  return (
    <section aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <h2 id={headingId} className="bg-brand-700 px-4 py-2.5 text-sm font-bold uppercase text-white">
        {block.title}
      </h2>
      <ol className="divide-y divide-slate-100">
        {block.entries.map((entry, index) => (
          <li key={entry.id} className="flex gap-3 px-4 py-3 text-sm">
            <span
              aria-hidden="true"
              className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-bold text-brand-800"
            >
              {index + 1}
            </span>
            <div className="min-w-0 space-y-0.5">
              <p className="font-semibold">{entry.name}</p>
              {entry.phones.length > 0 && (
                <p>
                  Điện thoại:{' '}
                  {entry.phones.map((phone, i) => (
                    <span key={phone}>
                      {i > 0 && ' - '}
                      <PhoneLink phone={phone} />
                    </span>
                  ))}
                </p>
              )}
              {entry.email && (
                <p>
                  Email: <EmailLink email={entry.email} />
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
      {isProcedureFeedbackBlock(block.title) && (
        <p className="border-t border-slate-100 px-4 py-2.5 text-sm">
          <a href={routes.procedures()} className="font-semibold text-brand-700 underline">
            Tra cứu thủ tục hành chính
          </a>
        </p>
      )}
    </section>
  );
}
