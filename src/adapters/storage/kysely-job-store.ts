import type { Kysely, Selectable } from 'kysely';
import type { Job, JobItem, JobStore, RejectedLine } from '../../app/ports.js';
import type { Database, JobsTable } from './schema.js';

const INSERT_BATCH = 500;

/** The JobStore on Kysely (SQLite and PostgreSQL). */
export class KyselyJobStore implements JobStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(job: Omit<Job, 'processed' | 'status' | 'finishedAt'>, items: readonly JobItem[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('jobs')
        .values({ id: job.id, kind: job.kind, status: 'running', actor: job.actor, total: job.total, invalid: JSON.stringify(job.invalid), created_at: job.createdAt, finished_at: null })
        .execute();
      for (let i = 0; i < items.length; i += INSERT_BATCH) {
        await trx
          .insertInto('job_items')
          .values(items.slice(i, i + INSERT_BATCH).map((it) => ({ job_id: job.id, line: it.line, payload: it.payload, done: 0 })))
          .execute();
      }
    });
  }

  async job(id: string): Promise<Job | undefined> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.withProgress(row) : undefined;
  }

  async unfinished(): Promise<Job[]> {
    const rows = await this.db.selectFrom('jobs').selectAll().where('status', '=', 'running').orderBy('created_at').execute();
    return Promise.all(rows.map((r) => this.withProgress(r)));
  }

  async pending(jobId: string, limit: number): Promise<JobItem[]> {
    return this.db.selectFrom('job_items').select(['line', 'payload']).where('job_id', '=', jobId).where('done', '=', 0).orderBy('line').limit(limit).execute();
  }

  async markDone(jobId: string, lines: readonly number[]): Promise<void> {
    if (lines.length === 0) return;
    await this.db.updateTable('job_items').set({ done: 1 }).where('job_id', '=', jobId).where('line', 'in', [...lines]).execute();
  }

  async finish(jobId: string, at: Date): Promise<void> {
    await this.db.updateTable('jobs').set({ status: 'done', finished_at: at.toISOString() }).where('id', '=', jobId).execute();
  }

  private async withProgress(row: Selectable<JobsTable>): Promise<Job> {
    const done = await this.db
      .selectFrom('job_items')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('job_id', '=', row.id)
      .where('done', '=', 1)
      .executeTakeFirst();
    return {
      id: row.id,
      kind: row.kind as Job['kind'],
      status: row.status as Job['status'],
      actor: row.actor,
      total: Number(row.total),
      processed: Number(done?.n ?? 0),
      invalid: JSON.parse(row.invalid) as RejectedLine[],
      createdAt: row.created_at,
      ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    };
  }
}
