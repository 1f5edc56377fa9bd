/**
 * Blobs on local disk: `<root>/3f/a2/3fa2…`, staged in `<root>/.tmp` (the same file system, so the
 * commit is an atomic rename). Directories are fsynced after a rename so that the new name survives
 * a power cut, not only the bytes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertStorageKey,
  BlobNotFoundError,
  spoolToTempFile,
  sweepTempDir,
  type BlobEntry,
  type BlobStore,
  type StagedBlob,
} from './blob-store.ts';

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isMissing(err: unknown): boolean {
  return (err as NodeJS.ErrnoException).code === 'ENOENT';
}

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  readonly tempDir: string;

  constructor(readonly root: string) {
    this.tempDir = path.join(root, '.tmp');
  }

  /** Where a key's bytes are; exposed for tests and the backup tool. */
  pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    return spoolToTempFile(source, this.tempDir, maxBytes);
  }

  async commit(staged: StagedBlob, key: string): Promise<void> {
    const target = this.pathOf(key);
    const dir = path.dirname(target);
    const firstCreated = await fs.mkdir(dir, { recursive: true });
    await fs.rename(staged.path, target);
    await fsyncDir(dir);
    // New shard directories must be recorded in their parents too.
    if (firstCreated) {
      const stop = path.dirname(firstCreated);
      for (let d = path.dirname(dir); ; d = path.dirname(d)) {
        await fsyncDir(d);
        if (d === stop || d === path.dirname(d)) break;
      }
    }
  }

  async discard(staged: StagedBlob): Promise<void> {
    await fs.rm(staged.path, { force: true });
  }

  async get(key: string): Promise<{ stream: Readable; size: number }> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.pathOf(key), 'r');
    } catch (err) {
      if (isMissing(err)) throw new BlobNotFoundError(key);
      throw err;
    }
    try {
      const { size } = await handle.stat();
      return { stream: handle.createReadStream({ autoClose: true }), size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async *list(): AsyncIterable<BlobEntry> {
    const shard = /^[0-9a-f]{2}$/;
    const names = async (dir: string) => {
      try {
        return (await fs.readdir(dir)).sort();
      } catch (err) {
        if (isMissing(err)) return [];
        throw err;
      }
    };
    for (const a of await names(this.root)) {
      if (!shard.test(a)) continue;
      for (const b of await names(path.join(this.root, a))) {
        if (!shard.test(b)) continue;
        for (const name of await names(path.join(this.root, a, b))) {
          const key = `${a}/${b}/${name}`;
          try {
            assertStorageKey(key);
          } catch {
            continue;
          }
          const stat = await fs.stat(path.join(this.root, a, b, name)).catch(() => null);
          if (stat?.isFile()) yield { key, modifiedAt: stat.mtime };
        }
      }
    }
  }

  sweepTemporary(olderThan: Date): Promise<number> {
    return sweepTempDir(this.tempDir, olderThan);
  }

  close(): void {}
}
