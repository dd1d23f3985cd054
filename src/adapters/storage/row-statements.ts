import { CompiledQuery } from 'kysely';
import type { DialectName } from './database.js';

/** What to do when an inserted row meets an existing one: update these columns from it (none: keep the existing row). */
export interface OnConflict {
  readonly columns: readonly string[];
  readonly update: readonly string[];
  /** Columns of the inserted rows to return (PostgreSQL and SQLite both take `returning`). */
  readonly returning?: readonly string[];
  /** Update (and return) an existing row only where an updated column differs from the inserted row's. */
  readonly whenChanged?: boolean;
}

/** SQL texts by shape (engine, table, columns, rows, conflict), built once each. */
const texts = new Map<string, string>();

const quote = (identifier: string): string => `"${identifier}"`;

/**
 * A multi-row `insert` (optionally `on conflict … do update | do nothing [returning …]`) as a
 * compiled query, for the write paths (an upsert runs several per request; an import inserts
 * thousands of rows): Kysely's builder costs more to build and compile
 * such a statement (20–30 µs) than SQLite takes to run it. Table and column names are the
 * code's own constants, never input; every value is a parameter. Both engines take the same
 * text apart from the placeholders (`?` on SQLite, `$n` on PostgreSQL).
 */
export function insertRows(
  dialect: DialectName,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  onConflict?: OnConflict,
): CompiledQuery {
  const shape = `${dialect}\u0000${table}\u0000${columns.join(',')}\u0000${rows.length}\u0000${onConflict ? `${onConflict.columns.join(',')}\u0000${onConflict.update.join(',')}\u0000${onConflict.returning?.join(',') ?? ''}\u0000${onConflict.whenChanged === true}` : ''}`;
  let text = texts.get(shape);
  if (text === undefined) {
    let n = 0;
    const placeholder = (): string => (dialect === 'postgres' ? `$${++n}` : '?');
    const values = rows.map(() => `(${columns.map(placeholder).join(', ')})`).join(', ');
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${values}`;
    if (onConflict) {
      const action = onConflict.update.length === 0 ? 'do nothing' : `do update set ${onConflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;
      text += ` on conflict (${onConflict.columns.map(quote).join(', ')}) ${action}`;
      if (onConflict.whenChanged === true && onConflict.update.length > 0) {
        text += ` where ${onConflict.update.map((c) => `${quote(table)}.${quote(c)} is distinct from excluded.${quote(c)}`).join(' or ')}`;
      }
      if (onConflict.returning) text += ` returning ${onConflict.returning.map(quote).join(', ')}`;
    }
    texts.set(shape, text);
  }
  return CompiledQuery.raw(text, rows.flat());
}
