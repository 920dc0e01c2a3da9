/** The CMIF family: the edition's letters for correspSearch (cmif.xml), when it has any. */
import { cmifXml } from '../exchange/cmif.js';
import { hashOf } from '../infra/hash.js';
import { family } from './family.js';

export const cmif = family({
  name: 'cmif',
  stage: 'exports',
  needs: ['edition', 'documents'],
  async make({ config, language, plan }, { edition, documents: { published, publication } }) {
    const xml = cmifXml(config, language.messages, published, edition.authorities, publication);
    if (xml !== undefined) await plan.make('cmif.xml', { content: hashOf(xml) }, () => xml);
  },
});
