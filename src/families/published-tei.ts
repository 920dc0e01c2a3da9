/**
 * The published TEI family: every source as published (tei/, byte for byte, but without active
 * content) and the schemas they name (schemas/). Its result is what the DTS answers, the corpus
 * and the zip hold.
 */
import { hashOf } from '../infra/hash.js';
import type { DataFile } from '../exchange/export.js';
import { inertDoc } from '../exchange/inert.js';
import { publishedPath, publishedSchemas } from '../exchange/sources.js';
import { family } from './family.js';

export const publishedTei = family({
  name: 'publishedTei',
  stage: 'exports',
  needs: ['edition', 'documents'],
  gives: 'publishedTei',
  async make({ config, plan, messages, hashOfDoc }, { edition, documents: { sources: documents } }) {
    const { intro, authorityFiles } = edition;
    const members = [...(intro ? [intro] : []), ...authorityFiles, ...documents];
    const schemas = await publishedSchemas(config, members);
    for (const m of schemas.messages) messages.push(m);
    // A published source is the source's bytes (its hash is known), but for one with active content, published without it.
    const asPublished = new Map(
      members.map((doc) => [
        doc,
        edition.hasActiveContent(doc) ? { doc: inertDoc(doc), hash: hashOf('inert', hashOfDoc(doc)) } : { doc, hash: hashOfDoc(doc) },
      ]),
    );
    const files: DataFile[] = [
      ...[...asPublished.values()].map(({ doc, hash }) => ({ path: publishedPath(config, doc), hash, content: async () => doc.source.bytes })),
      ...schemas.outputs.map(({ path, content }) => ({ path, hash: hashOf(content), content: async () => content })),
    ];
    for (const file of files) await plan.make(file.path, { content: file.hash }, file.content);
    return {
      byPath: new Map([...asPublished.values()].map(({ doc }) => [publishedPath(config, doc), doc])),
      asPublished,
      files,
      members: hashOf(...members.map((d) => `${d.source.path}=${hashOfDoc(d)}`)),
    };
  },
});
