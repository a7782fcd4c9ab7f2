// Administrators are named in configuration, not in the database: `ADMIN_EMAILS` is a
// comma-separated list of account emails (README, "Configuration").

/** The emails listed in an `ADMIN_EMAILS` value, trimmed and lower-cased. */
export function parseAdminEmails(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email !== ''),
  );
}

export function isAdminEmail(admins: ReadonlySet<string>, email: string): boolean {
  return admins.has(email.trim().toLowerCase());
}
