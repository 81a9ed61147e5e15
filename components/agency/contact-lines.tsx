import { EmailLink, PhoneLink } from '@/components/ui/contact-links';
import { LABELS, type Lang } from './labels';

/** A record's numbers (shown as typed, dialled as digits) and email; says so when it has none. */
export function ContactLines({ phones, email, lang }: { phones: string[]; email: string | null; lang: Lang }) {
  const t = LABELS[lang];
  if (phones.length === 0 && !email) return <p className="text-sm text-slate-600">{t.noContact}</p>;
  return (
    <div className="space-y-0.5 text-sm">
      {phones.length > 0 && (
        <p>
          {t.phone}:{' '}
          {phones.map((phone, i) => (
            <span key={phone}>
              {i > 0 && ' - '}
              <PhoneLink phone={phone} />
            </span>
          ))}
        </p>
      )}
      {email && (
        <p>
          {t.email}: <EmailLink email={email} />
        </p>
      )}
    </div>
  );
}
