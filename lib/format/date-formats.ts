// The app's date and time formats, each made on first use rather than when its module loads.
// The first Intl object a page makes loads ICU's locale data: 20–40 ms of Chromium's main
// thread here (a `new Intl.DateTimeFormat` at module level in the reader's chunk ran before
// the page could hydrate; docs/adr/0027-first-load-main-thread.md).

type Format = (date: Date) => string;

/** A formatter for `options`, created the first time it formats. */
export function lazyDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Format {
  let format: Intl.DateTimeFormat | null = null;
  return (date) => (format ??= new Intl.DateTimeFormat(locale, options)).format(date);
}

/** When a note or reply was written: "3 Mar, 14:05" (the reader's time zone). */
export const formatNoteTime = lazyDateFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** A reading's due day: "1 March 2027". */
export const formatDueDay = lazyDateFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** When a version was imported: "3 Mar 2027, 14:05" (UTC). */
export const formatImportTime = lazyDateFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** When a member joined: "3 Mar 2027" (UTC). */
export const formatJoinedDay = lazyDateFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
