import type { MarkedText } from '@/lib/search/results';

/** Text with the found words in <mark>. */
export function Marked({ pieces }: { pieces: MarkedText }) {
  return pieces.map((piece, index) =>
    piece.mark ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text never reorder
      <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
        {piece.text}
      </mark>
    ) : (
      piece.text
    ),
  );
}
