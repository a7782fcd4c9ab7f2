// Due dates are calendar days (YYYY-MM-DD): shown as the day they name, whatever the
// reader's time zone.
import { formatDueDay } from '@/lib/format/date-formats';

/** "2027-03-01" → "1 March 2027". */
export function formatDueDate(day: string): string {
  return formatDueDay(new Date(`${day}T00:00:00.000Z`));
}
