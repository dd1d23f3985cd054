import { sql, type Kysely } from 'kysely';
import { cutSuffixes } from '../../../domain/matching/query-names.js';
import type { DialectName } from '../database.js';

/** Names read per page while the existing ones are given their cuts. */
const PAGE = 1000;

/**
 * `name_cuts`: for each distinct name, the suffixes of the words screening cuts with the
 * known name parts (run-together names and handles: `ramzankadyrov` is read as Ramzan Kadyrov
 * only once both parts are listed). A list change that makes a part known or unknown looks up
 * the names holding a word with that part in it by a range over these (`cut >= part` and below
 * the next string with that prefix), so the column compares by code point on both engines (the
 * C collation on PostgreSQL). The names stored before this migration get theirs here.
 * `account_names.keyed_by`: the algorithm (name@version) whose keys a name holds; an upsert
 * writes a name's keys again only when it differs (or the name is cut with the listed parts).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const withoutRowid = dialect === 'sqlite' ? sql` without rowid` : sql``;
  const collate = dialect === 'postgres' ? sql` collate "C"` : sql``;
  // The algorithm that made a name's keys: a name it keyed already is not keyed again.
  await sql`alter table account_names add column keyed_by text`.execute(db);
  await sql`create table name_cuts (cut text${collate} not null, names_hash text not null, primary key (cut, names_hash))${withoutRowid}`.execute(db);
  let after = '';
  for (;;) {
    const page = await sql<{ names_hash: string; display_name: string | null; handle: string | null }>`
      select names_hash, display_name, handle from account_names where names_hash > ${after} order by names_hash limit ${PAGE}`.execute(db);
    if (page.rows.length === 0) return;
    after = page.rows[page.rows.length - 1]!.names_hash;
    const rows = page.rows.flatMap((r) =>
      cutSuffixes({ ...(r.display_name !== null ? { displayName: r.display_name } : {}), ...(r.handle !== null ? { handle: r.handle } : {}) }).map((cut) => sql`(${cut}, ${r.names_hash})`),
    );
    for (let i = 0; i < rows.length; i += PAGE) await sql`insert into name_cuts (cut, names_hash) values ${sql.join(rows.slice(i, i + PAGE))}`.execute(db);
  }
}
