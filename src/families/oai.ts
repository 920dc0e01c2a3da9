/**
 * The OAI-PMH family: the edition as a repository harvesters read (oai/repository.json, what
 * `editio serve` answers from) and, for an edition with a public address, a static repository
 * (oai/static-repository.xml) that holds each document's Dublin Core record.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { publishedPath } from '../exchange/sources.js';
import { hashOf } from '../infra/hash.js';
import { message } from '../infra/messages.js';
import { oaiRepository, staticRepository } from '../oai/repository.js';
import { classNamer } from '../site/facets.js';
import { documentId } from '../edition/names.js';
import { family } from './family.js';

export const oai = family({
  name: 'oai',
  stage: 'exports',
  needs: ['documents', 'dublinCore'],
  async make({ config, plan, messages }, { documents: { published, sources, pages, publication }, dublinCore: records }) {
    const teiOf = new Map(sources.map((doc) => [documentId(doc), publishedPath(config, doc)]));
    // What a kind of document (a class of its textClass) is called, wherever the edition declares it.
    const kindName = classNamer(pages.pages.map((page) => page.summary));
    const repository = oaiRepository(config, published, (id) => teiOf.get(id)!, publication.slice(0, 10), kindName);
    const repositoryJson = `${JSON.stringify(repository, null, 2)}\n`;
    await plan.make('oai/repository.json', { content: hashOf(repositoryJson) }, () => repositoryJson);
    // Harvesters need the edition's public address: without it, CMIF's letters are linked relatively and OAI has no identifiers to give.
    if (!config.baseUrl) {
      const file = path.join(config.root, 'editio.config.json');
      messages.push(
        message(
          'warning',
          'site',
          'base-url-missing',
          'the edition has no public address ("baseUrl" in editio.config.json): cmif.xml links its letters relatively and the OAI-PMH static repository is not written, so neither can be harvested; give the address the edition will have',
          existsSync(file) ? { file } : {},
        ),
      );
      return;
    }
    const dcOf = new Map(records.map((r) => [r.path, r]));
    await plan.make(
      'oai/static-repository.xml',
      { repository: hashOf(repositoryJson), records: hashOf(...records.map((r) => `${r.path}=${r.hash}`)), base: config.baseUrl },
      async () => {
        const texts = new Map(
          await Promise.all(repository.records.map(async (r) => [r.dc, Buffer.from((await dcOf.get(r.dc)?.content()) ?? '').toString('utf8')] as const)),
        );
        return staticRepository(repository, `${config.baseUrl}oai/static-repository.xml`, (r) => texts.get(r.dc)!);
      },
    );
  },
});
