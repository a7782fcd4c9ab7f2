// The API bench's in-process measures: the session lookup and createAnnotation run in a
// child process (lib/profile-post.ts), with PostgreSQL round trips counted.
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBenchScript } from './child-bench';
import type { ProfileInput } from './profile-post';
import { DEFAULT_TAGS, type BenchScene } from './seed';

/** The session lookup and createAnnotation in-process, with PostgreSQL round trips counted. */
export async function profilePost(
  scene: BenchScene,
  authSecret: string,
  bodies: string[],
): Promise<string[]> {
  const reader = scene.readers[3];
  const sample = bodies.slice(0, 200);
  const input: ProfileInput = {
    reader: { id: reader.id, name: reader.name, email: reader.email },
    cookie: reader.cookie,
    bodies: sample,
    rows: sample.map((text) => {
      const body = JSON.parse(text);
      const t = body.target;
      return {
        documentId: scene.documentId,
        versionId: scene.versionId,
        authorId: reader.id,
        groupId: scene.groupId,
        noteText: body.note ? body.note.content[0].content[0].text : '',
        startBlock: t.start.block,
        startIndex: scene.index.indexByAnchor.get(t.start.block)!,
        startOffset: t.start.offset,
        endBlock: t.end.block,
        endIndex: scene.index.indexByAnchor.get(t.end.block)!,
        endOffset: t.end.offset,
        exact: t.exact,
        prefix: t.prefix,
        suffix: t.suffix,
        tagIds: (body.tags as (keyof typeof DEFAULT_TAGS)[]).map((slug) => DEFAULT_TAGS[slug]),
      };
    }),
  };
  // Too large for an environment variable: handed over in a file.
  const file = path.join(os.tmpdir(), `marginalia-bench-profile-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(input));
  try {
    const lines = await runBenchScript('lib/profile-post.ts', [], {
      DATABASE_URL: scene.databaseUrl,
      BETTER_AUTH_URL: scene.baseUrl,
      BETTER_AUTH_SECRET: authSecret,
      BENCH_PROFILE_FILE: file,
    });
    return lines.filter((l) => l.startsWith('[profile]'));
  } finally {
    rmSync(file, { force: true });
  }
}
