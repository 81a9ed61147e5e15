export function SectionHeading({ id, children, href }: { id: string; children: React.ReactNode; href?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3 border-b-2 border-brand-700 pb-1.5">
      <h2 id={id} className="text-lg font-bold uppercase text-brand-800">
        {children}
      </h2>
      {href && (
        <a href={href} className="shrink-0 text-sm text-brand-700 hover:underline">
          Xem thêm<span className="sr-only"> {children}</span>
        </a>
      )}
    </div>
  );
}
