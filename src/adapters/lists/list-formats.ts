import type { ListParser } from './list-parser.js';
import { euFsfXmlParser } from './eu/eu-fsf-xml-parser.js';
import { ftmJsonlParser } from './ftm/ftm-jsonl-parser.js';
import { osTargetsCsvParser } from './ftm/os-targets-csv-parser.js';
import { ofacCsvParser } from './ofac-csv/ofac-csv-parser.js';
import { ofacEnhancedXmlParser } from './ofac-xml/ofac-enhanced-xml-parser.js';
import { ofacSdnXmlParser } from './ofac-xml/ofac-sdn-xml-parser.js';
import { ukConlistCsvParser } from './uk/uk-conlist-csv-parser.js';
import { unXmlParser } from './un/un-xml-parser.js';
import { usCslCsvParser } from './us-csl/us-csl-csv-parser.js';

/** Every list format Warden reads, in the order their content is tried. */
export const LIST_PARSERS: readonly ListParser[] = Object.freeze([
  ofacCsvParser,
  ofacSdnXmlParser,
  ofacEnhancedXmlParser,
  unXmlParser,
  euFsfXmlParser,
  ukConlistCsvParser,
  usCslCsvParser,
  ftmJsonlParser,
  osTargetsCsvParser,
]);
