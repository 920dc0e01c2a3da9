import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkConfig, CONFIG_SCHEMA_FILE, configJsonSchema, loadConfig, withoutPlaceholders } from '../../src/model/config.js';
import { ConfigError } from '../../src/infra/messages.js';
import { removeDir, repoRoot, tempDir } from '../helpers.js';

const valid = {
  title: 'An edition',
  editors: ['A. Editor'],
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  baseUrl: 'https://example.org/edition/',
};

function faultOf(raw: unknown): string {
  try {
    checkConfig(raw, '/x/editio.config.json');
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    expect((err as ConfigError).diagnostic.ruleId).to.equal('config-invalid');
    return (err as ConfigError).diagnostic.reason;
  }
  throw new Error('the configuration was accepted');
}

describe('config', () => {
  it('reads the seed edition’s configuration with its defaults', async () => {
    const config = await loadConfig(repoRoot);
    expect(config.root).to.equal(repoRoot);
    expect(config.sources).to.equal('tei');
    expect(config.authorities).to.deep.equal(['authorities.xml']);
    expect(config.baseUrl).to.match(/^https:\/\/.+\/$/);
  });

  it('fills in defaults for optional keys, the language left to the documents', () => {
    const config = checkConfig(valid, '/x/editio.config.json');
    expect(config).to.include({ language: '', sources: 'tei', out: 'dist/edition' });
  });

  it('takes a language as a BCP 47 tag, in its canonical form, and says what a tag is when it is none', () => {
    expect(checkConfig({ ...valid, language: 'deu' }, '/x/editio.config.json').language).to.equal('de');
    expect(checkConfig({ ...valid, language: 'de_at' }, '/x/editio.config.json').language).to.equal('de-AT');
    expect(() => checkConfig({ ...valid, language: 'German!' }, '/x/editio.config.json')).to.throw(/language.*BCP 47 language tag/);
  });

  it('names a missing required key', () => {
    const { title: _title, ...rest } = valid;
    expect(faultOf(rest)).to.contain('"title" is missing');
  });

  it('names an unknown key, so typos do not pass silently', () => {
    expect(faultOf({ ...valid, titel: 'x' })).to.contain('unknown key "titel"');
  });

  it('rejects a base URL that is not http(s) or does not end with a slash', () => {
    expect(faultOf({ ...valid, baseUrl: 'javascript:alert(1)/' })).to.contain('"baseUrl"');
    expect(faultOf({ ...valid, baseUrl: 'https://example.org/edition' })).to.contain('ending with "/"');
  });

  it('rejects editors that are not a list of names', () => {
    expect(faultOf({ ...valid, editors: 'A. Editor' })).to.contain('"editors" must be a list');
  });

  it('reports broken JSON with its line and column', async () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, 'editio.config.json'), '{\n  "title": "x",\n  "editors": [,]\n}\n');
      const err = await loadConfig(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ConfigError);
      const diagnostic = (err as ConfigError).diagnostic;
      expect(diagnostic).to.include({ line: 3, column: 15 });
    } finally {
      removeDir(dir);
    }
  });

  it('locates every fault in the file: syntax, a bad value, an unknown key', async () => {
    const dir = tempDir();
    const faultIn = async (source: string): Promise<{ reason: string; line?: number; column?: number }> => {
      writeFileSync(path.join(dir, 'editio.config.json'), source);
      const err = await loadConfig(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, source).to.be.instanceOf(ConfigError);
      const { reason, line, column } = (err as ConfigError).diagnostic;
      return { reason, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) };
    };
    const lines = (extra: string): string => JSON.stringify(valid, null, 2).replace(/\n}$/, `,\n${extra}\n}`);
    try {
      expect(await faultIn('{\n  "title": "An edition with a long enough title",\n  "editors": ["x"] "licence": {}\n}')).to.include({ line: 3, column: 20 });
      expect(await faultIn('{"title": "x",')).to.deep.include({ line: 1 });
      expect(await faultIn('{\n  // a comment\n  "title": "x"\n}')).to.include({ line: 2, column: 3 });
      expect(await faultIn(lines('  "searchShardPages": 0.001'))).to.deep.equal({
        reason: '"searchShardPages" must be a whole number from 1 to 1,000,000, not 0.001',
        line: 11,
        column: 23,
      });
      expect(await faultIn(lines('  "titel": "typo"')))
        .to.include({ line: 11, column: 3 })
        .and.have.property('reason')
        .that.matches(/^unknown key "titel"/);
    } finally {
      removeDir(dir);
    }
  });

  it('has a JSON Schema for editors, made from the same definition (UPDATE_FIXTURES=1 rewrites it)', async () => {
    const file = path.join(repoRoot, 'schemas', CONFIG_SCHEMA_FILE);
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(file, configJsonSchema());
    expect(readFileSync(file, 'utf8'), 'schemas/editio.config.schema.json is out of date: run UPDATE_FIXTURES=1 npm test').to.equal(configJsonSchema());
    const schema = JSON.parse(configJsonSchema()) as {
      properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(schema.required.sort()).to.deep.equal(['baseUrl', 'editors', 'licence', 'title']);
    expect(schema.additionalProperties).to.equal(false);
    expect(schema.properties.searchShardPages).to.include({ default: 4, minimum: 1, maximum: 1_000_000 });
    // The edition names it, and is valid by it (the keys editio reads are the keys the schema has).
    const config = JSON.parse(readFileSync(path.join(repoRoot, 'editio.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.$schema).to.equal(`./schemas/${CONFIG_SCHEMA_FILE}`);
    for (const key of Object.keys(config)) expect(schema.properties, key).to.have.property(key);
  });

  it('says what to do when the folder has no configuration', async () => {
    const dir = tempDir();
    try {
      const err = (await loadConfig(dir).catch((e: unknown) => e)) as ConfigError;
      expect(err.diagnostic.ruleId).to.equal('config-missing');
      expect(err.diagnostic.reason).to.contain('create one');
    } finally {
      removeDir(dir);
    }
  });

  it('rejects numbers outside their sensible range, naming the key, the range and the value', () => {
    for (const [key, value] of [
      ['searchShardPages', 0.001],
      ['searchShardPages', 1e-300],
      ['searchShardPages', 0],
      ['chronologyPageDates', -5],
      ['listPageDocuments', 2.5],
      ['entryPageDocuments', 1e300],
      ['maxDocumentMegabytes', 0],
      ['maxDocumentMegabytes', 1e9],
      ['searchShardPages', '64'],
    ] as const) {
      const reason = faultOf({ ...valid, [key]: value });
      expect(reason, `${key}: ${value}`).to.match(new RegExp(`^"${key}" must be a (whole )?number from [\\d.,]+ to [\\d,]+, not `));
      expect(reason).to.contain(typeof value === 'string' ? `"${value}"` : String(value));
    }
  });

  it('takes numbers inside their range', () => {
    const config = checkConfig({ ...valid, searchShardPages: 1, listPageDocuments: 1_000_000, maxDocumentMegabytes: 0.5 }, '/x/editio.config.json');
    expect([config.searchShardPages, config.listPageDocuments, config.maxDocumentMegabytes]).to.deep.equal([1, 1_000_000, 0.5]);
  });

  it('reads a configuration saved with a UTF-8 byte-order mark', async () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, 'editio.config.json'), `\uFEFF${JSON.stringify(valid)}`);
      expect((await loadConfig(dir)).title).to.equal('An edition');
    } finally {
      removeDir(dir);
    }
  });

  it('says a configuration in UTF-16, with or without its byte-order mark, or in Latin-1 must be saved as UTF-8', async () => {
    const dir = tempDir();
    try {
      const json = JSON.stringify(valid, null, 2);
      const cases: [Buffer, RegExp, number][] = [
        [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]), /^the file is in UTF-16; save it as UTF-8/, 1],
        [Buffer.from(json, 'utf16le'), /^the file is in UTF-16 \(without a byte-order mark\); save it as UTF-8/, 1],
        [
          Buffer.from(JSON.stringify({ ...valid, title: 'Lettres de Fréjus' }, null, 2), 'latin1'),
          /^the file is not in UTF-8 \(probably Windows-1252 or Latin-1\); save it as UTF-8/,
          2,
        ],
      ];
      for (const [bytes, said, line] of cases) {
        writeFileSync(path.join(dir, 'editio.config.json'), bytes);
        const err = (await loadConfig(dir).catch((e: unknown) => e)) as ConfigError;
        expect(err).to.be.instanceOf(ConfigError);
        expect(err.diagnostic.reason).to.match(said);
        expect(err.diagnostic.reason).not.to.contain('not valid JSON');
        expect(err.diagnostic).to.include({ line, file: path.join(dir, 'editio.config.json') });
      }
    } finally {
      removeDir(dir);
    }
  });

  it('drops a placeholder editor ("[Editors to be named]") with one warning located in the file, and keeps real names', async () => {
    const dir = tempDir();
    try {
      writeFileSync(path.join(dir, 'editio.config.json'), JSON.stringify({ ...valid, editors: ['Eva Lind', '[Editors to be named]'] }, null, 2));
      const { config, warnings } = withoutPlaceholders(await loadConfig(dir));
      expect(config.editors).to.deep.equal(['Eva Lind']);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include({ severity: 'warning', ruleId: 'editor-placeholder', file: path.join(dir, 'editio.config.json'), line: 5 });
      expect(warnings[0]!.reason).to.contain('"[Editors to be named]"');
      const named = withoutPlaceholders(checkConfig(valid, path.join(dir, 'editio.config.json')));
      expect(named.warnings).to.deep.equal([]);
      expect(named.config.editors).to.deep.equal(['A. Editor']);
    } finally {
      removeDir(dir);
    }
  });
});
