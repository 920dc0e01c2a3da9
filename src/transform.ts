import SaxonJS from 'saxon-js';
import { message, type Message } from './messages.js';
import { loadStylesheet, type Format } from './stylesheets.js';

/**
 * Parameters the stylesheets declare (xslt/common/params.xsl). The names and types here mirror
 * the xsl:param declarations; test/transform.test.ts fails when the two drift apart.
 */
export interface StylesheetParams {
  /** The edition's configuration, as JSON (title, editors, licence, baseUrl, language). */
  'edition-json'?: string;
  /** Documents of the edition in date order, as JSON (see Extract). */
  'documents-json'?: string;
  /** Parsed authority files, for names and register links. */
  authorities?: unknown[];
  /** The document's identifier, used in URLs. */
  'document-id'?: string;
  /** Relative path from the page to the edition's root, '' or '../'. */
  'path-to-root'?: string;
  /** Which register list to render (`listPerson`, …) in mode `register`. */
  'register-list'?: string;
}

export interface TransformRequest {
  format: Format;
  /** The document, as text. */
  sourceText: string;
  /** Name used in messages. */
  file: string;
  initialMode?: string;
  params?: StylesheetParams;
}

export interface TransformResult {
  output: string | undefined;
  messages: Message[];
}

function messageText(content: unknown): string {
  return String(SaxonJS.XPath.evaluate('string(.)', content)).trim();
}

/**
 * Runs a compiled stylesheet. `xsl:message` output of the form `[rule-id] reason` becomes a
 * warning on the document; a dynamic error becomes an error, and the output is withheld.
 */
export function transform(request: TransformRequest): TransformResult {
  const messages: Message[] = [];
  const at = { file: request.file };
  try {
    const result = SaxonJS.transform(
      {
        stylesheetInternal: loadStylesheet(request.format),
        sourceText: request.sourceText,
        destination: 'serialized',
        ...(request.initialMode ? { initialMode: request.initialMode } : {}),
        stylesheetParams: { ...request.params },
        deliverMessage: (content: unknown) => {
          const text = messageText(content);
          const tagged = /^\[([a-z0-9-]+)\]\s*([\s\S]*)$/.exec(text);
          messages.push(message('warning', 'transform', tagged ? tagged[1]! : 'xslt-message', tagged ? tagged[2]! : text, at));
        },
      },
      'sync',
    );
    return { output: result.principalResult, messages };
  } catch (err) {
    const e = err as { code?: string; message?: string };
    messages.push(
      message('error', 'transform', 'xslt-error', `the ${request.format} stylesheet failed (${e.code ?? 'error'}): ${e.message ?? String(err)}`, at),
    );
    return { output: undefined, messages };
  }
}

/** Parses XML once into a node that can be passed to many transforms as a parameter. */
export async function parseForStylesheets(text: string): Promise<unknown> {
  return SaxonJS.getResource({ text, type: 'xml' });
}
