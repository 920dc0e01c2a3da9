import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { languagePack } from '../../src/i18n/catalogue.js';
import { removeDir, repoRoot, SHORT_JVM, teiDir, tempDir } from '../helpers.js';

/** Debian's Saxon-HE (Java, 9.9): it has no higher-order functions, which the stylesheets therefore do without. */
const SAXON = '/usr/share/java/Saxon-HE.jar';

const saxon = (args: string[]): { status: number | null; output: string } => {
  const run = spawnSync('java', [...SHORT_JVM, '-cp', SAXON, 'net.sf.saxon.Transform', ...args], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

describe("the stylesheets with Saxon-HE (Java): what editors run in oXygen, and the bench's peer", function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    if (!existsSync(SAXON) || spawnSync('java', ['-version']).status !== 0) {
      console.log(`      (skipped: ${SAXON} or java is missing; apt-get install libsaxonhe-java to run it)`);
      this.skip();
    }
    dir = tempDir();
  });
  after(() => dir && removeDir(dir));

  // Compiling a stylesheet runs a JVM (seconds each): the two the bench's peer runs are run; the
  // print and e-book layers share their modules, and the scan of test/transform/stylesheets.test.ts covers every file.
  it("compiles and runs html.xsl and text.xsl over the seed edition, with editio's language pack and entries", () => {
    const language = path.join(dir, 'language.json');
    writeFileSync(language, JSON.stringify(languagePack('en')));
    const params = [
      `?authorities=doc('${pathToFileURL(path.join(teiDir, 'authorities.xml')).href}')`,
      `?language=parse-json(unparsed-text('${pathToFileURL(language).href}'))`,
    ];
    for (const format of ['html', 'text']) {
      const out = path.join(dir, format);
      mkdirSync(out);
      const { status, output } = saxon([`-s:${teiDir}`, `-o:${out}`, `-xsl:${path.join(repoRoot, 'xslt', format, `${format}.xsl`)}`, ...params]);
      expect(status, output).to.equal(0);
      expect(readdirSync(out)).to.include('1966-09-21-giap-decision.xml');
    }
    expect(readFileSync(path.join(dir, 'html', '1966-09-21-giap-decision.xml'), 'utf8')).to.include('Vo Nguyen Giap');
  });
});

/** Every stylesheet file, for what Saxon-HE (Java) refuses: inline functions, function items, the functions that take them. */
describe('the stylesheets use no higher-order function (Saxon-HE has none)', () => {
  const files = readdirSync(path.join(repoRoot, 'xslt'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xsl'));
  const REFUSED: [RegExp, string][] = [
    [/(?<![:\w-])function\s*\(/, 'an inline function'],
    [/\b[a-z][\w.-]*(?::[\w.-]+)?#\d/, 'a named function reference'],
    [
      /\b(?:for-each|filter|fold-left|fold-right|for-each-pair|function-lookup|apply|map:for-each|array:for-each|array:filter|array:fold-left|array:fold-right|array:for-each-pair|array:sort)\s*\(/,
      'a higher-order function',
    ],
  ];
  it(`finds none in the ${files.length} files of xslt/`, () => {
    const found: string[] = [];
    for (const file of files) {
      // Comments say what they like.
      const text = readFileSync(path.join(repoRoot, 'xslt', file), 'utf8').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
      text.split('\n').forEach((line, i) => {
        for (const [pattern, what] of REFUSED) if (pattern.test(line)) found.push(`xslt/${file}:${i + 1}: ${what}`);
      });
    }
    expect(found).to.deep.equal([]);
  });
});
