import type { ListDownloader } from '../../app/pull-lists.js';
import type { ApiKeyStore, AuditStore, Clock, EnforcementStore, ListStore, WebhookStore } from '../../app/ports.js';
import type { ScreenOptions, ScreeningResult } from '../../app/screen-account.js';
import type { AccountRecord } from '../../domain/accounts/account.js';
import type { Config } from '../../config/config.js';

/** Screens batches of accounts off the main thread. */
export interface BatchScreener {
  screen(accounts: readonly AccountRecord[]): Promise<readonly ScreeningResult[]>;
  close(): Promise<void>;
}

/** What a command needs, built by the composition root once the global options are known. */
export interface CliServices {
  readonly config: Config;
  readonly listStore: ListStore;
  readonly auditStore: AuditStore;
  readonly apiKeyStore: ApiKeyStore;
  readonly webhookStore: WebhookStore;
  readonly enforcementStore: EnforcementStore;
  readonly clock: Clock;
  readonly downloader: ListDownloader;
  /** Starts `workers` screening threads, each with its own index of the active lists. */
  startScreeners(workers: number, options: ScreenOptions): Promise<BatchScreener>;
  /** Starts the HTTP API; resolves once it listens. */
  serve(listen: { host: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** The streams and the service factory the commands run with (tests pass their own). */
export interface CliContext {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Opens the services for the database the global `--db` option (or WARDEN_DB) names. */
  openServices(options: { db?: string; mirror?: string }): Promise<CliServices>;
  /** Records the exit code of the command that ran. */
  exit(code: number): void;
}

/** Exit codes of every command (part of the CLI contract). */
export const EXIT = Object.freeze({ ok: 0, rejected: 1, usage: 2 });
