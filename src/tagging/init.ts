import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, CONFIG_SCHEMA_FILE } from '../model/config.js';
import { ConfigError, message } from '../infra/messages.js';
import { packageRoot } from '../infra/package.js';
import { writeFileAtomic } from '../write/write.js';

const MODEL = (schema: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="../schemas/${schema}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n`;

const PUBLICATION = `      <publicationStmt>
        <publisher><name type="placeholder">[Publisher to be named]</name></publisher>
        <availability>
          <licence target="https://creativecommons.org/licenses/by/4.0/">Creative Commons Attribution 4.0 International (CC BY 4.0)</licence>
        </availability>
      </publicationStmt>`;

const FILES: Record<string, string> = {
  [CONFIG_FILE]: `${JSON.stringify(
    {
      $schema: `./schemas/${CONFIG_SCHEMA_FILE}`,
      title: '[Title of the edition]',
      editors: ['[Editors to be named]'],
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      baseUrl: 'https://example.org/edition/',
      language: 'en',
      sources: 'tei',
      introduction: 'edition.xml',
      authorities: ['authorities.xml'],
    },
    null,
    2,
  )}\n`,
  'tei/edition.xml': `${MODEL('editio-edition.rng')}<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" type="edition">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">[Title of the edition]</title>
        <editor><name type="placeholder">[Editors to be named]</name></editor>
      </titleStmt>
${PUBLICATION}
      <sourceDesc>
        <p>[Where the edition's texts come from.]</p>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="introduction">
        <head>Introduction</head>
        <p>[The introduction to the edition.]</p>
      </div>
    </body>
  </text>
</TEI>
`,
  'tei/authorities.xml': `${MODEL('editio-authorities.rng')}<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" type="authorities">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>Authority lists</title>
      </titleStmt>
${PUBLICATION}
      <sourceDesc>
        <p>Compiled for this edition.</p>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff>
    <!-- One example entry per list: replace them with the edition's own. -->
    <listPerson>
      <person xml:id="example-person">
        <persName type="standard">Example Person</persName>
        <note>An example entry: replace it.</note>
      </person>
    </listPerson>
    <listPlace>
      <place xml:id="example-place">
        <placeName type="standard">Example Place</placeName>
        <note>An example entry: replace it.</note>
      </place>
    </listPlace>
    <listOrg>
      <org xml:id="example-organisation">
        <orgName type="standard">Example Organisation</orgName>
        <note>An example entry: replace it.</note>
      </org>
    </listOrg>
  </standOff>
</TEI>
`,
  'tei/1900-01-01-example-document.xml': `${MODEL('editio.rng')}<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" type="document">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>An example document</title>
      </titleStmt>
${PUBLICATION}
      <sourceDesc>
        <bibl>[Where this document comes from: archive, collection, number.]</bibl>
      </sourceDesc>
    </fileDesc>
    <profileDesc>
      <creation>
        <date when="1900-01-01">1 January 1900</date>
      </creation>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="document">
        <head>An example document</head>
        <dateline><placeName ref="authorities.xml#example-place">Example Place</placeName>, <date when="1900-01-01">1 January 1900</date></dateline>
        <p><persName ref="authorities.xml#example-person">Example Person</persName> wrote to the <orgName ref="authorities.xml#example-organisation">Example Organisation</orgName>.</p>
      </div>
    </body>
  </text>
</TEI>
`,
  'README.md': `# [Title of the edition]

A scholarly digital edition in TEI P5, published with editio.

\`\`\`sh
npx editio build          # validates tei/ and writes the edition to dist/edition/
npx editio validate tei   # checks the sources, as often as you like
npx editio serve          # reads the edition at http://127.0.0.1:8080/
\`\`\`

What to do next:

1. Fill in \`editio.config.json\` (title, editors, licence, the address the edition will have)
   and the header of \`tei/edition.xml\` (and write the introduction there).
2. Put the persons, places and organisations your documents mention in \`tei/authorities.xml\`,
   with the name variants the texts use, and delete the example entries.
3. Add one file per document to \`tei/\`, named \`YYYY-MM-DD-short-title.xml\`; start from
   \`tei/1900-01-01-example-document.xml\` (then delete it). From plain text:
   \`npx editio import letter.txt\`. To tag names and dates in existing TEI:
   \`npx editio tag tei/ --write\`.
4. Every file names its schema (\`schemas/\`) in an \`xml-model\` processing instruction, so
   oXygen and VS Code check it as you type; \`editio.config.json\` names its JSON Schema with
   \`$schema\`, so they complete and check its keys too.
`,
  '.gitignore': 'dist/\n',
};

/** `editio init`: a new edition that builds at once, for an editor who has only their texts. */
export async function init(dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  const existing = await readdir(root).catch(() => []);
  if (existing.length > 0) {
    throw new ConfigError(message('error', 'config', 'init-not-empty', `${root} is not empty; give a new or empty folder`));
  }
  const written: string[] = [];
  for (const [file, content] of Object.entries(FILES)) {
    await writeFileAtomic(path.join(root, file), content);
    written.push(file);
  }
  for (const schema of ['editio.rng', 'editio-edition.rng', 'editio-authorities.rng', CONFIG_SCHEMA_FILE]) {
    await writeFileAtomic(path.join(root, 'schemas', schema), await readFile(path.join(packageRoot(), 'schemas', schema)));
    written.push(`schemas/${schema}`);
  }
  return written;
}
