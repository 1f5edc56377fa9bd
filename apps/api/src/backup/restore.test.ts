import { describe, expect, it } from 'vitest';
import { utf8Lines } from './restore.ts';

async function collect(chunks: Buffer[]): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of utf8Lines(source())) out.push(line);
  return out;
}

describe('reading the lines of a backup table', () => {
  it('keeps a Vietnamese character whole when a chunk ends inside it', async () => {
    const text = '{"t":"nhiệm vụ CCHC"}\n{"t":"Thạch Hà"}\n';
    const bytes = Buffer.from(text, 'utf8');
    // Cut at every byte, so that some cut falls inside each multi-byte character.
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at byte ${cut}`).toEqual([
        '{"t":"nhiệm vụ CCHC"}',
        '{"t":"Thạch Hà"}',
      ]);
    }
  });

  it('returns a last line without its newline, and nothing for an empty stream', async () => {
    expect(await collect([Buffer.from('a\nb')])).toEqual(['a', 'b']);
    expect(await collect([])).toEqual([]);
  });
});
