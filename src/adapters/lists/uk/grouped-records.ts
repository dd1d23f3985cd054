import { ListRejectedError } from '../../../domain/errors.js';
import type { ListFile } from '../list-parser.js';

/**
 * Groups the records of a file that share a key (the UK's Group ID, the CSL's `_id`) and
 * yields each group as soon as its last record has been read.
 *
 * It reads the file twice: the first pass only remembers, per key, the position of its last
 * record; the second groups. Memory therefore holds one small number per key plus the records
 * of the groups still open, which is one group when a file keeps a group's records together
 * and never more than the file when it scatters them. `read(pass)` must yield the same records
 * both times; it is told the pass so it can report file-level facts once. A file that changes
 * between the passes is rejected.
 */
export async function* groupByKey<R>(
  file: ListFile,
  read: (pass: 1 | 2) => AsyncIterable<R>,
  keyOf: (record: R) => string,
): AsyncGenerator<R[]> {
  const lastIndex = new Map<string, number>();
  let count = 0;
  for await (const record of read(1)) lastIndex.set(keyOf(record), count++);

  const open = new Map<string, R[]>();
  let index = 0;
  for await (const record of read(2)) {
    const key = keyOf(record);
    const group = open.get(key) ?? [];
    group.push(record);
    if (lastIndex.get(key) === index) {
      open.delete(key);
      yield group;
    } else {
      open.set(key, group);
    }
    index++;
  }
  if (index !== count || open.size > 0) throw new ListRejectedError(file.name, 'file changed while it was being read');
}
