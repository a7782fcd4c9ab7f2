/** Outlines the highlight of the card the reader is working on (its thread open, or
 * chosen from the text). A style rule rather than a class on the mark: the article paints
 * its marks itself and may replace them at any time; the rule applies to whichever mark
 * carries the id. */
export function ActivePassageStyle({ id }: { id: string | null }) {
  if (!id || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  return (
    <style>{`.article mark.hl[data-ids~="${id}"]{outline:3px solid var(--focus);outline-offset:1px}`}</style>
  );
}
