/** "0983.570.009" → "tel:0983570009": keeps the digits (and a leading +) of a number as shown. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a href={telHref(phone)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
      {phone}
    </a>
  );
}

export function EmailLink({ email }: { email: string }) {
  return (
    <a href={`mailto:${email}`} className="[overflow-wrap:anywhere] text-brand-700 underline-offset-2 hover:underline">
      {email}
    </a>
  );
}
