/**
 * The zip family: the edition as data in one archive (editio-edition.zip): the tables, the
 * citation and licence, the Dublin Core records, the TEI and its schemas, and a README in the
 * edition's language.
 */
import { zipFiles } from '../exchange/export.js';
import { hashOf } from '../infra/hash.js';
import { family } from './family.js';

export const zip = family({
  name: 'zip',
  stage: 'exports',
  needs: ['tables', 'citation', 'dublinCore', 'publishedTei'],
  async make({ config, language, outDir, plan }, { tables, citation, dublinCore: records, publishedTei }) {
    const inputs = {
      tables: tables.hash,
      citation: citation.hash,
      records: hashOf(...records.map((r) => `${r.path}=${r.hash}`)),
      sources: hashOf(...publishedTei.files.map((f) => `${f.path}=${f.hash}`)),
    };
    await plan.makeMany('zip', inputs, () => zipFiles(config, language.messages, outDir, [...tables.files, ...citation.files], records, publishedTei.files));
  },
});
