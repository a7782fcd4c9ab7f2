// "Forgot password?" end to end through a real SMTP server: the mail arrives with a link,
// the link leads to the reset page with its token, the new password works, the old one and
// every earlier session do not; a token works once and not after it expires.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route';
import { db } from '@/lib/server/db';
import { readerFromRequest } from '@/lib/server/session';
import { BASE, signUp } from '../support/api';
import { linkIn, startMailbox, type Mailbox } from '../support/mailbox';

const NEW_PASSWORD = 'a brand new passphrase';

let mailbox: Mailbox;
beforeAll(async () => {
  mailbox = await startMailbox();
  process.env.SMTP_URL = mailbox.url;
  process.env.MAIL_FROM = 'Seminar Marginalia <marginalia@example.org>';
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  await mailbox.close();
});

function post(path: string, body: unknown, cookie?: string) {
  return authPost(
    new Request(`${BASE}/api/auth${path}`, {
      method: 'POST',
      headers: { origin: BASE, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

async function signIn(email: string, password: string) {
  const response = await post('/sign-in/email', { email, password });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: response.status, cookie };
}

const isSignedIn = async (cookie: string) =>
  (await readerFromRequest(new Request(`${BASE}/api/v1/groups`, { headers: { cookie } }))) !== null;

/** Requests a link for `email` and returns the token from the mail that arrives. */
async function requestLink(email: string) {
  const response = await post('/request-password-reset', { email, redirectTo: '/reset-password' });
  expect(response.status).toBe(200);
  const mail = await mailbox.next();
  expect(mail.to).toBe(email);
  return { mail, link: linkIn(mail.text) };
}

async function followLink(link: string) {
  const response = await authGet(new Request(link, { redirect: 'manual' }));
  expect([302, 303, 307]).toContain(response.status);
  return new URL(response.headers.get('location')!, BASE);
}

describe('password reset by mail', () => {
  it('mails a link that sets a new password and signs out every other session', async () => {
    const ada = await signUp('Ada');
    const laptop = await signIn(ada.email, 'correct horse battery');
    expect(laptop.status).toBe(200);
    expect(await isSignedIn(laptop.cookie)).toBe(true);

    // An unknown address gets the same answer and no mail: the next mail is Ada's.
    const stranger = await post('/request-password-reset', { email: 'nobody@example.org' });
    expect(stranger.status).toBe(200);
    const { mail, link } = await requestLink(ada.email);
    expect(mail.from).toContain('marginalia@example.org');
    expect(mail.subject).toBe('Reset your Marginalia password');

    const landing = await followLink(link);
    expect(landing.pathname).toBe('/reset-password');
    const token = landing.searchParams.get('token');
    expect(token).toBeTruthy();

    expect((await post('/reset-password', { newPassword: NEW_PASSWORD, token })).status).toBe(200);

    expect((await signIn(ada.email, 'correct horse battery')).status).toBe(401);
    expect((await signIn(ada.email, NEW_PASSWORD)).status).toBe(200);
    expect(await isSignedIn(ada.cookie)).toBe(false);
    expect(await isSignedIn(laptop.cookie)).toBe(false);
  });

  it('accepts a token once', async () => {
    const bo = await signUp('Bo');
    const landing = await followLink((await requestLink(bo.email)).link);
    const token = landing.searchParams.get('token');
    expect((await post('/reset-password', { newPassword: NEW_PASSWORD, token })).status).toBe(200);
    const again = await post('/reset-password', { newPassword: 'yet another passphrase', token });
    expect(again.status).toBe(400);
    expect((await again.json()).code).toBe('INVALID_TOKEN');
    expect((await signIn(bo.email, NEW_PASSWORD)).status).toBe(200);
    // The used link now leads to the page's "no longer works" state.
    expect((await followLink((await requestLink(bo.email)).link)).searchParams.get('token')).toBeTruthy();
  });

  it('refuses a token after it expires', async () => {
    const cy = await signUp('Cy');
    const { link } = await requestLink(cy.email);
    const token = (await followLink(link)).searchParams.get('token');
    await db.verification.updateMany({
      where: { identifier: `reset-password:${token}` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await followLink(link)).searchParams.get('error')).toBe('INVALID_TOKEN');
    const late = await post('/reset-password', { newPassword: NEW_PASSWORD, token });
    expect(late.status).toBe(400);
    expect((await signIn(cy.email, 'correct horse battery')).status).toBe(200);
  });

  it('logs the link when no mail server is configured', async () => {
    const dee = await signUp('Dee');
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    const logged: string[] = [];
    const original = console.info;
    console.info = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      expect((await post('/request-password-reset', { email: dee.email })).status).toBe(200);
    } finally {
      console.info = original;
      process.env.SMTP_URL = saved;
    }
    const line = logged.find((l) => l.includes(dee.email));
    expect(line).toBeDefined();
    expect(linkIn(line!)).toContain('/api/auth/reset-password/');
  });
});

describe('changing the password on the account page', () => {
  it('keeps this device signed in and signs out every other one', async () => {
    const eve = await signUp('Eve');
    const phone = await signIn(eve.email, 'correct horse battery');
    const response = await post(
      '/change-password',
      { currentPassword: 'correct horse battery', newPassword: NEW_PASSWORD, revokeOtherSessions: true },
      eve.cookie,
    );
    expect(response.status).toBe(200);
    const renewed = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(await isSignedIn(renewed)).toBe(true);
    expect(await isSignedIn(phone.cookie)).toBe(false);
    expect((await signIn(eve.email, 'correct horse battery')).status).toBe(401);
  });
});
