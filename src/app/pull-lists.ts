import { DomainError } from '../domain/errors.js';
import { ingestList, type IngestOptions, type IngestResult } from './ingest-list.js';
import type { AuditStore, Clock, ListFeed, ListStore } from './ports.js';

/** Fetches the current publication of a source and opens it as feeds. */
export interface ListDownloader {
  /** The sources it knows how to fetch, in their default pull order. */
  readonly sources: readonly string[];
  /**
   * Downloads a source's files and opens them. Throws a DomainError with code
   * `source_unreachable` when the publisher cannot be reached after the retries.
   * `release` removes the downloaded files.
   */
  download(source: string): Promise<{ feeds: ListFeed[]; release(): Promise<void> }>;
}

/** What a pull did for one source. Failures are outcomes, not exceptions. */
export type PullOutcome =
  | { readonly source: string; readonly status: 'created' | 'unchanged'; readonly result: IngestResult }
  | { readonly source: string; readonly status: 'rejected' | 'unreachable'; readonly error: DomainError };

/**
 * Downloads each source and ingests it through the same validation as a file import. A
 * source that cannot be reached or whose feed is rejected keeps its active version; the
 * others go on.
 */
export async function pullLists(
  deps: { listStore: ListStore; auditStore: AuditStore; clock: Clock; downloader: ListDownloader },
  sources: readonly string[],
  options: IngestOptions = {},
): Promise<PullOutcome[]> {
  const outcomes: PullOutcome[] = [];
  for (const source of sources.length > 0 ? sources : deps.downloader.sources) {
    try {
      const { feeds, release } = await deps.downloader.download(source);
      try {
        for (const feed of feeds) {
          const result = await ingestList(deps, feed, options);
          outcomes.push({ source, status: result.status, result });
        }
      } finally {
        await release();
      }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      outcomes.push({ source, status: err.code === 'source_unreachable' ? 'unreachable' : 'rejected', error: err });
    }
  }
  return outcomes;
}
