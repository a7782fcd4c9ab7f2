import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readCappedText } from './read-body';

function streamOf(
  chunks: number,
  chunkBytes: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readCappedText', () => {
  it('reads a body under the limit, multi-byte characters split across chunks included', async () => {
    expect(await readCappedText(post('{"a":"é😀"}'), 100)).toBe('{"a":"é😀"}');
  });

  it('stops reading a streamed body soon after the limit', async () => {
    const { stream, pulled } = streamOf(1000, 64 * 1024);
    await expect(readCappedText(post(stream), 256 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThan(10);
  });

  it('refuses a declared length over the limit without reading', async () => {
    const { stream, pulled } = streamOf(1000, 64 * 1024);
    await expect(
      readCappedText(post(stream, { 'content-length': String(64 * 1024 * 1000) }), 1024),
    ).rejects.toThrow(/larger than 1 KB/);
    expect(pulled()).toBeLessThan(3);
  });
});
