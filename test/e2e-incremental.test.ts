import { expect } from 'chai';
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { build, type BuildResult } from '../src/pipeline/build.js';
import { writeDossier, type Dossier } from './bench/dossier.js';
import { random } from './fuzz.js';
import { copyEdition, htmlProblems, removeDir, runCli, tempDir } from './helpers.js';

/** Every file under `dir`, with its bytes. */
function tree(dir: string, base = dir, out = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) tree(full, base, out);
    else out.set(path.relative(base, full), readFileSync(full));
  }
  return out;
}

/** Files that differ; the stamps (src/incremental/stamps.ts) record file times, not what was built. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].filter((n) => n !== path.join('.editio', 'stamps.json')).sort();
  return names.filter((n) => !a.get(n) || !b.get(n) || !a.get(n)!.equals(b.get(n)!));
}

type Edit = { name: string; apply: () => void };

describe('incremental builds (end to end)', function () {
  this.timeout(600_000);
  let root: string;
  let dossier: Dossier;
  const teiFile = (name: string): string => path.join(root, 'tei', name);
  const documents = (): string[] =>
    readdirSync(path.join(root, 'tei'))
      .filter((f) => /^\d/.test(f))
      .sort();
  const incremental = (): Promise<BuildResult> => build({ root });
  const full = (out: string): Promise<BuildResult> => build({ root, out, full: true });

  before(() => {
    root = tempDir('editio-incremental-');
    dossier = writeDossier({ dir: root, docs: 12, seed: 7, minKb: 2, maxKb: 5 });
    // Few enough dates per page that the chronology is split into years, as in a large edition.
    const config = path.join(root, 'editio.config.json');
    writeFileSync(
      config,
      JSON.stringify(
        {
          ...JSON.parse(readFileSync(config, 'utf8')),
          chronologyPageDates: 25,
          searchShardPages: 4,
          searchTermsKilobytes: 2,
          entryPageDocuments: 3,
          listPageDocuments: 5,
        },
        null,
        2,
      ),
    );
  });
  after(() => removeDir(root));

  it('keeps everything when nothing changed, and says so', async () => {
    const first = await incremental();
    expect(first.fullReason).to.match(/no build state/);
    const lines: string[] = [];
    const again = await build({ root, log: (line) => lines.push(line) });
    expect(again.written).to.equal(0);
    // Without reading the sources if their files are old enough to trust their stamps (src/incremental/stamps.ts).
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^nothing changed since the last build( \(no file changed\))?$/);
    expect(again.published).to.deep.equal(first.published);
    expect(again.messages).to.deep.equal(first.messages);
  });

  it('splits a chronology of more dates than chronologyPageDates into a page per year, every link landing', async () => {
    const out = path.join(root, 'dist', 'edition');
    const overview = readFileSync(path.join(out, 'chronology.html'), 'utf8');
    const years = [...overview.matchAll(/<a href="(chronology\/(-?\d{4})\.html)">\2<\/a><span class="chronology-count"> — (\d+) dates?/g)];
    expect(years.length).to.be.greaterThan(1);
    const ids = (html: string): Set<string> => new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
    let total = 0;
    for (const [, file, year, count] of years) {
      const page = readFileSync(path.join(out, file!), 'utf8');
      const items = [...page.matchAll(/<li class="chronology-(document|mention)">[\s\S]*?<time datetime="([^"]+)"/g)];
      expect(items.length, file).to.equal(Number(count));
      for (const [, , when] of items) expect(when!.startsWith(year!), `${file}: ${when}`).to.equal(true);
      for (const [, target, anchor] of page.matchAll(/<a href="\.\.\/(documents\/[^"#]+)#([^"]+)"/g)) {
        expect(ids(readFileSync(path.join(out, target!), 'utf8')).has(anchor!), `${file} → ${target}#${anchor}`).to.equal(true);
      }
      total += items.length;
    }
    expect(total).to.be.greaterThan(25);
    expect(await htmlProblems([path.join(out, 'chronology.html'), ...years.map(([, file]) => path.join(out, file!))])).to.deep.equal([]);
  });

  it('lists the documents on the home page and further pages of listPageDocuments each, linked to each other', async () => {
    const out = path.join(root, 'dist', 'edition');
    const more = readdirSync(path.join(out, 'list')).sort();
    expect(more).to.deep.equal(['2.html', '3.html']);
    const files = [path.join(out, 'index.html'), ...more.map((f) => path.join(out, 'list', f))];
    const listed: string[] = [];
    for (const [i, file] of files.entries()) {
      const html = readFileSync(file, 'utf8');
      const ids = [...html.matchAll(/<h[23]><a href="(?:\.\.\/)?documents\/([^"]+)\.html">/g)].map((m) => m[1]!);
      expect(ids.length, file).to.be.within(1, 5);
      for (const id of ids) expect(existsSync(path.join(out, 'documents', `${id}.html`)), id).to.equal(true);
      listed.push(...ids);
      expect(html).to.contain(`<span aria-current="page">${i + 1}</span>`);
      if (i > 0) expect(html).to.contain(`<ol class="document-list" start="${i * 5 + 1}">`);
      for (const [, href] of (/<nav class="pager"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/<a href="([^"#]+)/g)) {
        expect(existsSync(path.resolve(path.dirname(file), href!)), `${file} → ${href}`).to.equal(true);
      }
    }
    const published = readdirSync(path.join(out, 'documents')).map((f) => f.replace(/\.html$/, ''));
    expect([...listed].sort()).to.deep.equal(published.sort());
    expect(await htmlProblems(files)).to.deep.equal([]);
  });

  it('lists the mentions of an entry named in more than entryPageDocuments documents on pages linked to each other', async () => {
    const out = path.join(root, 'dist', 'edition');
    const persons = path.join(out, 'registers', 'persons');
    const [id] = readdirSync(persons).filter((f) => !f.endsWith('.html'));
    expect(id, 'an entry with pages of mentions').to.be.a('string');
    const first = path.join(persons, `${id}.html`);
    const more = readdirSync(path.join(persons, id!))
      .map((f) => Number(f.replace(/\.html$/, '')))
      .sort((a, b) => a - b);
    const files = [first, ...more.map((n) => path.join(persons, id!, `${n}.html`))];
    expect(more).to.deep.equal(Array.from({ length: files.length - 1 }, (_, i) => i + 2));
    const [, mentions, documents, introduction] = /Mentioned (\d+) times in (\d+) documents( and the introduction)?/.exec(readFileSync(first, 'utf8')) ?? [];
    const pages = Number(documents) + (introduction ? 1 : 0);
    const listed: string[] = [];
    let marks = 0;
    for (const [i, file] of files.entries()) {
      const html = readFileSync(file, 'utf8');
      const sources = [...html.matchAll(/<a class="mention-source" href="[^"]*\/(documents\/[^"#]+|index\.html)"/g)].map((m) => m[1]!);
      expect(sources.length, file).to.be.within(1, 3);
      listed.push(...sources);
      marks += [...html.matchAll(/<mark>/g)].length;
      // Each page links to the others and marks itself.
      const pager = /<nav class="pager"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      expect([...pager.matchAll(/<a href="[^"]+">/g)], file).to.have.length(files.length - 1);
      expect(pager).to.contain(`<span aria-current="page">${i + 1}</span>`);
      for (const [, href] of pager.matchAll(/<a href="([^"]+)">/g))
        expect(existsSync(path.resolve(path.dirname(file), href!)), `${file} → ${href}`).to.equal(true);
      for (const [, target, anchor] of html.matchAll(/<a href="(?:\.\.\/)+(documents\/[^"#]+)#([^"]+)"/g)) {
        expect(readFileSync(path.join(out, target!), 'utf8'), `${file} → ${target}#${anchor}`).to.contain(` id="${anchor}"`);
      }
    }
    expect(listed.length).to.equal(pages);
    expect(new Set(listed).size).to.equal(listed.length);
    expect(marks).to.equal(Number(mentions));
    expect(await htmlProblems(files)).to.deep.equal([]);
  });

  it('after one changed document, remakes its outputs and the edition-wide ones, and says why', async () => {
    const [name] = documents();
    const file = teiFile(name!);
    const searchDir = path.join(root, 'dist', 'edition', 'search');
    const searchBefore = new Map(readdirSync(searchDir).map((f) => [f, statSync(path.join(searchDir, f)).mtimeMs]));
    const searchContent = new Map(readdirSync(searchDir).map((f) => [f, readFileSync(path.join(searchDir, f))]));
    writeFileSync(file, readFileSync(file, 'utf8').replace('</p>', ' One more sentence.</p>'));
    const lines: string[] = [];
    const result = await build({ root, log: (line) => lines.push(line) });
    const id = name!.replace(/\.xml$/, '');
    expect(lines).to.include(`documents/${id}.html: source changed`);
    expect(lines).to.include(`text/${id}.txt: source changed`);
    expect(lines.some((l) => l.startsWith('documents/') && !l.startsWith(`documents/${id}.html`))).to.equal(false);
    expect(result.checked).to.equal(1);
    expect(result.kept).to.be.greaterThan(result.written);
    // The sentence changes the words around the mentions near the paragraph's end, not around
    // Giáp's, earlier in it: his page, though the document mentions him, is kept; so are the
    // parts of the search index and the years of the chronology that do not show this document.
    expect(readFileSync(file, 'utf8')).to.contain('#vo-nguyen-giap"');
    const remadeEntries = lines.filter((l) => l.startsWith('registers/persons/'));
    expect(remadeEntries).not.to.include('registers/persons/vo-nguyen-giap.html: mentions changed');
    expect(remadeEntries.length).to.be.greaterThan(0);
    // The texts and terms of one part of the pages; of the parts of the index's terms, those whose terms changed, the others not even written.
    expect(lines.filter((l) => /^search:\d+:/.test(l))).to.have.length(1);
    expect(lines).to.include('search: parts changed');
    const terms = [...searchBefore.keys()].filter((f) => /^(terms|places)-/.test(f));
    const rewritten = terms.filter((f) => statSync(path.join(searchDir, f)).mtimeMs !== searchBefore.get(f));
    expect(rewritten.length).to.be.within(1, terms.length / 2);
    for (const f of terms) if (!rewritten.includes(f)) expect(readFileSync(path.join(searchDir, f)).equals(searchContent.get(f)!), f).to.equal(true);
    expect(lines.filter((l) => l.startsWith('chronology/'))).to.deep.equal([]);
  });

  /** Edits the first person's entry in the authority lists and builds; returns the entry's id and what the build said. */
  const editEntry = async (find: string, replace: string): Promise<{ entry: string; lines: string[] }> => {
    const entry = dossier.entries.persons[0]!;
    const authorities = teiFile('authorities.xml');
    const text = readFileSync(authorities, 'utf8');
    const at = text.indexOf(`xml:id="${entry}"`);
    writeFileSync(authorities, text.slice(0, at) + text.slice(at).replace(find, replace));
    const lines: string[] = [];
    await build({ root, log: (line) => lines.push(line) });
    return { entry, lines };
  };

  it('after a note of an authority entry changed, remakes its entry page and its register page, no document page', async () => {
    const { entry, lines } = await editEntry('Generated for a benchmark.', 'Generated for a benchmark; note edited.');
    // Neither the pages of documents nor the pages that list them show an entry's notes.
    expect(lines.filter((l) => /^(documents|text|metadata|list|chronology)\/|^(index|search|chronology)\.html|^edition-text/.test(l))).to.deep.equal([]);
    expect(lines).to.include('registers/persons.html: authorities changed');
    const entryPages = lines.filter((l) => l.startsWith('registers/persons/'));
    expect(entryPages).to.deep.equal([`registers/persons/${entry}.html: entry changed`]);
    expect(readFileSync(path.join(root, 'dist', 'edition', 'registers', 'persons', `${entry}.html`), 'utf8')).to.contain('note edited');
  });

  it('after an authority entry was renamed, remakes the pages and records of the documents that point to it', async () => {
    const { entry, lines } = await editEntry('<persName type="standard">', '<persName type="standard">Renamed ');
    const remade = (folder: string, ext: string): string[] =>
      lines
        .filter((l) => l.startsWith(`${folder}/`) && l.includes(`${ext}: `))
        .map((l) => l.replace(/: .*/, ''))
        .sort();
    const pointing = documents()
      .filter((f) => readFileSync(teiFile(f), 'utf8').includes(`#${entry}"`))
      .map((f) => f.replace(/\.xml$/, ''));
    expect(pointing.length).to.be.greaterThan(0);
    expect(remade('documents', '.html')).to.deep.equal(pointing.map((id) => `documents/${id}.html`).sort());
    expect(remade('metadata', '.dc.xml')).to.deep.equal(pointing.map((id) => `metadata/${id}.dc.xml`).sort());
    expect(readFileSync(path.join(root, 'dist', 'edition', 'documents', `${pointing[0]}.html`), 'utf8')).to.contain('title="Renamed ');
  });

  it('after a rename, checks again only the sources that hold the old or the new name, and warns where the new one stands untagged', async () => {
    const entry = dossier.entries.persons[3]!;
    const authorities = teiFile('authorities.xml');
    const before = readFileSync(authorities, 'utf8');
    const at = before.indexOf(`xml:id="${entry}"`);
    const oldName = /<persName type="standard">([^<]*)</.exec(before.slice(at))![1]!;
    const newName = 'Quorn Zyxwv';
    // A document that holds the new name untagged, across a line break, before the entry bears it.
    const [holder] = documents();
    writeFileSync(teiFile(holder!), readFileSync(teiFile(holder!), 'utf8').replace('</p>', ' Quorn\n Zyxwv wrote.</p>'));
    await build({ root });
    writeFileSync(
      authorities,
      before.slice(0, at) + before.slice(at).replace(`<persName type="standard">${oldName}<`, `<persName type="standard">${newName}<`),
    );
    const result = await build({ root });
    const holds = (f: string): boolean => /Quorn\s+Zyxwv/.test(readFileSync(teiFile(f), 'utf8')) || readFileSync(teiFile(f), 'utf8').includes(oldName);
    const holding = readdirSync(path.join(root, 'tei')).filter((f) => f !== 'authorities.xml' && holds(f));
    expect(holding).to.include(holder);
    expect(holding.length).to.be.lessThan(documents().length);
    // The authority file and the sources with either name: not every document.
    expect(result.checked).to.equal(1 + holding.length);
    const untagged = result.messages.filter((m) => m.ruleId === 'mention-untagged' && m.reason.includes(newName));
    expect(untagged.map((m) => path.basename(m.file!))).to.deep.equal([holder]);
    const reference = tempDir('editio-full-');
    try {
      expect(result.messages).to.deep.equal((await full(reference)).messages);
    } finally {
      removeDir(reference);
    }
  });

  it('remakes the page of an entry whose note names another entry when that one is renamed', async () => {
    const [naming, named] = [dossier.entries.persons[1]!, dossier.entries.persons[2]!];
    const authorities = teiFile('authorities.xml');
    const edit = (change: (entryText: string) => string, id: string): void => {
      const text = readFileSync(authorities, 'utf8');
      const at = text.indexOf(`xml:id="${id}"`);
      const end = text.indexOf('</note>', at);
      writeFileSync(authorities, text.slice(0, at) + change(text.slice(at, end)) + text.slice(end));
    };
    edit((entry) => entry.replace('Generated for a benchmark.', `Served with <persName ref="#${named}">a colleague</persName>.`), naming);
    await build({ root });
    edit((entry) => entry.replace(/(<persName type="standard">)([^<]*)/, '$1$2 Renamed'), named);
    const lines: string[] = [];
    await build({ root, log: (line) => lines.push(line) });
    expect(lines.filter((l) => l.startsWith('registers/persons/')).sort()).to.deep.equal(
      [`registers/persons/${named}.html: entry changed`, `registers/persons/${naming}.html: entry changed`].sort(),
    );
    expect(readFileSync(path.join(root, 'dist', 'edition', 'registers', 'persons', `${naming}.html`), 'utf8')).to.match(/title="[^"]* Renamed"/);
  });

  it('gives the same bytes as a full build after each kind of edit, one after another', async () => {
    const next = random(1967);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    let added = 0;
    const edits: Edit[] = [
      {
        name: 'edit a paragraph',
        apply: () => {
          const f = teiFile(pick(documents()));
          writeFileSync(f, readFileSync(f, 'utf8').replace('</p>', ` Edit ${next()}.</p>`));
        },
      },
      {
        name: 'retitle a document',
        apply: () => {
          const f = teiFile(pick(documents()));
          writeFileSync(f, readFileSync(f, 'utf8').replace(/<title>([^<]*)<\/title>/, `<title>$1 (${Math.floor(next() * 100)})</title>`));
        },
      },
      {
        name: 'redate a document',
        apply: () => {
          const f = teiFile(pick(documents()));
          const year = 1950 + Math.floor(next() * 25);
          writeFileSync(
            f,
            readFileSync(f, 'utf8')
              .replace(/when="\d{4}-/g, `when="${year}-`)
              .replace(/ \d{4}</g, ` ${year}<`),
          );
        },
      },
      {
        name: 'add a document',
        apply: () => {
          const f = pick(documents());
          writeFileSync(teiFile(`1976-01-0${++added % 10}-added-${added}.xml`), readFileSync(teiFile(f)));
        },
      },
      {
        name: 'delete a document',
        apply: () => {
          if (documents().length > 4) rmSync(teiFile(pick(documents())));
        },
      },
      {
        name: 'edit an authority note',
        apply: () => {
          const f = teiFile('authorities.xml');
          writeFileSync(f, readFileSync(f, 'utf8').replace('Generated for a benchmark.', `Edited ${next()}.`));
        },
      },
      {
        name: 'rename an entry',
        apply: () => {
          const f = teiFile('authorities.xml');
          const entry = pick(dossier.entries.places);
          const text = readFileSync(f, 'utf8');
          const at = text.indexOf(`xml:id="${entry}"`);
          writeFileSync(f, text.slice(0, at) + text.slice(at).replace(/(<placeName type="standard">)([^<]*)/, '$1$2 Renamed'));
        },
      },
      {
        name: 'break a document',
        apply: () => {
          const f = teiFile(pick(documents()));
          writeFileSync(f, readFileSync(f, 'utf8').replace('</head>', '</hed>'));
        },
      },
      {
        name: 'mend broken documents',
        apply: () => {
          for (const d of documents()) writeFileSync(teiFile(d), readFileSync(teiFile(d), 'utf8').replace('</hed>', '</head>'));
        },
      },
      {
        name: 'edit the introduction',
        apply: () => {
          const f = teiFile('edition.xml');
          writeFileSync(f, readFileSync(f, 'utf8').replace('</p>', ` Revised ${next()}.</p>`));
        },
      },
    ];
    const reference = tempDir('editio-full-');
    try {
      for (let step = 0; step < edits.length; step++) {
        const edit = edits[step]!;
        edit.apply();
        // As if edited an hour ago, a different second each step: the build can trust the files' stamps.
        const then = new Date(Date.now() - 3_600_000 + step * 1000);
        for (const dir of ['tei', 'schemas']) for (const f of readdirSync(path.join(root, dir))) utimesSync(path.join(root, dir, f), then, then);
        const a = await incremental();
        const lines: string[] = [];
        const again = await build({ root, log: (line) => lines.push(line) });
        expect(lines, `a build after "${edit.name}" and nothing else`).to.deep.equal(['nothing changed since the last build (no file changed)']);
        expect(again.messages).to.deep.equal(a.messages);
        rmSync(reference, { recursive: true, force: true });
        const b = await full(reference);
        const diff = differences(tree(a.outDir), tree(reference));
        expect(diff, `after "${edit.name}" (step ${step + 1})`).to.deep.equal([]);
        expect(a.messages, `messages after "${edit.name}"`).to.deep.equal(b.messages);
      }
      expect(existsSync(path.join(root, 'dist', 'edition', '.editio', 'state.json'))).to.equal(true);
    } finally {
      removeDir(reference);
    }
  });
});

describe('build --dry-run (end to end)', function () {
  this.timeout(180_000);
  let edition: string;
  before(() => (edition = copyEdition()));
  after(() => removeDir(edition));

  /** Every file of the output folder with its bytes, the build state included. */
  const snapshot = (): Map<string, string> => {
    const out = path.join(edition, 'dist', 'edition');
    if (!existsSync(out)) return new Map();
    return new Map(
      readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [path.relative(out, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString('base64')]),
    );
  };
  const dryRun = (): { status: number; plan: { file: string; action: string; why?: string }[] } => {
    const run = runCli(['build', '--dry-run', '--format', 'json'], edition);
    return { status: run.status, plan: (JSON.parse(run.stdout) as { result: { plan: { file: string; action: string; why?: string }[] } }).result.plan };
  };

  it('before the first build, plans every output and writes nothing, not even the output folder', () => {
    const { status, plan } = dryRun();
    expect(status).to.equal(0);
    expect(plan.length).to.be.greaterThan(40);
    expect(plan.every((d) => d.action === 'make' && d.why === 'no build state (first build of this folder)')).to.equal(true);
    expect(existsSync(path.join(edition, 'dist'))).to.equal(false);
  });

  it('after an edit, plans exactly what the build then makes, and why, writing nothing itself', () => {
    expect(runCli(['build'], edition).status).to.equal(0);
    const file = path.join(edition, 'tei', '1966-09-21-giap-decision.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('During a meeting', 'During a sitting'));
    const before = snapshot();
    const { plan } = dryRun();
    expect(snapshot()).to.deep.equal(before);
    const planned = plan.filter((d) => d.action === 'make').map((d) => `${d.file}: ${d.why}`);
    expect(planned).to.include('documents/1966-09-21-giap-decision.html: source changed');
    expect(planned).not.to.include('documents/1966-09-30-protocol-agreement.html: source changed');
    expect(plan.filter((d) => d.action === 'keep').length).to.be.greaterThan(30);
    const built = runCli(['build', '--verbose'], edition);
    const made = built.stderr
      .split('\n')
      .filter((l) => /^editio: [^ ]+: /.test(l) && !/ took /.test(l))
      .map((l) => l.replace(/^editio: /, ''));
    expect(planned).to.deep.equal(made);
  });

  it('plans to remove the outputs of a document that is gone', () => {
    rmSync(path.join(edition, 'tei', '1966-09-30-protocol-agreement.xml'));
    const removed = dryRun()
      .plan.filter((d) => d.action === 'remove')
      .map((d) => d.file);
    expect(removed).to.include.members([
      'documents/1966-09-30-protocol-agreement.html',
      'text/1966-09-30-protocol-agreement.txt',
      'metadata/1966-09-30-protocol-agreement.dc.xml',
    ]);
    expect(existsSync(path.join(edition, 'dist', 'edition', 'documents', '1966-09-30-protocol-agreement.html'))).to.equal(true);
  });
});
