import type { LibraryQuery } from '@/lib/library/schemas';

/** Search by title and sort: a plain GET form, so it works before any script loads. */
export function LibrarySearch({ query }: { query: LibraryQuery }) {
  return (
    <form className="library-search" role="search" action="/library" method="get">
      <label>
        Search titles
        <input type="search" name="q" defaultValue={query.q ?? ''} maxLength={200} />
      </label>
      <label>
        Sort
        <select name="sort" defaultValue={query.sort}>
          <option value="recent">Recently updated</option>
          <option value="oldest">Oldest first</option>
          <option value="title">Title A–Z</option>
        </select>
      </label>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
