// API bench: POST /api/v1/documents/face-time/annotations over HTTP against the app server,
// one client (sequential) and 32 concurrent clients (autocannon), beside the physical
// floor: a raw one-row INSERT INTO "annotations" … RETURNING "id" through pg, serial and
// from a pool of 32. A few cheaper requests show where the POST's time goes.
import { concurrentHttp, concurrentTwoProcesses, serialHttp } from './lib/api-http';
import { profilePost } from './lib/api-profile';
import { concurrentRaw, rawParams, removeRawRows, serialRaw } from './lib/api-raw';
import { apiReport, type ApiResult } from './lib/api-report';
import { SECONDS, WARM_UP, fetchStatus, requestBodies, timeSerial, type Summary } from './lib/api-timing';
import type { RunningApp } from './lib/app-server';
import { postJson } from './lib/http';
import { SAMPLE_SLUG, type BenchScene } from './lib/seed';

export type { ApiResult } from './lib/api-report';

export async function runApiBench(
  scene: BenchScene,
  opts: { authSecret: string; profile: boolean; startSecondApp?: () => Promise<RunningApp> },
): Promise<ApiResult> {
  const bodies = requestBodies(scene, 2_000);
  // Check one request by hand first, so that a broken route fails loudly, not as a rate.
  const probe = await postJson<{ annotation?: { id: string } }>(
    scene.baseUrl,
    `/api/v1/documents/${SAMPLE_SLUG}/annotations`,
    JSON.parse(bodies[0]),
    scene.readers[2].cookie,
  );
  if (probe.status !== 201)
    throw new Error(`POST annotations answered ${probe.status}: ${JSON.stringify(probe.json)}`);
  const params = rawParams(scene, bodies);

  const rawOne = await serialRaw(scene, params);
  const http = await serialHttp(scene, bodies);
  const rawMany = await concurrentRaw(scene, params);
  await removeRawRows(scene);
  const httpMany = await concurrentHttp(scene, bodies, { signedIn: true, seconds: SECONDS });
  const floorMany = await concurrentHttp(scene, bodies, { signedIn: false, seconds: 5 });
  // What the route costs before its one statement: no write can go faster than this.
  const invalidMany = await concurrentHttp(scene, bodies, { signedIn: true, refusedByZod: true, seconds: 5 });
  // Scale-out: a second app process on the same database, the same 32 clients split over both.
  let twoMany: Summary | null = null;
  if (opts.startSecondApp) {
    const second = await opts.startSecondApp();
    try {
      await timeSerial(WARM_UP, (i) =>
        fetchStatus(`${second.baseUrl}/api/v1/documents/${SAMPLE_SLUG}/annotations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: second.baseUrl,
            cookie: scene.readers[i % scene.readers.length].cookie,
          },
          body: bodies[i % bodies.length],
        }).then((s) => s === 201),
      );
      twoMany = await concurrentTwoProcesses(scene, bodies, second.baseUrl);
    } finally {
      await second.stop();
    }
  }
  const profileLines = opts.profile ? await profilePost(scene, opts.authSecret, bodies) : [];
  const failures =
    http.create.failures +
    http.identity.failures +
    http.invalid.failures +
    httpMany.failures +
    floorMany.failures +
    invalidMany.failures +
    http.unauthenticated.failures +
    http.session.failures +
    (twoMany?.failures ?? 0);
  if (failures > 0)
    console.warn(`[api] ${failures} requests did not answer as expected (see the server log)`);

  return apiReport({ http, rawOne, rawMany, httpMany, floorMany, invalidMany, twoMany, profileLines });
}
