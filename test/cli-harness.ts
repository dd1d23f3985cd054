import { Writable } from 'node:stream';
import { main } from '../src/main/cli.js';

/** What one in-process `warden` run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `warden` CLI in this process with `--db <url>` and captures its output. */
export async function warden(db: string, ...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await main(['--db', db, ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
  });
  return { code, stdout, stderr };
}

/** The JSON lines a run printed. */
export function jsonLines<T = Record<string, unknown>>(run: CliRun): T[] {
  return run.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}
