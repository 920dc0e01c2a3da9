import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, copyEdition, fixtures, read, removeDir, repoRoot, runCli, teiDir, tempDir, cliPath } from './helpers.js';

const hostileDir = path.join(fixtures, 'hostile');

/** What editio must say about each fixture of test/fixtures/hostile/ (and the generated ones). */
const EXPECTED: Record<string, string> = {
  'truncated.xml': 'not-well-formed',
  'mismatched-tags.xml': 'not-well-formed',
  'bad-attribute-syntax.xml': 'not-well-formed',
  'invalid-utf8.xml': 'encoding-invalid',
  'lying-encoding.xml': 'encoding-mismatch',
  'empty.xml': 'file-empty',
  'binary-png.xml': 'not-xml',
  'root-not-tei.xml': 'root-not-tei',
  'xxe-external-entity.xml': 'doctype-entity',
  'external-dtd.xml': 'doctype-entity',
  'parameter-entity.xml': 'doctype-entity',
  'xinclude.xml': 'relaxng',
  'billion-laughs.xml': 'doctype-entity',
  'generated-50mb.xml': 'too-large',
  'generated-100000-nested.xml': 'too-deep',
  'generated-10mb-text-node.xml': 'too-large',
};

const SECRET = 'root:x:0:0';

/** The three large cases, made from the seed's decision rather than stored in git. */
function generateLarge(dir: string): void {
  const decision = read(path.join(teiDir, '1966-09-21-giap-decision.xml'));
  const paragraph = /<p>During[\s\S]*?<\/p>/.exec(decision)![0];
  const [head, tail] = decision.split(/<p>During[\s\S]*<\/p>/) as [string, string];
  const copies = Math.ceil((50 * 1024 * 1024) / paragraph.length);
  writeFileSync(path.join(dir, 'generated-50mb.xml'), head + `${paragraph}\n        `.repeat(copies) + tail);
  writeFileSync(path.join(dir, 'generated-100000-nested.xml'), `${head}<p>${'<hi rend="italic">'.repeat(100_000)}x${'</hi>'.repeat(100_000)}</p>${tail}`);
  writeFileSync(path.join(dir, 'generated-10mb-text-node.xml'), `${head}<p>${'the pilots flew '.repeat(700_000)}</p>${tail}`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('hostile and broken input (end to end)', function () {
  this.timeout(180_000);
  let edition: string;
  let server: Server;
  let requests = 0;
  let result: { status: number; stdout: string; stderr: string };
  let messages: { ruleId: string; file?: string; line?: number; severity: string; reason: string }[];

  before(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.end('<!ENTITY leak "fetched">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    edition = copyEdition();
    const tei = path.join(edition, 'tei');
    for (const file of readdirSync(hostileDir)) cpSync(path.join(hostileDir, file), path.join(tei, file));
    writeFileSync(path.join(tei, 'parameter-entity.xml'), read(path.join(hostileDir, 'parameter-entity.xml')).replace('47193', String(port)));
    generateLarge(tei);
    // Asynchronous, so that the server above can answer (and count) any request the build makes.
    result = await new Promise((resolve) => {
      const child = spawn(process.execPath, [cliPath, 'build', '--format', 'json'], { cwd: edition });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d));
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
    });
    messages = (JSON.parse(result.stdout) as { messages: typeof messages }).messages;
  });

  after(() => {
    server.close();
    removeDir(edition);
  });

  it('exits 1 without a stack trace', () => {
    expect(result.status).to.equal(1);
    expect(result.stdout + result.stderr).not.to.match(/\n\s+at \S+ \(|internal error/);
  });

  for (const [file, ruleId] of Object.entries(EXPECTED)) {
    it(`reports ${file} as ${ruleId}, with its file and line`, () => {
      const about = messages.filter((m) => m.file === `tei/${file}`);
      expect(
        about.map((m) => m.ruleId),
        JSON.stringify(about),
      ).to.include(ruleId);
      for (const m of about.filter((x) => x.severity === 'error')) {
        expect(m.line, `${file}: ${m.reason}`).to.be.a('number').greaterThan(0);
        expect(m.reason).not.to.match(/^Error:|undefined|\[object/);
      }
    });
  }

  it('still publishes every good document, including one whose name has spaces and accents', () => {
    const documents = readdirSync(path.join(edition, 'dist', 'edition', 'documents')).sort();
    expect(documents).to.deep.equal([
      '1966-09-21-giap-decision.html',
      '1966-09-23 Giáp ş decision.html',
      '1966-09-30-protocol-agreement.html',
      '1967-07-06-telegram-pyongyang-bucharest.html',
      // Their DTD and parameter entity are ignored (never read), with a warning; the rest is sound.
      'external-dtd.html',
      'parameter-entity.html',
    ]);
    for (const file of ['external-dtd.xml', 'parameter-entity.xml']) {
      expect(messages.filter((m) => m.file === `tei/${file}`).map((m) => `${m.severity} ${m.ruleId}`)).to.deep.equal(['warning doctype-entity']);
    }
    const index = read(path.join(edition, 'dist', 'edition', 'index.html'));
    expect(index).to.contain('href="documents/1966-09-23%20Gi%C3%A1p%20%C5%9F%20decision.html"');
  });

  it('never reads a file an entity or XInclude names: its content appears in no output or message', () => {
    expect(readFileSync('/etc/passwd', 'utf8')).to.contain(SECRET);
    expect(result.stdout + result.stderr).not.to.contain(SECRET);
    for (const file of listFiles(path.join(edition, 'dist'))) expect(readFileSync(file, 'latin1'), file).not.to.contain(SECRET);
  });

  it('makes no network request, not even for a parameter entity on this machine', () => {
    expect(requests).to.equal(0);
  });

  it('leaves no half-written file in the output', () => {
    expect(listFiles(path.join(edition, 'dist')).filter((f) => /\.tmp-|\.editio-\d+-[0-9a-f]{8}\.tmp$/.test(f))).to.deep.equal([]);
    expect(existsSync(path.join(edition, 'dist', 'edition', 'documents', 'truncated.html'))).to.equal(false);
  });

  it('never lets a stylesheet fetch: no doc(), document(), unparsed-text() or collection() in xslt/', () => {
    for (const file of listFiles(path.join(repoRoot, 'xslt')).filter((f) => f.endsWith('.xsl'))) {
      expect(read(file), file).not.to.match(/\b(doc|document|unparsed-text|unparsed-text-lines|collection|json-doc|doc-available)\s*\(/);
    }
  });

  it('answers within seconds for each file on its own', () => {
    for (const file of readdirSync(hostileDir)) {
      const started = Date.now();
      const run = runCli(['validate', path.join(hostileDir, file)]);
      expect(run.status, file).to.be.oneOf([0, 1]);
      expect(Date.now() - started, file).to.be.lessThan(10_000);
    }
  });
});

describe('files an xml-model names that are no schema of the edition (end to end)', function () {
  this.timeout(120_000);
  let edition: string;
  let outside: string;
  let run: { status: number; stdout: string; stderr: string };
  const SECRET_VALUE = 'hunter2-never-published';

  before(() => {
    edition = copyEdition();
    outside = tempDir();
    writeFileSync(path.join(edition, '.env'), `PASSWORD=${SECRET_VALUE}\n`);
    writeFileSync(
      path.join(outside, 'grammar.rng'),
      `<grammar xmlns="http://relaxng.org/ns/structure/1.0"><!-- ${SECRET_VALUE} --><start><text/></start></grammar>`,
    );
    symlinkSync(path.join(outside, 'grammar.rng'), path.join(edition, 'schemas', 'linked.rng'));
    symlinkSync('/etc', path.join(edition, 'schemas', 'etc'));
    writeFileSync(path.join(edition, 'schemas', 'notes.rng'), `not a schema: ${SECRET_VALUE}\n`);
    writeFileSync(
      path.join(edition, 'schemas', 'includes.sch'),
      '<schema xmlns="http://purl.oclc.org/dsdl/schematron">\n  <!-- A grammar that includes what is no file of the edition -->\n  <include href="file:///etc/passwd"/>\n</schema>\n',
    );
    const file = path.join(edition, 'tei', '1966-09-30-protocol-agreement.xml');
    // A schema on the web is where the published TEI finds it too: no warning.
    const named = [
      '../.env',
      '../schemas/linked.rng',
      '/etc/passwd',
      '../schemas/etc/passwd',
      '../schemas/notes.rng',
      '../schemas/missing.sch',
      'file:///etc/passwd',
      'https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng',
      '../schemas/includes.sch',
    ];
    writeFileSync(
      file,
      read(file).replace(/(<\?xml-model [^\n]*\n)/, (first) => first + named.map((href) => `<?xml-model href="${href}"?>\n`).join('')),
    );
    run = runCli(['build', '--format', 'json'], edition);
  });
  after(() => {
    removeDir(edition);
    removeDir(outside);
  });

  it('warns about each, naming the file and the line of its xml-model', () => {
    expect(run.status, run.stderr).to.equal(0);
    const warnings = (JSON.parse(run.stdout) as { messages: { ruleId: string; file: string; line: number; reason: string }[] }).messages.filter(
      (m) => m.ruleId === 'schema-not-published',
    );
    // By file, as every report: the schema's include (its line 3), then the document's xml-models (lines 3 to 9).
    expect(warnings.map((m) => [m.file, m.line])).to.deep.equal([
      ['schemas/includes.sch', 3],
      ...[3, 4, 5, 6, 7, 8, 9].map((line) => ['tei/1966-09-30-protocol-agreement.xml', line]),
    ]);
    // Each named as written, never as a path editio made of it.
    expect(warnings.map((m) => /names (\S+), which/.exec(m.reason)![1])).to.deep.equal([
      'file:///etc/passwd',
      '../.env',
      '../schemas/linked.rng',
      '/etc/passwd',
      '../schemas/etc/passwd',
      '../schemas/notes.rng',
      '../schemas/missing.sch',
      'file:///etc/passwd',
    ]);
    expect(warnings.map((m) => /edition: ([^;]+);/.exec(m.reason)![1])).to.deep.equal([
      'it is an address, not a file of the edition, and editio never reads one',
      'it is not a RelaxNG (.rng) or Schematron (.sch) schema',
      `it lies outside the edition's folder ${edition}`,
      'it is not a RelaxNG (.rng) or Schematron (.sch) schema',
      'it is not a RelaxNG (.rng) or Schematron (.sch) schema',
      'it is named like a schema but is none',
      'it does not exist',
      'it is an address, not a file of the edition, and editio never reads one',
    ]);
  });

  it('copies none of them into the edition or its zip, and still publishes the edition’s own schemas', () => {
    const out = path.join(edition, 'dist', 'edition');
    for (const file of listFiles(out)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(SECRET_VALUE), file).to.equal(false);
      expect(bytes.includes(SECRET), file).to.equal(false);
    }
    const zipped = Object.keys(unzipSync(readFileSync(path.join(out, 'editio-edition.zip'))));
    // A Schematron file of the edition is published, though an include of it names what is not.
    expect(zipped.filter((f) => f.startsWith('schemas/')).sort()).to.deep.equal([
      'schemas/editio-authorities.rng',
      'schemas/editio-edition.rng',
      'schemas/editio.rng',
      'schemas/includes.sch',
    ]);
    expect(readdirSync(path.join(out, 'schemas')).sort()).to.deep.equal(['editio-authorities.rng', 'editio-edition.rng', 'editio.rng', 'includes.sch']);
  });
});

describe('active content in foreign markup (end to end)', function () {
  this.timeout(120_000);
  const fixture = path.join(fixtures, 'active-content', 'scripts-in-foreign-markup.xml');
  const original = readFileSync(fixture);
  let out: string;
  let run: { status: number; stdout: string; stderr: string };
  before(() => {
    out = tempDir();
    run = runCli(['build', path.dirname(fixture), '--out', out, '--format', 'json']);
  });
  after(() => removeDir(out));

  it('reports each script, handler, script address, animated handler and load from another site with its line and column', () => {
    expect(run.status, run.stderr).to.equal(0);
    const found = (JSON.parse(run.stdout) as { messages: { ruleId: string; line: number; column: number; reason: string }[] }).messages.filter(
      (m) => m.ruleId === 'active-content',
    );
    expect(found.map((m) => `${m.line}:${m.column}`)).to.deep.equal([
      '14:7',
      '16:9',
      '17:11',
      '18:11',
      '19:11',
      '24:20',
      '24:96',
      '26:48',
      '26:137',
      '26:191',
      '26:355',
    ]);
    expect(found[8]!.reason).to.match(/^the href attribute of <use> \(SVG\) loads "https:\/\/tracker\.example\/sprite\.svg#a" from another site/);
    expect(found[1]!.reason).to.match(
      /^the onload attribute of <svg> \(SVG\) runs a script where the TEI is opened in a browser; it is left out of the TEI editio publishes/,
    );
  });

  it('publishes the TEI without it everywhere (tei/, corpus.xml, the zip, DTS), keeping the text, and leaves the source as it was', () => {
    const published = {
      'tei/': read(path.join(out, 'tei', 'scripts-in-foreign-markup.xml')),
      'corpus.xml': read(path.join(out, 'corpus.xml')),
      zip: strFromU8(unzipSync(readFileSync(path.join(out, 'editio-edition.zip')))['tei/scripts-in-foreign-markup.xml']!),
      'dts/': read(path.join(out, 'dts', 'document', 'scripts-in-foreign-markup.xml')),
    };
    for (const [where, text] of Object.entries(published)) {
      expect(text, where).not.to.match(/owned by|javascript|script>|onload|<html:iframe|tracker\.example/i);
      // A link is followed only if clicked, and a reference inside the document loads nothing: both kept.
      // (In corpus.xml, the document's ids are prefixed with its name, and its pointers to them with it: src/exchange/prefixed-ids.ts.)
      const local = where === 'corpus.xml' ? 'scripts-in-foreign-markup.local' : 'local';
      expect(text, where).to.contain('href="https://example.org/kep"').and.contain(`<svg:use href="#${local}"/>`).and.contain(`xml:id="${local}"`);
      expect(text, where).to.contain('The pilots arrived in September.').and.contain('<html:a>MiG-17s</html:a> from Kep.').and.contain('onclick="kept"');
      expect(text, where).to.contain('<svg:rect width="5" height="5" fill="navy"/>');
    }
    expect(readFileSync(fixture).equals(original)).to.equal(true);
  });

  it('runs nothing when the published TEI is opened in Chromium', async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`      (skipped: ${CHROMIUM} is missing; install Debian's chromium to run the browser tests)`);
      this.skip();
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      for (const file of [fixture, path.join(out, 'tei', 'scripts-in-foreign-markup.xml')]) {
        await page.goto(pathToFileURL(file).href);
        await page.waitForTimeout(200);
        await page.evaluate(() => (document.querySelector('a') as HTMLElement | null)?.click?.());
        await page.waitForTimeout(100);
        const owned = await page.evaluate(() => (window as unknown as { owned?: string }).owned);
        if (file === fixture) expect(owned, 'the source, as a control').to.match(/^owned by/);
        else expect(owned, 'the published TEI').to.equal(undefined);
      }
    } finally {
      await browser.close();
    }
  });
});
