/** The citation family: how the edition is cited (CITATION.cff) and under what licence (LICENSE.txt), in its language. */
import { citationFiles } from '../exchange/export.js';
import { hashOf } from '../infra/hash.js';
import { family } from './family.js';

export const citation = family({
  name: 'citation',
  stage: 'exports',
  needs: [],
  gives: 'citation',
  async make({ config, language, plan }) {
    const files = citationFiles(config, language.messages);
    const hash = hashOf(...files.flatMap((f) => [f.path, f.content]));
    await plan.makeMany('citation', { content: hash }, () => files);
    return { files, hash };
  },
});
