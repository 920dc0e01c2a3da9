/** The tables family: the published documents as rows, metadata/documents.csv and .json, for spreadsheets and scripts. */
import { documentRows, tableFiles } from '../exchange/export.js';
import { hashOf } from '../infra/hash.js';
import { family } from './family.js';

export const tables = family({
  name: 'tables',
  stage: 'exports',
  needs: ['edition', 'documents'],
  gives: 'tables',
  async make({ config, plan }, { edition, documents: { published } }) {
    const rows = documentRows(config, published, edition.authorities);
    const hash = hashOf(JSON.stringify(rows));
    const files = tableFiles(rows);
    await plan.makeMany('tables', { rows: hash }, () => files);
    return { files, hash };
  },
});
