// The two JSON Schema formats the W3C suite uses. ajv-formats is not a dependency, so they are
// defined here, following the RFCs draft-04 names: RFC 3986 (absolute URI) and RFC 3339.

// Scheme, then only characters RFC 3986 allows (unreserved, reserved, '%' escapes).
const URI_SHAPE = /^[a-z][a-z0-9+.-]*:[a-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/i;
const BAD_ESCAPE = /%(?![0-9a-f]{2})/i;

export function isUri(value: string): boolean {
  return URI_SHAPE.test(value) && !BAD_ESCAPE.test(value);
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > DAYS_IN_MONTH[month - 1] || (month === 2 && day === 29 && !isLeapYear(year))) return false;
  if (hour > 23 || minute > 59 || second > 60) return false; // 60: leap second
  if (m[7] && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}
