import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { ListDownloader } from '../../app/pull-lists.js';
import { DomainError, InvalidInputError } from '../../domain/errors.js';
import { openListFeeds } from './list-feeds.js';
import { DEFAULT_PULL_SOURCES, OFFICIAL_SOURCES, type PublishedFile } from './official-sources.js';

/** Download settings. */
export interface DownloaderOptions {
  /** Fetch `<mirror>/<source>/<file>` instead of the publishers' URLs. */
  readonly mirror?: string;
  readonly timeoutMs: number;
  readonly attempts: number;
  /** First back-off delay; doubles after each failed attempt. */
  readonly backoffMs?: number;
}

/**
 * Fetches official publications over HTTP(S) into a temporary folder: each file with a
 * timeout, retried with exponential back-off on network errors, 5xx and 429. A 4xx other
 * than 429 fails at once. Unreachable publishers become `source_unreachable` errors.
 */
export class HttpListDownloader implements ListDownloader {
  readonly sources: readonly string[] = DEFAULT_PULL_SOURCES;

  constructor(private readonly options: DownloaderOptions) {}

  async download(source: string): ReturnType<ListDownloader['download']> {
    const files = OFFICIAL_SOURCES[source];
    if (!files) {
      throw new InvalidInputError(`unknown source "${source}": Warden pulls ${Object.keys(OFFICIAL_SOURCES).join(', ')}`, { field: 'source' });
    }
    const dir = await mkdtemp(join(tmpdir(), `warden-pull-${source}-`));
    const release = (): Promise<void> => rm(dir, { recursive: true, force: true });
    try {
      for (const file of files) await this.fetchFile(source, file, join(dir, file.saveAs));
      const [primary] = files;
      const feeds = await openListFeeds([join(dir, primary!.saveAs)], { source });
      return { feeds, release };
    } catch (err) {
      await release();
      throw err;
    }
  }

  private urlOf(source: string, file: PublishedFile): string {
    return this.options.mirror ? `${this.options.mirror.replace(/\/+$/, '')}/${source}/${file.saveAs}` : file.url;
  }

  private async fetchFile(source: string, file: PublishedFile, path: string): Promise<void> {
    const url = this.urlOf(source, file);
    let lastProblem = '';
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      if (attempt > 1) await sleep((this.options.backoffMs ?? 500) * 2 ** (attempt - 2));
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'follow' });
        if (!res.ok || !res.body) {
          lastProblem = `HTTP ${res.status}`;
          await res.body?.cancel();
          if (res.status >= 400 && res.status < 500 && res.status !== 429) break;
          continue;
        }
        await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(path));
        return;
      } catch (err) {
        lastProblem = describe(err);
      }
    }
    throw new DomainError('source_unreachable', `cannot fetch ${url} for ${source}: ${lastProblem} (after ${this.options.attempts} attempts)`, {
      details: { source, url, problem: lastProblem },
    });
  }
}

function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timed out';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
