import 'server-only';
import nodemailer from 'nodemailer';

// Password-reset links go out by SMTP when `SMTP_URL` is set (e.g.
// `smtp://user:pass@mail.example.org:587`); without it (the embedded default, one machine,
// no mail server) the link is written to the server log, where the administrator finds it
// and hands it on. Either way the page tells the reader what to expect.

export const DEFAULT_MAIL_FROM = 'Marginalia <no-reply@localhost>';

/** Whether reset links are mailed (true) or only logged (false); the forgot-password page says which. */
export function isMailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

export function resetMailText(name: string, url: string): string {
  return [
    `Hello ${name},`,
    '',
    'Someone (we hope you) asked to reset the password of your Marginalia account.',
    'Open this link within an hour to choose a new password; it works once:',
    '',
    url,
    '',
    'If you did not ask, ignore this mail: your password stays as it is.',
  ].join('\n');
}

/**
 * Sends (or logs) one reset link. A mail server that is down is logged, not thrown: the
 * answer to "forgot password" must not tell a stranger whether an address has an account.
 */
export async function deliverResetLink(user: { email: string; name: string }, url: string): Promise<void> {
  const smtpUrl = process.env.SMTP_URL?.trim();
  if (!smtpUrl) {
    console.info(`[auth] password reset link for ${user.email}: ${url}`);
    return;
  }
  try {
    const transport = nodemailer.createTransport(smtpUrl);
    await transport.sendMail({
      from: process.env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
      to: user.email,
      subject: 'Reset your Marginalia password',
      text: resetMailText(user.name, url),
    });
  } catch (error) {
    console.error(`[auth] could not mail the password reset link for ${user.email}`, error);
  }
}
