/**
 * The durability barrier of the SQLite store: commits run with synchronous=NORMAL (the WAL frames
 * are written, not yet flushed), and before a commit is reported to its caller the WAL file is
 * flushed with an fdatasync on libuv's thread pool. The event loop keeps serving requests during
 * the flush, and every commit made before a flush started is covered by it, so concurrent commits
 * share one flush (group commit). Durability is that of synchronous=FULL: a commit is acknowledged
 * only once its WAL frames are on stable storage; checkpoints sync the WAL and the database file
 * themselves at synchronous=NORMAL.
 */
import { open, type FileHandle } from 'node:fs/promises';

export class WalSync {
  /** Commits made so far (implicit auto-commits and explicit COMMITs), counted by the driver. */
  #commits = 0;
  /** Commits known to be on stable storage. */
  #durable = 0;
  #flushing: Promise<void> | undefined;
  #file: FileHandle | undefined;

  /**
   * `walPath` undefined: an in-memory database, with nothing to flush. `datasync` is the flush
   * (tests count and delay it); by default an fdatasync of the WAL file on the thread pool.
   */
  constructor(
    readonly walPath: string | undefined,
    readonly datasync: (file: FileHandle) => Promise<void> = (file) => file.datasync(),
  ) {}

  /** Called by the driver right after a commit returned. */
  noteCommit(): void {
    this.#commits++;
  }

  /** Resolves once every commit made before the call is on stable storage. */
  async sync(): Promise<void> {
    const target = this.#commits;
    while (this.#durable < target) {
      // A flush in progress may have started before our commit: wait for it, then flush again if needed.
      if (this.#flushing) {
        await this.#flushing;
        continue;
      }
      this.#flushing = this.#flush().finally(() => (this.#flushing = undefined));
      await this.#flushing;
    }
  }

  async #flush(): Promise<void> {
    const covers = this.#commits;
    if (this.walPath !== undefined) {
      this.#file ??= await open(this.walPath, 'r');
      await this.datasync(this.#file);
    }
    this.#durable = Math.max(this.#durable, covers);
  }

  async close(): Promise<void> {
    await this.#flushing?.catch(() => undefined);
    await this.#file?.close();
    this.#file = undefined;
  }
}
