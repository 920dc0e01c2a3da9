/**
 * Every family of outputs a build makes. The build runs them in the order their needs give
 * (src/families/family.ts, inBuildOrder); among those ready at once, in the order listed here. To
 * add a family: write its module (one `family({...})`), list it here, and, if it gives a result,
 * name that result in src/families/results.ts. docs/contributing.md has the recipe.
 */
import { assets } from './assets.js';
import { citation } from './citation.js';
import { cmif } from './cmif.js';
import { corpus } from './corpus.js';
import { documents } from './documents.js';
import { dts } from './dts.js';
import { dublinCore } from './dublin-core.js';
import { epub } from './epub.js';
import { extracts } from './extracts.js';
import { facsimiles } from './facsimiles.js';
import type { Family } from './family.js';
import { documentMaps, editionMap } from './maps.js';
import { manifests } from './manifests.js';
import { oai } from './oai.js';
import { pdf } from './pdf.js';
import { publishedTei } from './published-tei.js';
import { registers } from './registers.js';
import { search } from './search.js';
import { site } from './site.js';
import { tables } from './tables.js';
import { zip } from './zip.js';

export const FAMILIES: readonly Family[] = [
  extracts,
  documentMaps,
  facsimiles,
  documents,
  site,
  editionMap,
  registers,
  search,
  publishedTei,
  manifests,
  dublinCore,
  cmif,
  oai,
  corpus,
  tables,
  citation,
  zip,
  assets,
  dts,
  pdf,
  epub,
];
