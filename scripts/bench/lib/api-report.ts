// The API bench's report: its lines for the log and its rows for the table, against the
// issue's targets.
import type { serialHttp } from './api-http';
import { CONNECTIONS, SECONDS, SERIAL, type Summary } from './api-timing';
import { ms, perSecond, type Row } from './stats';

// Issue 12: the 1-client p50 within 2 ms of Next's own floor for the route (the same POST
// refused before any query), 32 clients at half the floor's throughput or more, p99 ≤ 100 ms.
const TARGETS = { overFloorMs: 2, floorShare: 0.5, throughput: 1000, p99: 100 };

export interface ApiResult {
  rows: Row[];
  lines: string[];
}

/** What runApiBench measured. */
export interface ApiMeasures {
  http: Awaited<ReturnType<typeof serialHttp>>;
  rawOne: Summary;
  rawMany: Summary;
  httpMany: Summary;
  floorMany: Summary;
  /** signed in, refused by zod once the body is read: the route's cost before its statement */
  invalidMany: Summary;
  twoMany: Summary | null;
  profileLines: string[];
}

/** Prints the lines and returns them with the rows. */
export function apiReport({
  http,
  rawOne,
  rawMany,
  httpMany,
  floorMany,
  invalidMany,
  twoMany,
  profileLines,
}: ApiMeasures): ApiResult {
  const lines = [
    `[api] serial POST: p50 ${ms(http.create.p50, 2)}, p99 ${ms(http.create.p99, 2)} (${SERIAL} requests); raw INSERT p50 ${ms(rawOne.p50, 2)}, p99 ${ms(rawOne.p99, 2)}`,
    `[api] for comparison: the same POST with Accept-Encoding: identity p50 ${ms(http.identity.p50, 2)} (with gzip allowed, the 201 came as ${http.encoding}); refused without a session p50 ${ms(http.unauthenticated.p50, 2)}; signed in but refused by zod (body read, no query) p50 ${ms(http.invalid.p50, 2)}; GET /api/auth/get-session p50 ${ms(http.session.p50, 2)}`,
    `[api] ${CONNECTIONS} clients × ${SECONDS} s: POST ${perSecond(httpMany.perSecond)} (p50 ${ms(httpMany.p50)}, p99 ${ms(httpMany.p99)}, ${httpMany.count} created, ${httpMany.failures} failed); raw INSERT ${perSecond(rawMany.perSecond)} (p50 ${ms(rawMany.p50, 2)}, p99 ${ms(rawMany.p99, 2)})`,
    `[api] ${CONNECTIONS} clients × 5 s, the same POST refused without a session (Next's floor for this route): ${perSecond(floorMany.perSecond)} (p99 ${ms(floorMany.p99)}); signed in and refused by zod (body read, no query): ${perSecond(invalidMany.perSecond)} (p99 ${ms(invalidMany.p99)})`,
    ...(twoMany
      ? [
          `[api] ${CONNECTIONS} clients × ${SECONDS} s over two app processes: POST ${perSecond(twoMany.perSecond)} (p50 ${ms(twoMany.p50)}, p99 ${ms(twoMany.p99)}, ${twoMany.count} created, ${twoMany.failures} failed)`,
        ]
      : []),
  ];
  for (const line of lines) console.log(line);
  lines.push(...profileLines);
  const ratio = http.create.p50 / rawOne.p50;
  const overFloor = http.create.p50 - http.unauthenticated.p50;
  const floorShare = httpMany.perSecond / floorMany.perSecond;
  const share = httpMany.perSecond / rawMany.perSecond;
  return {
    lines,
    rows: [
      { measure: 'api: POST annotation, 1 client, p50', value: ms(http.create.p50, 2) },
      { measure: 'api: POST annotation, 1 client, p99', value: ms(http.create.p99, 2) },
      {
        measure: `  same POST with Accept-Encoding: identity, p50 (the 201's encoding: ${http.encoding})`,
        value: ms(http.identity.p50, 2),
      },
      {
        measure: '  for scale: POST refused without session, p50 (the floor)',
        value: ms(http.unauthenticated.p50, 2),
      },
      {
        measure: '  for scale: signed in, body read and refused by zod (400, no query), p50',
        value: ms(http.invalid.p50, 2),
      },
      {
        measure: 'api: 1-client p50 − the floor p50',
        value: ms(overFloor, 2),
        target: `≤ ${TARGETS.overFloorMs} ms`,
        met: overFloor <= TARGETS.overFloorMs,
      },
      {
        measure: 'raw: INSERT … RETURNING id, 1 client, p50 / p99',
        value: `${ms(rawOne.p50, 2)} / ${ms(rawOne.p99, 2)}`,
      },
      { measure: 'api: 1-client p50 ÷ raw INSERT p50', value: `${ratio.toFixed(1)}×` },
      { measure: '  for scale: GET /api/auth/get-session, p50', value: ms(http.session.p50, 2) },
      {
        measure: `api: POST annotation, ${CONNECTIONS} clients, throughput`,
        value: perSecond(httpMany.perSecond),
        target: `≥ ${TARGETS.throughput.toLocaleString('en')} /s`,
        met: httpMany.perSecond >= TARGETS.throughput,
      },
      {
        measure: `  for scale: POST refused without session, ${CONNECTIONS} clients (the floor)`,
        value: perSecond(floorMany.perSecond),
      },
      {
        measure: `  for scale: POST refused without session, ${CONNECTIONS} clients, p99 (the floor)`,
        value: ms(floorMany.p99),
      },
      {
        // The write's own steps before its statement, at 32 clients: what bounds its throughput.
        measure: `  for scale: signed in, refused by zod (400, no query), ${CONNECTIONS} clients`,
        value: perSecond(invalidMany.perSecond),
      },
      {
        measure: `api: ${CONNECTIONS}-client throughput ÷ the floor's`,
        // A floor that answered nothing (an overloaded machine) gives no ratio.
        value: Number.isFinite(floorShare) ? `${(floorShare * 100).toFixed(0)} %` : 'n/a (the floor failed)',
        target: `≥ ${(TARGETS.floorShare * 100).toFixed(0)} %`,
        met: Number.isFinite(floorShare) && floorShare >= TARGETS.floorShare,
      },
      {
        measure: `  ${CONNECTIONS}-client throughput ÷ the zod-refused request's`,
        value: `${((httpMany.perSecond / invalidMany.perSecond) * 100).toFixed(0)} %`,
      },
      {
        measure: `api: POST annotation, ${CONNECTIONS} clients, p99`,
        value: ms(httpMany.p99),
        target: `≤ ${TARGETS.p99} ms`,
        met: httpMany.p99 <= TARGETS.p99,
      },
      { measure: `raw: INSERT, pool of ${CONNECTIONS}, throughput`, value: perSecond(rawMany.perSecond) },
      { measure: 'api ÷ raw throughput', value: `${(share * 100).toFixed(0)} %` },
      { measure: `raw: INSERT, pool of ${CONNECTIONS}, p99`, value: ms(rawMany.p99, 2) },
      ...(twoMany
        ? [
            {
              measure: `api: POST, ${CONNECTIONS} clients over two app processes, throughput`,
              value: perSecond(twoMany.perSecond),
            },
            {
              measure: '  two processes ÷ one',
              value: `${(twoMany.perSecond / httpMany.perSecond).toFixed(2)}×`,
            },
            {
              measure: `api: POST, ${CONNECTIONS} clients over two app processes, p99`,
              value: ms(twoMany.p99),
            },
          ]
        : []),
    ],
  };
}
