/**
 * `editio import persons.csv --authorities`: a spreadsheet's rows merged into the edition's
 * authority lists. A new id is added to its list; an id already there with the same entry is left
 * as it is; one with a different entry is a conflict, reported with its row, and replaced only
 * with --force; an id of another kind is never taken. The merged file must be valid against its
 * schema before it is written (atomically, as an editor's file is: permissions kept).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EditionConfig } from '../model/config.js';
import { message, type Message } from '../infra/messages.js';
import { parse, TEI_NS, type ParsedDoc } from '../parse/parse.js';
import { descendants, type XmlElement } from '../parse/tree.js';
import { authorityPaths } from '../validate/check.js';
import { validate } from '../validate/validate.js';
import { rewriteFile } from '../write/write.js';
import { readCsv } from './csv.js';
import { readInput } from './input.js';
import { kindOf, sheetEntries, type SheetEntry } from './sheet-entries.js';

interface Splice {
  start: number;
  end: number;
  text: string;
}

interface ListFile {
  path: string;
  name: string;
  doc: ParsedDoc;
  /** Its elements by xml:id, and its lists and standOff by name (the first of each). */
  ids: Map<string, XmlElement>;
  containers: Map<string, XmlElement>;
  splices: Splice[];
}

const flat = (xml: string): string => xml.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
/** The white space a line starts with, where an element stands. */
const indentAt = (text: string, offset: number): string => /[ \t]*$/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset))![0];

async function listFiles(edition: EditionConfig, messages: Message[]): Promise<ListFile[]> {
  const files: ListFile[] = [];
  for (const file of authorityPaths(edition)) {
    const name = path.relative(process.cwd(), file);
    const parsed = parse({ path: file, name, bytes: await readFile(file), role: 'authorities' });
    for (const m of parsed.messages) messages.push(m);
    if (!parsed.doc) continue;
    const elements = [...descendants(parsed.doc.tree)];
    const ids = new Map(elements.flatMap((e) => (e.attrs.has('xml:id') ? [[e.attrs.get('xml:id')!, e] as const] : [])));
    const containers = new Map<string, XmlElement>();
    for (const e of elements) if (e.ns === TEI_NS && /^(list[A-Z]\w*|standOff)$/.test(e.name) && !containers.has(e.name)) containers.set(e.name, e);
    files.push({ path: file, name, doc: parsed.doc, ids, containers, splices: [] });
  }
  return files;
}

/** Where an entry goes: its id's place if it has one, else the end of its kind's list (made if none is there). */
function place(
  entry: SheetEntry,
  files: readonly ListFile[],
  force: boolean,
  file: string,
  done: Map<string, string>,
): { message?: Message; done?: 'added' | 'replaced' } {
  const at = { file, line: entry.line };
  if (done.has(entry.id))
    return {
      message: message(
        'error',
        'import',
        'authority-conflict',
        `row ${entry.line}: "${entry.id}" is imported from ${done.get(entry.id)} in this import already: give the row another id`,
        at,
      ),
    };
  const row = `${path.basename(file)}, row ${entry.line}`;
  for (const f of files) {
    const existing = f.ids.get(entry.id);
    if (!existing) continue;
    const where = `${f.name}:${existing.line}`;
    if (existing.name !== entry.kind.entry) {
      return {
        message: message(
          'error',
          'import',
          'authority-conflict',
          `row ${entry.line}: the id "${entry.id}" is a <${existing.name}> at ${where}, not a ${entry.kind.entry}: give the row another id`,
          at,
        ),
      };
    }
    // A row that says nothing the entry does not say already (its names, dates, identifiers, note) changes nothing.
    const there = flat(f.doc.text.slice(existing.start, existing.end));
    if (
      entry
        .xml('')
        .split('\n')
        .slice(1, -1)
        .every((line) => there.includes(flat(line)))
    )
      return {};
    if (!force) {
      const reason = `row ${entry.line}: "${entry.id}" is at ${where} already, and the row gives it otherwise: nothing is replaced without --force (check that the row means the same ${entry.kind.entry}, or give it another id)`;
      return { message: message('error', 'import', 'authority-conflict', reason, at) };
    }
    f.splices.push({ start: existing.start, end: existing.end, text: entry.xml(indentAt(f.doc.text, existing.start)).trimStart() });
    done.set(entry.id, row);
    return { done: 'replaced' };
  }
  const f = files.find((l) => l.containers.has(entry.kind.list)) ?? files[0];
  if (!f)
    return {
      message: message(
        'error',
        'import',
        'authority-conflict',
        'the edition names no authority file to import into: add one to "authorities" in editio.config.json',
        at,
      ),
    };
  const list = f.containers.get(entry.kind.list);
  const container = list ?? f.containers.get('standOff');
  if (!container)
    return { message: message('error', 'import', 'authority-conflict', `${f.name} has no <standOff> to hold a <${entry.kind.list}>: add one`, at) };
  const close = container.end - `</${container.name}>`.length;
  const lastChild = [...container.children].reverse().find((c): c is XmlElement => c.kind === 'element');
  const indent = lastChild ? indentAt(f.doc.text, lastChild.start) : `${indentAt(f.doc.text, container.start)}  `;
  const xml = list ? entry.xml(indent) : `${indent}<${entry.kind.list}>\n${entry.xml(`${indent}  `)}\n${indent}</${entry.kind.list}>`;
  // On the lines before the container's end tag, or before the tag itself when it shares its line.
  const lineStart = f.doc.text.lastIndexOf('\n', close - 1) + 1;
  const ownLine = /^[ \t]*$/.test(f.doc.text.slice(lineStart, close));
  f.splices.push(ownLine ? { start: lineStart, end: lineStart, text: `${xml}\n` } : { start: close, end: close, text: `\n${xml}\n` });
  done.set(entry.id, row);
  return { done: 'added' };
}

export async function importAuthorities(
  paths: readonly string[],
  options: { edition: EditionConfig; kind?: string; force?: boolean },
): Promise<{ written: string[]; messages: Message[] }> {
  const messages: Message[] = [];
  const files = await listFiles(options.edition, messages);
  // The ids this import adds or replaces, and the row each comes from: no id twice.
  const imported = new Map<string, string>();
  let added = 0;
  let replaced = 0;
  for (const file of paths) {
    const kind = kindOf(options.kind ?? path.basename(file));
    if (!kind) {
      const reason = options.kind
        ? `--kind "${options.kind}" is no kind of entry: give persons, places, organisations, objects or events`
        : 'which list this spreadsheet fills cannot be told from its name: call it persons.csv, places.csv, organisations.csv, objects.csv or events.csv, or give --kind';
      messages.push(message('error', 'import', 'csv-kind', reason, { file }));
      continue;
    }
    const bytes = await readInput(file, messages);
    if (!bytes) continue;
    const sheet = readCsv(bytes, file);
    if ('error' in sheet) {
      messages.push(sheet.error);
      continue;
    }
    const read = sheetEntries(sheet, kind, file);
    for (const m of read.messages) messages.push(m);
    for (const entry of read.entries) {
      const placed = place(entry, files, Boolean(options.force), file, imported);
      if (placed.message) messages.push(placed.message);
      if (placed.done === 'added') added++;
      if (placed.done === 'replaced') replaced++;
    }
  }
  const written: string[] = [];
  for (const f of files.filter((f) => f.splices.length > 0)) {
    let text = f.doc.text;
    // From the end, so that offsets hold; at one place, the last added first, so that entries keep the sheet's order.
    const order = f.splices.map((splice, i) => ({ splice, i })).sort((a, b) => b.splice.start - a.splice.start || b.i - a.i);
    for (const { splice } of order) text = text.slice(0, splice.start) + splice.text + text.slice(splice.end);
    const merged = parse({ path: f.path, name: f.name, bytes: Buffer.from(text), role: 'authorities' });
    const [verdict] = merged.doc ? await validate([merged.doc]) : [];
    const problems = verdict ? verdict.messages.filter((m) => m.severity === 'error') : merged.messages;
    if (!verdict?.valid || problems.length > 0) {
      messages.push(
        message(
          'error',
          'import',
          'authority-invalid',
          `the merged lists would not be valid, so ${f.name} is left as it was: ${problems.map((m) => m.reason).join('; ')}`,
          { file: f.name },
        ),
      );
      continue;
    }
    await rewriteFile(f.path, text);
    written.push(f.path);
  }
  if (written.length > 0)
    messages.push(
      message(
        'info',
        'import',
        'authority-imported',
        `${added} ${added === 1 ? 'entry' : 'entries'} added and ${replaced} replaced in ${written.map((w) => path.relative(process.cwd(), w)).join(', ')}`,
      ),
    );
  return { written, messages };
}
