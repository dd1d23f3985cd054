import { spawn } from 'node:child_process';

/** What one measured child run cost. */
export interface RunCost {
  readonly seconds: number;
  /** Peak resident memory of the child, in MiB. */
  readonly peakMiB: number;
  readonly stdout: string;
  readonly code: number;
}

/**
 * Runs a node script in a fresh child process pinned to one core (taskset where present)
 * and reports its wall time and peak RSS (`/usr/bin/time`-free: the child prints its own
 * resource usage on exit through a preloaded hook).
 */
export async function measureNode(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunCost> {
  const started = process.hrtime.bigint();
  const child = spawn('taskset', ['-c', '0', process.execPath, '--import', new URL('./report-rss.js', import.meta.url).href, script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = /WARDEN_BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 2000)}`);
  return { seconds, peakMiB: m ? Number(m[1]) / 1024 : NaN, stdout, code };
}
