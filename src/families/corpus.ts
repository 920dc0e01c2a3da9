/**
 * The corpus family: the whole edition as one teiCorpus (corpus.xml), in parts: an edit makes
 * again only the parts of the documents it changed (src/incremental/parts.ts).
 */
import { corpusParts } from '../exchange/export.js';
import { joinParts } from '../incremental/parts.js';
import { family } from './family.js';

export const corpus = family({
  name: 'corpus',
  stage: 'exports',
  needs: ['edition', 'documents', 'publishedTei'],
  async make({ config, outDir, plan }, { edition: { intro, authorityFiles }, documents: { sources }, publishedTei: { asPublished, members } }) {
    const parts = corpusParts(
      config,
      intro && asPublished.get(intro),
      [...authorityFiles, ...sources].map((doc) => asPublished.get(doc)!),
    );
    await plan.makeMany('corpus', { members }, () => joinParts(outDir, 'corpus.xml', parts));
  },
});
