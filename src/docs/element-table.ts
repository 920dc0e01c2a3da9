/**
 * The table of element rules (docs/elements.md), read off the stylesheets themselves: for each
 * element of the modules editions use (./tei-modules.ts), which layer's rule renders it in each
 * format — its own, one it inherits (print from HTML, EPUB from print), or common's, which the
 * format's contract templates lay out — or why the general rule is right for it
 * (xslt/common/plain.xsl), or that it is header metadata a page does not show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TEI_MODULES } from './tei-modules.js';

/** Each format's layers, the most specific first (xsl:import order). */
const LAYERS = { html: ['html', 'common'], text: ['text', 'common'], print: ['print', 'html', 'common'], epub: ['epub', 'print', 'html', 'common'] } as const;
export type TableFormat = keyof typeof LAYERS;
export const TABLE_FORMATS = Object.keys(LAYERS) as TableFormat[];

export interface ElementRow {
  element: string;
  module: string;
  /** Per format: the layer whose rule renders it ('html', 'common', …), or undefined when none does. */
  layers: Record<TableFormat, string | undefined>;
  /** What the common rule says it means (the comment before it), or why no rule is needed. */
  note: string;
  status: 'rule' | 'plain' | 'header' | 'generic';
}

/** A pattern with its predicates taken out: `tei:ref[@target][not(node())]` → `tei:ref`. */
function withoutPredicates(pattern: string): string {
  let out = '';
  let depth = 0;
  for (const c of pattern) {
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/** The TEI elements a match pattern matches by name: the last step of each alternative. */
export function matchedElements(match: string): string[] {
  return withoutPredicates(match)
    .split('|')
    .map((alternative) => /tei:([A-Za-z][A-Za-z0-9]*)\s*$/.exec(alternative.trim().split('/').at(-1) ?? '')?.[1])
    .filter((name): name is string => name !== undefined);
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Per layer, the elements its default-mode templates match, each with the comment before its first template. */
function rulesOf(xsltDir: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  for (const layer of ['common', 'html', 'text', 'print', 'epub']) {
    const found = new Map<string, string>();
    const dir = path.join(xsltDir, layer);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.xsl'))
      .sort()) {
      const xsl = readFileSync(path.join(dir, file), 'utf8');
      for (const m of xsl.matchAll(/(?:<!--((?:(?!-->)[\s\S])*)-->\s*)?<xsl:template\b([^>]*)>/g)) {
        const attributes = m[2]!;
        const mode = /\bmode="([^"]*)"/.exec(attributes)?.[1];
        const match = /\bmatch="([^"]*)"/.exec(attributes)?.[1];
        if (!match || (mode !== undefined && !mode.split(/\s+/).includes('#default'))) continue;
        const comment = (m[1] ?? '').replace(/\s+/g, ' ').trim();
        for (const element of matchedElements(unescapeXml(match))) if (!found.has(element) || found.get(element) === '') found.set(element, comment);
      }
    }
    rules.set(layer, found);
  }
  return rules;
}

/** The general rule's deliberate cases, with their reasons, as xslt/common/plain.xsl declares them. */
export function plainElements(xsltDir: string): Map<string, string> {
  const xsl = readFileSync(path.join(xsltDir, 'common', 'plain.xsl'), 'utf8');
  const quoted = (s: string): string => s.slice(1, -1).replace(/''/g, "'");
  const variables = new Map([...xsl.matchAll(/\$([\w-]+) := ('(?:[^']|'')*')/g)].map((m) => [m[1]!, quoted(m[2]!)]));
  return new Map(
    [...xsl.matchAll(/'([A-Za-z][A-Za-z0-9]*)': (\$[\w-]+|'(?:[^']|'')*')/g)].map((m) => [
      m[1]!,
      m[2]!.startsWith('$') ? variables.get(m[2]!.slice(1))! : quoted(m[2]!),
    ]),
  );
}

const HEADER_NOTE = 'Header metadata: a page shows the header’s source description, abstract, creation and correspondence, not this.';

export function elementRows(xsltDir: string): ElementRow[] {
  const rules = rulesOf(xsltDir);
  const plain = plainElements(xsltDir);
  const rows: ElementRow[] = [];
  for (const [module, elements] of Object.entries(TEI_MODULES)) {
    for (const element of [...elements].sort((a, b) => a.localeCompare(b, 'en'))) {
      const layers = Object.fromEntries(
        TABLE_FORMATS.map((format) => [format, LAYERS[format].find((layer) => rules.get(layer)!.has(element))]),
      ) as ElementRow['layers'];
      const ruled = Object.values(layers).some((l) => l !== undefined);
      const comment = ['common', 'html', 'text'].map((layer) => rules.get(layer)!.get(element)).find((c) => c) ?? '';
      const status: ElementRow['status'] = ruled ? 'rule' : plain.has(element) ? 'plain' : module === 'header' ? 'header' : 'generic';
      // A rule for some of an element's instances (tei:seg[@rend = 'right']) leaves the others to the reason they render plainly.
      const partly = status === 'rule' && plain.has(element) ? ` Otherwise: ${plain.get(element)!}` : '';
      const note =
        status === 'rule'
          ? comment + partly
          : status === 'plain'
            ? plain.get(element)!
            : status === 'header'
              ? HEADER_NOTE
              : 'No rule: rendered by the general rule and reported as unrendered.';
      rows.push({ element, module, layers, note, status });
    }
  }
  return rows;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The table as Markdown: one section per module, a row per element. */
export function elementTable(rows: readonly ElementRow[]): string {
  const out = [
    '# How each TEI element is rendered',
    '',
    'Generated from the stylesheets by `npm run docs:elements` (src/docs/element-table.ts); a test fails when it',
    'and the stylesheets disagree. Per format, the layer whose rule renders the element: the format’s own',
    '(`html`, `text`, `print`, `epub`), one it inherits (print from `html`, EPUB from `print`), or `common`,',
    'which decides what the element is and leaves its layout to the format’s contract templates (ed:block,',
    'ed:inline, ed:section, …). *plain*: the general rule renders it as it should, for the reason given;',
    '*header*: header metadata no page shows; *generic*: no rule yet, reported by `editio build --report`.',
    '',
  ];
  for (const module of Object.keys(TEI_MODULES)) {
    out.push(
      `## ${module}`,
      '',
      `| element | ${TABLE_FORMATS.join(' | ')} | what it is, or why the general rule is right |`,
      `|---|${TABLE_FORMATS.map(() => '---').join('|')}|---|`,
    );
    for (const row of rows.filter((r) => r.module === module)) {
      const formats = TABLE_FORMATS.map((f) => row.layers[f] ?? `*${row.status}*`);
      out.push(`| \`${row.element}\` | ${formats.join(' | ')} | ${cell(row.note)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
