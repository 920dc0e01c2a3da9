import { expect } from 'chai';
import { languagePack } from '../../src/i18n/catalogue.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { jobContext, runJob, type DocumentWork, type Job, type Published } from '../../src/workers/jobs.js';
import { extractWork } from '../../src/families/extracts.js';
import { dtsWork } from '../../src/families/dts.js';
import { dublinCoreWork } from '../../src/families/dublin-core.js';
import { POOL_THRESHOLD, TransformPool } from '../../src/workers/pool.js';
import type { TransformRequest } from '../../src/transform/transform.js';
import { loadConfig, type EditionConfig } from '../../src/model/config.js';
import { repoRoot, teiDir } from '../helpers.js';

/** A family's work on one document, as a job: named by its module and export, as the pool gets it. */
const work = <R>(w: DocumentWork<R>, request: R): Job => ({ kind: 'work', module: w.module, name: w.name, request });
const isWork = (job: Job, w: DocumentWork<never>): boolean => job.kind === 'work' && job.name === w.name;

describe('pool', function () {
  this.timeout(60_000);
  const authorities = readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8');
  const published: Published = {
    text: authorities,
    ids: [...authorities.matchAll(/xml:id="([^"]+)"/g)].map((m) => m[1]!),
    identifiers: {},
    prefixes: {},
    language: languagePack('en'),
  };
  const documents = readdirSync(teiDir).filter((f) => /^\d/.test(f));
  let config: EditionConfig;
  before(async () => {
    config = await loadConfig(repoRoot);
  });

  it('starts no workers for a few documents', async () => {
    expect(await TransformPool.open(published, POOL_THRESHOLD - 1)).to.equal(undefined);
  });

  it('gives the same outputs and messages as a transform in this thread, in any order of finishing', async () => {
    const pool = await TransformPool.open(published, POOL_THRESHOLD);
    expect(pool).not.to.equal(undefined);
    try {
      const context = await jobContext(published);
      const jobs: Job[] = documents.flatMap((name): Job[] => {
        const sourceText = readFileSync(path.join(teiDir, name), 'utf8');
        const request = (format: 'html' | 'text'): TransformRequest => ({ format, sourceText, file: name, params: { 'document-id': name } });
        return [
          { kind: 'transform', requests: [request('html')] },
          { kind: 'transform', requests: [request('text')] },
          // A page and its text from one parse of the source: the same as each alone.
          { kind: 'transform', requests: [request('html'), request('text')] },
          work(extractWork, { sourceText, file: name, documentId: name }),
          work(dtsWork, {
            parent: { id: 'edition', title: 'E', description: '' },
            record: { id: name, title: name, description: '', date: '', language: 'en', tei: `tei/${name}` },
            base: 'dts',
            text: sourceText,
          }),
          work(dublinCoreWork, { sourceText, file: name, documentId: name, config }),
        ];
      });
      // Jobs that fail, to see that failures come back as messages too.
      const broken = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><unclosed></TEI>';
      jobs.push(
        { kind: 'transform', requests: [{ format: 'html', sourceText: broken, file: 'broken.xml' }] },
        {
          kind: 'transform',
          requests: [
            { format: 'html', sourceText: broken, file: 'broken.xml' },
            { format: 'text', sourceText: broken, file: 'broken.xml' },
          ],
        },
        work(extractWork, { sourceText: broken, file: 'broken.xml', documentId: 'broken' }),
      );
      const pooled = (await Promise.all(jobs.map((job) => pool!.run(job)))).map((r) => r!);
      const local = await Promise.all(jobs.map((job) => runJob(job, context)));
      expect(pooled).to.deep.equal(local);
      for (let i = 0; i < documents.length * 6; i += 6) expect(pooled[i + 2]).to.deep.equal([...pooled[i]!, ...pooled[i + 1]!]);
      const failed = pooled.slice(-3).flat();
      expect(failed).to.have.length(4);
      for (const result of failed) {
        expect(result.output).to.equal(undefined);
        expect(result.messages[0]).to.include({ severity: 'error', file: 'broken.xml' });
      }
      expect(
        pooled
          .slice(0, -3)
          .flat()
          .filter((r) => r.output === undefined),
      ).to.deep.equal([]);
      // The extracts name the entries the documents point to.
      const giap = pooled.find((_, i) => isWork(jobs[i]!, extractWork) && documents[Math.floor(i / 6)]!.includes('giap'))!;
      expect(JSON.parse(giap[0]!.output!).mentions.map((m: { entry: string }) => m.entry)).to.include('vo-nguyen-giap');
      // A resource's DTS files: its collection, citation tree and document.
      const dts = pooled
        .filter((_, i) => isWork(jobs[i]!, dtsWork))
        .map((r) => (JSON.parse(r[0]!.output!) as { path: string }[]).map((o) => o.path.split('/')[1]));
      expect(dts)
        .to.have.length(documents.length)
        .and.deep.equal(documents.map(() => ['collection', 'navigation', 'document']));
      // A document's Dublin Core record names the entries it points to by their standard names.
      const records = pooled.filter((_, i) => isWork(jobs[i]!, dublinCoreWork)).map((r) => r[0]!.output!);
      expect(records).to.have.length(documents.length);
      expect(records.join('\n')).to.include('<dc:subject>Võ Nguyên Giáp</dc:subject>');
    } finally {
      await pool!.close();
    }
  });

  it('replaces each worker after its share of transforms, and loses none on the way', async () => {
    // The safety net tried with a small share: the default is large, workers no longer grow.
    const share = 40;
    const pool = await TransformPool.open(published, POOL_THRESHOLD, share);
    try {
      const sourceText = readFileSync(path.join(teiDir, '1966-09-30-protocol-agreement.xml'), 'utf8');
      const count = 2 * share + 50;
      const results = await Promise.all(
        Array.from({ length: count }, (_, i) => pool!.run(work(extractWork, { sourceText, file: 'p.xml', documentId: `d${i}` }))),
      );
      expect(results.filter((r, i) => JSON.parse(r?.[0]?.output ?? '{}').id !== `d${i}`)).to.deep.equal([]);
      expect(new Set(results.map((r) => r![0]!.output!.replace(/"id":"d\d+"/, ''))).size).to.equal(1);
    } finally {
      await pool!.close();
    }
  });

  it('says which work a job names that its module does not export, in the pool and in this thread', async () => {
    const pool = await TransformPool.open(published, POOL_THRESHOLD);
    try {
      const job: Job = { kind: 'work', module: extractWork.module, name: 'noSuchWork', request: {} };
      const [pooled, local] = [await pool!.run(job), await runJob(job, await jobContext(published))];
      expect(pooled).to.deep.equal(local);
      expect(local[0]!.output).to.equal(undefined);
      expect(local[0]!.messages[0]).to.include({ severity: 'error', ruleId: 'work-missing' });
      expect(local[0]!.messages[0]!.reason).to.include('noSuchWork');
    } finally {
      await pool!.close();
    }
  });
});
