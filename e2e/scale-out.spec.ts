// Scale-out, proven (README, "Running more than one app process"): two app processes, each
// `node scripts/serve.mjs` on the production build as `npm start` runs it, share one
// PostgreSQL. A note written through one arrives live at a reader connected to the other;
// sign-out through one ends the session in the other at once; sign-in limits count across
// both; and a membership removed through one is no longer honoured by the other, whose
// caches hear of it through NOTIFY (docs/adr/0011).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { freePort } from '../scripts/lib/ports';
import { expect, test } from './support/test';
import { PASSWORD, uniqueEmail } from './support/session';

const SECRET = 'e2e-scale-out-secret-0123456789abcdef0123';
const MAX_FAILURES = 3;

interface AppProcess {
  url: string;
  stop(): Promise<void>;
}

async function startAppProcess(): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['scripts/serve.mjs', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      BETTER_AUTH_URL: url,
      BETTER_AUTH_SECRET: SECRET,
      MARGINALIA_RATE_LIMIT: 'on',
      SIGN_IN_MAX_FAILURES: String(MAX_FAILURES),
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-5_000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-5_000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const answers = () =>
    fetch(`${url}/sign-in`).then(
      (r) => r.status,
      () => 0,
    );
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error('the app process exited');
          return answers();
        },
        { timeout: 90_000 },
      )
      .toBe(200);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- app process output ---\n${output}`);
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// One pair of processes for the whole file, in one worker, its tests in order.
test.describe.configure({ mode: 'default' });

let a: AppProcess;
let b: AppProcess;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  [a, b] = await Promise.all([startAppProcess(), startAppProcess()]);
});
test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

interface Session {
  id: string;
  email: string;
  cookie: string;
}

async function send(app: AppProcess, method: string, path: string, cookie: string | null, body?: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: {
      origin: app.url,
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, response };
}

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.endsWith('='))
    .join('; ');

async function signUp(app: AppProcess, name: string): Promise<Session> {
  const email = uniqueEmail(name);
  const { status, json, response } = await send(app, 'POST', '/api/auth/sign-up/email', null, {
    name,
    email,
    password: PASSWORD,
  });
  expect(status).toBe(200);
  return { id: json.user.id, email, cookie: cookieOf(response) };
}

async function signIn(app: AppProcess, email: string, password: string) {
  const { status, response } = await send(app, 'POST', '/api/auth/sign-in/email', null, { email, password });
  return { status, cookie: cookieOf(response) };
}

/** A seminar made through A, joined through B. */
async function seminar(facilitator: Session, members: Session[]) {
  const created = await send(a, 'POST', '/api/v1/groups', facilitator.cookie, {
    name: `Seminar ${randomUUID()}`,
  });
  expect(created.status).toBe(201);
  const groupId: string = created.json.group.id;
  const detail = await send(a, 'GET', `/api/v1/groups/${groupId}`, facilitator.cookie);
  for (const member of members) {
    const joined = await send(b, 'POST', '/api/v1/groups/join', member.cookie, {
      code: detail.json.group.inviteCode,
    });
    expect(joined.status).toBe(200);
  }
  return groupId;
}

async function annotationBody(app: AppProcess, cookie: string, groupId: string) {
  const doc = await send(app, 'GET', '/api/v1/documents/face-time', cookie);
  const block = doc.json.blocks.find((x: { anchor: string }) => x.anchor === 'p-4');
  return {
    target: {
      start: { block: 'p-4', offset: 0 },
      end: { block: 'p-4', offset: 16 },
      exact: block.text.slice(0, 16),
    },
    tags: ['claim'],
    groupId,
  };
}

/** Reads a Server-Sent Events stream until an event whose data names `id` arrives. */
async function openStream(app: AppProcess, cookie: string, documentId: string) {
  const controller = new AbortController();
  const response = await fetch(`${app.url}/api/v1/documents/${documentId}/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let seen = '';
  // The stream says it is subscribed with its first comment.
  while (!seen.includes(': live updates')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before it was subscribed:\n${seen}`);
    seen += value;
  }
  return {
    async until(id: string) {
      while (!seen.includes(id)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${id}:\n${seen}`);
        seen += value;
      }
      return seen;
    },
    close: () => controller.abort(),
  };
}

test('a note written through one process arrives live at a reader connected to the other', async () => {
  const [author, reader] = [await signUp(a, 'Author'), await signUp(b, 'Reader')];
  const groupId = await seminar(author, [reader]);
  const doc = await send(b, 'GET', '/api/v1/documents/face-time', reader.cookie);
  const stream = await openStream(b, reader.cookie, doc.json.document.id);
  try {
    const created = await send(
      a,
      'POST',
      '/api/v1/documents/face-time/annotations',
      author.cookie,
      await annotationBody(a, author.cookie, groupId),
    );
    expect(created.status).toBe(201);
    const seen = await stream.until(created.json.annotation.id);
    expect(seen).toContain('event: annotation');
  } finally {
    stream.close();
  }
});

test('signing out through one process ends the session in the other at once', async () => {
  const reader = await signUp(a, 'Leaver');
  // B has the session cached: it answered from it before.
  for (let i = 0; i < 3; i++)
    expect((await send(b, 'GET', '/api/v1/groups', reader.cookie)).status).toBe(200);
  expect((await send(a, 'POST', '/api/auth/sign-out', reader.cookie, {})).status).toBe(200);
  // The very next request to B, and every one after it.
  expect((await send(b, 'GET', '/api/v1/groups', reader.cookie)).status).toBe(401);
  expect((await send(b, 'POST', '/api/v1/groups', reader.cookie, { name: 'After' })).status).toBe(401);
});

test('failed sign-ins count across both processes', async () => {
  const reader = await signUp(a, 'Forgetful');
  for (let i = 0; i < MAX_FAILURES; i++) {
    const app = i % 2 === 0 ? a : b;
    expect((await signIn(app, reader.email, 'wrong password')).status).toBe(401);
  }
  // Held on both, whichever process counted the failures; the right password waits too.
  expect((await signIn(a, reader.email, PASSWORD)).status).toBe(429);
  expect((await signIn(b, reader.email, PASSWORD)).status).toBe(429);
});

test('a membership removed through one process is no longer honoured by the other', async () => {
  const [facilitator, member] = [await signUp(a, 'Facilitator'), await signUp(b, 'Member')];
  const groupId = await seminar(facilitator, [member]);
  const body = await annotationBody(b, member.cookie, groupId);
  // B has the membership cached: the member shared with the group through it.
  for (let i = 0; i < 3; i++)
    expect(
      (await send(b, 'POST', '/api/v1/documents/face-time/annotations', member.cookie, body)).status,
    ).toBe(201);
  const removed = await send(
    a,
    'DELETE',
    `/api/v1/groups/${groupId}/members/${member.id}`,
    facilitator.cookie,
  );
  expect(removed.status).toBe(204);
  const after = await send(b, 'POST', '/api/v1/documents/face-time/annotations', member.cookie, body);
  expect(after.status).toBe(400);
  expect(after.json.error.fields.groupId).toBeTruthy();
  // And the group is gone from their list on B.
  const groups = await send(b, 'GET', '/api/v1/groups', member.cookie);
  expect(groups.json.groups.map((g: { id: string }) => g.id)).not.toContain(groupId);
});
