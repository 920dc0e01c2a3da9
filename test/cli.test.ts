import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyEdition, corpusDir, fixtures, read, removeDir, repoRoot, requireShared, runCli, teiAllSchema } from './helpers.js';

describe('cli', function () {
  this.timeout(120_000);

  it('is the package’s bin, with a shebang', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.bin.editio).to.equal('dist/lib/cli.js');
    expect(readFileSync(path.join(repoRoot, pkg.bin.editio), 'utf8')).to.match(/^#!\/usr\/bin\/env node/);
  });

  it('prints usage for --help and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.status).to.equal(0);
    expect(run.stdout).to.contain('editio validate');
  });

  for (const [args, says] of [
    [[], 'Usage'],
    [['publish'], 'unknown command "publish"'],
    [['validate'], 'needs at least one file'],
    [['validate', 'tei', '--colour'], "Unknown option '--colour'"],
    [['validate', 'tei', '--format', 'xml'], '--format must be'],
  ] as [string[], string][]) {
    it(`exits 2 for a usage error: editio ${args.join(' ')}`, () => {
      const run = runCli(args);
      expect(run.status).to.equal(2);
      expect(run.stdout + run.stderr).to.contain(says);
    });
  }

  it('validates tei/ with exit 0 and a summary line', () => {
    const run = runCli(['validate', 'tei']);
    expect(run.status).to.equal(0);
    expect(run.stdout.trim()).to.equal('✔ no problems in 5 files');
  });

  it('fails on warnings only with --strict', () => {
    const edition = copyEdition();
    try {
      const intro = path.join(edition, 'tei', 'edition.xml');
      writeFileSync(intro, read(intro).replace('<placeName ref="authorities.xml#vietnam">Vietnam</placeName></head>', 'Vietnam</head>'));
      const lenient = runCli(['validate', 'tei'], edition);
      expect(lenient.status).to.equal(0);
      expect(lenient.stdout).to.contain('mention-untagged');
      expect(runCli(['validate', 'tei', '--strict'], edition).status).to.equal(1);
    } finally {
      removeDir(edition);
    }
  });

  it('prints each problem once under its file as line  severity  reason  rule-id, with the source line, and exits 1', () => {
    const run = runCli(['validate', path.join('test', 'fixtures', 'schema')]);
    expect(run.status).to.equal(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).to.equal('✖ 7 errors, ⚠ 0 warnings in 7 of 7 files');
    const headings = lines.filter((l) => l.startsWith('test/'));
    expect(headings).to.have.length(7);
    const problems = lines.filter((l) => /^ {2}\d/.test(l));
    expect(problems).to.have.length(7);
    for (const line of problems) expect(line).to.match(/^ {2}\d+ {2}error {2}.+ {2}relaxng$/);
    expect(run.stdout).to.contain('    34 │         <table><row><cell>x</cell></row></table>');
  });

  it('puts a caret under the column and never colours output that is not a terminal', () => {
    const run = runCli(['validate', path.join('test', 'fixtures', 'hostile', 'mismatched-tags.xml')]);
    const lines = run.stdout.split('\n');
    const excerpt = lines.findIndex((l) => l.includes('│       <p>During'));
    const caretColumn = lines[excerpt + 1]!.indexOf('^') - lines[excerpt]!.indexOf('│') - 2;
    expect(lines[excerpt]!.slice(lines[excerpt]!.indexOf('│') + 2).slice(caretColumn)).to.match(/^<\/persName>/);
    expect(run.stdout).not.to.contain('\u001b[');
  });

  it('prints the same messages as JSON with --format json', () => {
    const files = ['binary-png', 'empty', 'invalid-utf8', 'mismatched-tags', 'xxe-external-entity'].map((f) => path.join(fixtures, 'hostile', `${f}.xml`));
    const run = runCli(['validate', ...files, '--format', 'json']);
    expect(run.status).to.equal(1);
    const { messages } = JSON.parse(run.stdout) as { messages: { ruleId: string; file: string; line?: number; severity: string }[] };
    expect(messages.map((m) => m.ruleId)).to.deep.equal(['not-xml', 'file-empty', 'encoding-invalid', 'not-well-formed', 'doctype-entity']);
    for (const m of messages) expect(m).to.include({ severity: 'error' }).and.to.have.property('line').that.is.a('number');
  });

  describe('on real-world TEI (../shared/corpus) against tei_all', function () {
    before(function () {
      requireShared(this, teiAllSchema);
    });

    it('gives jing’s verdict for every file, except where jing resolves what editio never reads', () => {
      const run = runCli(['validate', corpusDir, '--schema', teiAllSchema, '--format', 'json']);
      expect(run.status).to.equal(1);
      const { messages } = JSON.parse(run.stdout) as { messages: { ruleId: string; severity: string; file: string; line?: number }[] };
      const failing = [...new Set(messages.filter((m) => m.severity === 'error').map((m) => path.basename(m.file)))].sort();
      // jing (Debian 20220510) rejects the same files, with two documented differences (README):
      // isicily-IAS_1.xml is valid for jing only because jing falls back from its xi:include, which
      // editio never resolves; teic-test-testcorpus.xml is a fatal error for jing, which looks for
      // its external DTD, while editio ignores the DTD (with a warning) and finds the file valid.
      expect(failing).to.deep.equal(['frus1894Nicaragua-d7.xml', 'isicily-IAS_1.xml', 'schnitzler-L00088.xml', 'tpub-CIDTC-3823-cortez.xml']);
      expect(messages.find((m) => m.file.endsWith('teic-test-testcorpus.xml'))).to.include({ ruleId: 'doctype-entity', severity: 'warning' });
      expect(messages.find((m) => m.file.endsWith('isicily-IAS_1.xml'))).to.include({ ruleId: 'relaxng', line: 116 });
    });
  });
});
