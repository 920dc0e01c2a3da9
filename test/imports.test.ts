/**
 * The layers of src/ hold: no import cycle between files or between folders (type imports and
 * re-exports count: a cycle of types is still two modules that cannot be read apart), and the
 * lower layers never import from above.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers.js';

const SRC = path.join(repoRoot, 'src');

/** Every relative module a TypeScript file names: import, import type, export … from, import(). */
function importsOf(text: string): string[] {
  const named = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g),
  ];
  return named.map((m) => m[1]!);
}

/** The groups of nodes that reach each other (Tarjan): each a cycle, if it has more than one node. */
function cycles(nodes: readonly string[], next: (node: string) => Iterable<string>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return found;
}

/** src/'s files (relative to it) and the files each imports. */
function importGraph(): Map<string, Set<string>> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(path.sep).join('/'));
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const targets = importsOf(text).map((spec) => path.posix.join(path.posix.dirname(file), spec.replace(/\.js$/, '.ts')));
    graph.set(file, new Set(targets));
  }
  return graph;
}

const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

describe('the import graph of src/', () => {
  const graph = importGraph();
  const folderGraph = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      if (!folderGraph.has(from)) folderGraph.set(from, new Set());
      folderGraph.get(from)!.add(to);
    }
  }

  it('finds cycles where there are some (the check itself)', () => {
    expect(importsOf("import type { A } from './a.js';\nexport { b } from '../b/b.js';\nconst c = await import('./c.js');\nimport './d.js';")).to.deep.equal([
      './a.js',
      '../b/b.js',
      './d.js',
      './c.js',
    ]);
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles([...loop.keys()], (n) => loop.get(n) ?? [])).to.deep.equal([['a', 'b', 'c']]);
  });

  it('reads every module and every import it names', () => {
    expect(graph.size).to.be.above(100);
    const missing = [...graph].flatMap(([file, targets]) => [...targets].filter((t) => !graph.has(t) && !t.endsWith('.d.ts')).map((t) => `${file} → ${t}`));
    expect(missing).to.deep.equal([]);
  });

  it('has no cycle between files', () => {
    expect(cycles([...graph.keys()], (f) => graph.get(f) ?? [])).to.deep.equal([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles([...folderGraph.keys()], (f) => folderGraph.get(f) ?? [])).to.deep.equal([]);
  });

  it('keeps the lower layers below: infra imports nothing of editio, parse and i18n only infra, the model only those', () => {
    const allowed: Record<string, string[]> = { infra: [], parse: ['infra'], i18n: ['infra'], model: ['infra', 'parse', 'i18n'] };
    for (const [folder, below] of Object.entries(allowed)) {
      expect(
        [...(folderGraph.get(folder) ?? [])].filter((f) => !below.includes(f)),
        `${folder}/ imports from`,
      ).to.deep.equal([]);
    }
  });
});
