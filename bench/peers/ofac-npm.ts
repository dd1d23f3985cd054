import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Entity } from '../../src/domain/entities/entity.js';
import { writeSdnXml } from './sdn-xml-writer.js';

/**
 * The npm package `ofac` (ekkis/ofac) as a benchmark peer, driven as its README documents:
 * `ofac.search({ firstName, lastName }, filename)` against a local SDN.XML, here one generated
 * from the SDN entities. It searches individuals only, by lower-cased first/last-name equality
 * (also against a.k.a.s), and rereads and parses the whole XML file for every query.
 */

/** What `ofac.search` takes (the subset the benchmark uses). */
export interface OfacCustomer {
  firstName?: string;
  lastName?: string;
  search_type?: string;
}

/** The parts of a returned SDN record the benchmark reads. */
interface OfacRecord {
  readonly uid: string;
}

interface OfacModule {
  search(cust: OfacCustomer, filename?: string): Promise<OfacRecord[]>;
}

const require = createRequire(import.meta.url);

/** The `ofac` package over one generated SDN.XML file. */
export class OfacNpmPeer {
  private readonly ofac: OfacModule;

  private constructor(
    /** The generated SDN.XML it searches. */
    readonly xmlPath: string,
    /** How many `sdnEntry` records the file holds. */
    readonly entries: number,
  ) {
    this.ofac = require('ofac') as OfacModule;
  }

  /** Writes the `ofac-sdn` entities of `entities` to `<dir>/sdn.xml` and returns a peer over it. */
  static async create(entities: readonly Entity[], dir: string): Promise<OfacNpmPeer> {
    const path = join(dir, 'sdn.xml');
    const entries = await writeSdnXml(
      entities.filter((e) => e.source === 'ofac-sdn'),
      path,
    );
    return new OfacNpmPeer(path, entries);
  }

  /** The Warden ids (`ofac-sdn:<uid>`) of the SDN records `ofac` returns for a name. */
  async search(name: OfacCustomer): Promise<string[]> {
    const found = await this.ofac.search({ ...name }, this.xmlPath);
    return found.map((r) => `ofac-sdn:${r.uid}`);
  }
}

/**
 * Splits a written name into the first/last name `ofac` expects: "LAST, First Middle" at the
 * first comma; otherwise the last word is the last name and the rest the first name.
 */
export function splitPersonName(full: string): OfacCustomer {
  const comma = full.indexOf(',');
  if (comma >= 0) {
    const firstName = full.slice(comma + 1).trim();
    const lastName = full.slice(0, comma).trim();
    return firstName ? { firstName, lastName } : { lastName };
  }
  const words = full.trim().split(/\s+/u);
  const lastName = words.pop() ?? '';
  return words.length > 0 ? { firstName: words.join(' '), lastName } : { lastName };
}
