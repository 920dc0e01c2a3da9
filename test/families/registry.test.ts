import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { family } from '../../src/families/family.js';
import { message } from '../../src/infra/messages.js';
import { FAMILIES } from '../../src/families/registry.js';
import { build } from '../../src/pipeline/build.js';
import { POOL_THRESHOLD } from '../../src/workers/pool.js';
import { writeDossier } from '../bench/dossier.js';
import { jsonRecords } from '../fixtures/families/json-records.js';
import { fixtures, removeDir, repoRoot, tempDir } from '../helpers.js';

/** What a promise is rejected with, or undefined. */
async function failure(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}

const RECIPE_FIXTURE = path.join(fixtures, 'families', 'json-records.ts');

describe('a family added as docs/contributing/recipes.md says (a JSON record per document)', function () {
  this.timeout(180_000);
  let root: string;
  const out = (): string => path.join(root, 'dist', 'edition');
  const records = (): string[] => (existsSync(path.join(out(), 'records')) ? readdirSync(path.join(out(), 'records')).sort() : []);
  const rows = (): { id: string; title: string }[] =>
    JSON.parse(readFileSync(path.join(out(), 'metadata', 'documents.json'), 'utf8')) as { id: string; title: string }[];
  const withRecords = [...FAMILIES, jsonRecords];

  before(() => {
    root = tempDir('editio-family-');
    // Enough documents for the worker pool: the record is made on the workers.
    writeDossier({ dir: root, docs: POOL_THRESHOLD, seed: 5, minKb: 1, maxKb: 1 });
  });
  after(() => removeDir(root));

  it('is the code the recipe shows', () => {
    const recipe = readFileSync(path.join(repoRoot, 'docs', 'contributing', 'recipes.md'), 'utf8');
    const shown = /```ts\n(\/\*\*\n \* The JSON records family[\s\S]*?)```/.exec(recipe)?.[1];
    expect(shown, 'the recipe shows src/families/json-records.ts').to.be.a('string');
    expect(
      readFileSync(RECIPE_FIXTURE, 'utf8')
        .replace(/'\.\.\/\.\.\/\.\.\/src\/families\//g, "'./")
        .replace(/'\.\.\/\.\.\/\.\.\/src\//g, "'../"),
    ).to.equal(shown);
  });

  it('writes a record per published document, made on the workers, each naming the document as its page does', async () => {
    const result = await build({ root, families: withRecords });
    expect(result.messages.filter((m) => m.severity === 'error')).to.deep.equal([]);
    expect(records()).to.deep.equal(result.published.map((id) => `${id}.json`).sort());
    for (const row of rows()) {
      const record = JSON.parse(readFileSync(path.join(out(), 'records', `${row.id}.json`), 'utf8')) as {
        id: string;
        title: string;
        date: string | null;
        entries: string[];
      };
      expect(record).to.include({ id: row.id, title: row.title });
      expect(record.entries).to.be.an('array');
    }
    expect(
      rows().some((row) => (JSON.parse(readFileSync(path.join(out(), 'records', `${row.id}.json`), 'utf8')) as { entries: string[] }).entries.length > 0),
    ).to.equal(true);
  });

  it('makes again only the record of the document that changed', async () => {
    const [first] = rows();
    const file = path.join(root, 'tei', `${first!.id}.xml`);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/(<titleStmt>\s*<title[^>]*>)/, '$1Retitled: '));
    const lines: string[] = [];
    await build({ root, families: withRecords, log: (line) => lines.push(line) });
    const remade = lines.filter((line) => line.includes('records/'));
    expect(remade).to.have.length(1);
    expect(remade[0]).to.include(`records/${first!.id}.json`);
    expect(JSON.parse(readFileSync(path.join(out(), 'records', `${first!.id}.json`), 'utf8')).title).to.match(/^Retitled: /);
  });

  it('refuses a list of families that cannot make an edition, saying which result is missing', async () => {
    const without = (name: string) => FAMILIES.filter((f) => f.name !== name);
    expect(await failure(build({ root, families: without('documents') }))).to.equal('editio: family site needs documents, which nothing gives');
    expect(await failure(build({ root, families: FAMILIES.filter((f) => f.name === 'extracts') }))).to.match(/must include extracts and documents/);
    // Asked for by the PDF alone, a result the EPUB needs is missing from a build that makes only the EPUB.
    const bookOnly = family({
      name: 'bookParts',
      stage: 'print',
      needs: [],
      gives: 'citation',
      wanted: (asked) => asked.pdf,
      make: async () => ({ files: [], hash: '' }),
    });
    const reader = family({ name: 'reader', stage: 'print', needs: ['citation'], wanted: (asked) => asked.epub, make: async () => undefined });
    const families = [...FAMILIES.filter((f) => f.name !== 'citation' && f.name !== 'zip'), bookOnly, reader];
    expect(await failure(build({ root, families, epub: true }))).to.equal('editio: family reader needs citation, which no family this build makes gives');
  });

  it('makes a family beside another, and puts what each said in the build in their order', async () => {
    let secondStarted!: () => void;
    const started = new Promise<void>((resolve) => (secondStarted = resolve));
    const events: string[] = [];
    const said = (name: string) => message('info', 'site', 'side-by-side', name);
    // The first waits for the second to start: made one after the other, it would wait in vain.
    const first = family({
      name: 'first',
      stage: 'exports',
      needs: ['documents'],
      make: async (ctx) => {
        ctx.messages.push(said('first, before'));
        const waited = await Promise.race([started.then(() => 'the second started'), new Promise((r) => setTimeout(() => r('alone'), 20_000))]);
        events.push(`first: ${waited}`);
        ctx.messages.push(said('first, after'));
      },
    });
    const second = family({
      name: 'second',
      stage: 'exports',
      needs: ['documents'],
      make: async (ctx) => {
        secondStarted();
        ctx.messages.push(said('second'));
        events.push('second');
      },
    });
    const result = await build({ root, families: [...withRecords, first, second] });
    expect(events).to.deep.equal(['second', 'first: the second started']);
    expect(result.messages.filter((m) => m.ruleId === 'side-by-side').map((m) => m.reason)).to.deep.equal(['first, before', 'first, after', 'second']);
  });

  it('is gone, its files removed, from a build without it', async () => {
    expect(records()).to.not.deep.equal([]);
    await build({ root });
    expect(existsSync(path.join(out(), 'records'))).to.equal(false);
    expect(rows().length).to.equal(POOL_THRESHOLD);
  });
});
