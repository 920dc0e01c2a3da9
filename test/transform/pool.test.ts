import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { POOL_THRESHOLD, TransformPool } from '../../src/transform/pool.js';
import { authorityParams, transform, type TransformRequest } from '../../src/transform/transform.js';
import { teiDir } from '../helpers.js';

describe('pool', function () {
  this.timeout(60_000);
  const authorities = readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8');
  const documents = readdirSync(teiDir).filter((f) => /^\d/.test(f));

  it('starts no workers for a few documents', async () => {
    expect(await TransformPool.open({ text: authorities, identifiers: {} }, POOL_THRESHOLD - 1)).to.equal(undefined);
  });

  it('gives the same outputs and messages as a transform in this thread, in any order of finishing', async () => {
    const pool = await TransformPool.open({ text: authorities, identifiers: {} }, POOL_THRESHOLD);
    expect(pool).not.to.equal(undefined);
    try {
      const parsed = await authorityParams(authorities, {});
      const requests: TransformRequest[] = documents.flatMap((name) =>
        (['html', 'text', 'extract'] as const).map((format) => ({
          format,
          sourceText: readFileSync(path.join(teiDir, name), 'utf8'),
          file: name,
          params: { 'document-id': name },
        })),
      );
      // One request whose stylesheet fails, to see that failures come back as messages too.
      requests.push({ format: 'html', sourceText: '<TEI xmlns="http://www.tei-c.org/ns/1.0"><unclosed></TEI>', file: 'broken.xml' });
      const pooled = await Promise.all(requests.map((r) => pool!.run(r)));
      const local = requests.map((r) => transform(r.format === 'extract' ? r : { ...r, params: { ...r.params, ...parsed } }));
      expect(pooled).to.deep.equal(local);
      expect(pooled.at(-1)!.messages[0]).to.include({ severity: 'error', file: 'broken.xml' });
    } finally {
      await pool!.close();
    }
  });

  it('replaces each worker after its share of transforms, and loses none on the way', async () => {
    // The safety net tried with a small share: the default is large, workers no longer grow.
    const share = 40;
    const pool = await TransformPool.open({ text: authorities, identifiers: {} }, POOL_THRESHOLD, share);
    try {
      const sourceText = readFileSync(path.join(teiDir, '1966-09-30-protocol-agreement.xml'), 'utf8');
      const count = 2 * share + 50;
      const results = await Promise.all(Array.from({ length: count }, (_, i) => pool!.run({ format: 'extract', sourceText, file: 'p.xml', params: { 'document-id': `d${i}` } })));
      expect(results.filter((r, i) => JSON.parse(r?.output ?? '{}').id !== `d${i}`)).to.deep.equal([]);
      expect(new Set(results.map((r) => r!.output!.replace(/"id":"d\d+"/, ''))).size).to.equal(1);
    } finally {
      await pool!.close();
    }
  });
});
