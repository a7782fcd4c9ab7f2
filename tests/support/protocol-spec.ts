// A small harness for the W3C Web Annotation Protocol conformance suite
// (tests/integration/w3c-protocol.test.ts): each assertion is named after the section of
// https://www.w3.org/TR/annotation-protocol/ it checks, soft-asserted so that one failure does
// not hide the others, and counted for the summary line.
import { expect } from 'vitest';
import { BASE, type TestUser } from './api';

export interface SpecResult {
  name: string;
  ok: boolean;
}

export const results: SpecResult[] = [];

/** One named assertion of the protocol ("§4.1 MUST: …"). */
export function spec(name: string, ok: boolean, detail?: unknown): void {
  results.push({ name, ok });
  expect
    .soft(ok, `${name}${detail === undefined ? '' : ` — ${JSON.stringify(detail).slice(0, 500)}`}`)
    .toBe(true);
}

export function summary(): string {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok).map((r) => `  ✗ ${r.name}`);
  return [`W3C Web Annotation Protocol: ${passed}/${results.length} assertions passed`, ...failed].join('\n');
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface Exchange {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> & { items?: unknown[] };
}

export interface SendOptions {
  user?: TestUser | null;
  token?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
}

export const ANNO_ACCEPT = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** A real Request to a real route handler, with a cookie or a bearer token. */
export async function send(
  handler: Handler,
  method: string,
  url: string,
  options: SendOptions = {},
): Promise<Exchange> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.user) headers.cookie = options.user.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
  }
  const response = await handler(new Request(new URL(url, BASE), { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  let json: Exchange['json'] = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = {};
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** The Link header's entries as `target rel` pairs. */
export function links(headers: Headers): { target: string; rel: string }[] {
  const value = headers.get('link') ?? '';
  return [...value.matchAll(/<([^>]*)>\s*;\s*rel="([^"]*)"/g)].map((m) => ({ target: m[1], rel: m[2] }));
}

export function hasLink(headers: Headers, target: string, rel: string): boolean {
  return links(headers).some((l) => l.target === target && l.rel === rel);
}

export function listHeader(headers: Headers, name: string): string[] {
  return (headers.get(name) ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function contextOf(json: Record<string, unknown>): unknown[] {
  const context = json['@context'];
  return Array.isArray(context) ? context : [context];
}
