/**
 * The Dublin Core family: a record per published document (metadata/<id>.dc.xml), made from the
 * document's tree on the workers, again when its source or the entries it points to change. OAI's
 * repository and the zip hold them.
 */
import { dublinCore as dublinCoreOf } from '../exchange/dublin-core.js';
import type { DataFile } from '../exchange/export.js';
import { inOrder } from '../incremental/plan.js';
import { message } from '../infra/messages.js';
import type { EditionConfig } from '../model/config.js';
import { buildTree } from '../parse/tree.js';
import { documentWork } from '../workers/jobs.js';
import { documentId } from '../edition/names.js';
import { WINDOW } from './context.js';
import { family } from './family.js';

/** A document's record, from its text (src/exchange/dublin-core.ts). */
export const dublinCoreWork = documentWork<{ sourceText: string; file: string; documentId: string; config: EditionConfig }>(
  import.meta.url,
  'dublinCoreWork',
  ({ sourceText, file, documentId: id, config }, context) => {
    const tree = buildTree(sourceText);
    if ('error' in tree) {
      return {
        output: undefined,
        messages: [
          message('error', 'site', 'record-failed', `its Dublin Core record could not be made: ${tree.error.reason}`, { file, line: tree.error.line }),
        ],
      };
    }
    return { output: dublinCoreOf({ tree: tree.root }, id, config, context.published(), context.language), messages: [] };
  },
);

export const dublinCore = family({
  name: 'dublinCore',
  stage: 'exports',
  needs: ['edition', 'documents'],
  gives: 'dublinCore',
  async make(ctx, { edition, documents: { sources } }) {
    const { config, plan, xslt, hashOfDoc } = ctx;
    const jobs = sources.map((doc) => ({
      doc,
      file: `metadata/${documentId(doc)}.dc.xml`,
      inputs: { source: hashOfDoc(doc), entries: edition.entriesOf(doc) },
    }));
    await inOrder(jobs, WINDOW, ({ doc, file, inputs }) =>
      plan.start(file, inputs, (sink) => xslt.work(sink, dublinCoreWork, { sourceText: doc.text, file: doc.source.name, documentId: documentId(doc), config })),
    );
    return jobs
      .filter(({ file }) => plan.has(file))
      .map(({ file }): DataFile => ({ path: file, hash: plan.inputsOf(file), content: async () => (await plan.content(file)) as Uint8Array }));
  },
});
