/**
 * What a folder of TEI without a configuration is called, and by whom it is edited: taken from
 * the TEI itself, never from the folder's name. A teiCorpus's header names its edition; else the
 * series the documents say they belong to (a level-"s" title, the seriesStmt, the edition
 * statement), the one most of them name, with the editors their headers name; else a single
 * document's own title (a volume in one file).
 */
import type { EditionConfig } from './config.js';
import { message, type Message } from '../infra/messages.js';
import { documentTitle, tei } from './header.js';
import type { ParsedDoc } from '../parse/parse.js';
import { textContent, type XmlElement } from '../parse/tree.js';
import { bcp47 } from '../i18n/language.js';

/** What one document says of the edition it belongs to. */
export interface DocumentIdentity {
  /** The corpus title a teiCorpus header gives (it names the edition itself), or the series a document names, or its own title. */
  corpus?: string;
  series?: string;
  own?: string;
  editors: string[];
  /** The language its editors write in (BCP 47): its header's xml:lang, else its own, its text's, else the one language its header's langUsage names. */
  language?: string;
}

const first = (element: XmlElement | undefined, ...path: string[]): XmlElement | undefined =>
  path.reduce<XmlElement | undefined>((at, name) => tei(at, name)[0], element);

/**
 * The language a document's editors write in, as BCP 47: its header's xml:lang (an edition may
 * describe German letters in English), else its own, its text's, else the one language its
 * header's langUsage names.
 */
function declaredLanguage(root: XmlElement): string | undefined {
  const used = tei(first(root, 'teiHeader', 'profileDesc', 'langUsage'), 'language').flatMap((l) => l.attrs.get('ident') ?? []);
  const header = tei(root, 'teiHeader')[0];
  return bcp47(
    header?.attrs.get('xml:lang') ?? root.attrs.get('xml:lang') ?? tei(root, 'text')[0]?.attrs.get('xml:lang') ?? (used.length === 1 ? used[0] : undefined),
  );
}

/** The title, editors and language a document's header gives for the edition it is part of. */
export function identityOf(doc: ParsedDoc): DocumentIdentity {
  const language = declaredLanguage(doc.tree);
  return { ...titleAndEditors(doc), ...(language ? { language } : {}) };
}

function titleAndEditors(doc: ParsedDoc): DocumentIdentity {
  const titleStmt = first(doc.tree, 'teiHeader', 'fileDesc', 'titleStmt');
  const titles = tei(titleStmt, 'title');
  const editors = tei(titleStmt, 'editor').flatMap((editor) => {
    const names = [...tei(editor, 'name'), ...tei(editor, 'persName')];
    return (names.length > 0 ? names : [editor]).map(textContent).filter(Boolean);
  });
  if (doc.tree.name === 'teiCorpus') {
    const main = titles.find((t) => t.attrs.get('type') === 'main') ?? titles[0];
    return { ...(main && textContent(main) ? { corpus: textContent(main) } : {}), editors };
  }
  const fileDesc = first(doc.tree, 'teiHeader', 'fileDesc');
  const series = [
    titles.find((t) => t.attrs.get('level') === 's'),
    first(fileDesc, 'seriesStmt', 'title'),
    first(fileDesc, 'editionStmt', 'edition', 'title'),
  ].find((t) => t && textContent(t));
  // Its own title as its page reads it.
  const own = documentTitle(doc.tree);
  return { ...(series ? { series: textContent(series) } : {}), ...(own ? { own } : {}), editors };
}

/** A foreign edition's title and editors from what its documents say, with a warning when none says. */
export function foreignIdentity(config: EditionConfig, documents: readonly DocumentIdentity[], messages: Message[]): Pick<EditionConfig, 'title' | 'editors'> {
  const corpus = documents.find((d) => d.corpus);
  if (corpus) return { title: corpus.corpus!, editors: corpus.editors };
  const count = new Map<string, number>();
  for (const { series } of documents) if (series) count.set(series, (count.get(series) ?? 0) + 1);
  const [series] = [...count].sort((a, b) => b[1] - a[1])[0] ?? [];
  // A single document that names no series (a documentary volume in one file) is the edition.
  if (!series && documents.length === 1 && documents[0]!.own) return { title: documents[0]!.own, editors: documents[0]!.editors };
  if (!series) {
    messages.push(
      message(
        'warning',
        'site',
        'edition-untitled',
        `no file says what edition it belongs to (a teiCorpus header, a series title, a seriesStmt), so the edition is called "${config.title}"; add one, or an editio.config.json with a title`,
      ),
    );
    return { title: config.title, editors: [] };
  }
  const editors = [...new Set(documents.filter((d) => d.series === series).flatMap((d) => d.editors))];
  return { title: series, editors };
}
