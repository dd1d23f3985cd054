import type { MatchIndex } from '../domain/matching/match-types.js';
import { loadMatchIndex } from './load-match-index.js';
import type { ListStore, ListVersion } from './ports.js';

/**
 * Keeps a process's match index in step with the active list versions: `refresh` derives a
 * new one from the old one and the list diffs when the set of active versions changed
 * (whichever process imported them) and swaps it in atomically, so a request sees either the
 * old index or the new one, never a mix.
 */
export class MatchIndexHolder {
  private index: MatchIndex | undefined;
  private versions: readonly ListVersion[] = [];
  private signature = '';
  private refreshing: Promise<boolean> | undefined;

  constructor(private readonly listStore: ListStore) {}

  /** The current index; throws before the first `refresh` has finished. */
  current(): MatchIndex {
    if (!this.index) throw new Error('the match index is not built yet');
    return this.index;
  }

  /** Whether an index is available. */
  isReady(): boolean {
    return this.index !== undefined;
  }

  /** The list versions the current index was built from. */
  activeVersions(): readonly ListVersion[] {
    return this.versions;
  }

  /** Rebuilds the index if the active versions changed; true when it did. Concurrent calls share one rebuild. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.rebuildIfChanged().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rebuildIfChanged(): Promise<boolean> {
    const active = await this.listStore.activeVersions();
    const signature = active.map((v) => v.id).join(',');
    if (this.index && signature === this.signature) return false;
    // From the index in use when there is one: only the entities that changed are indexed anew.
    const loaded = await loadMatchIndex({ listStore: this.listStore }, this.index ? { index: this.index, versions: this.versions } : undefined);
    this.index = loaded.index;
    this.versions = loaded.versions;
    this.signature = loaded.versions.map((v) => v.id).join(',');
    return true;
  }
}
