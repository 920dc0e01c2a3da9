/**
 * Active content: what a browser would run if the TEI itself were opened (served as XML by any
 * web server, or opened from disk). TEI elements do nothing in a browser; elements in the XHTML,
 * SVG and MathML namespaces that a TEI document may carry (FRUS attachments, inline SVG) do.
 * This applies to every document, an edition's or not.
 */
import { message, type Message } from '../../infra/messages.js';
import type { ParsedDoc } from '../../parse/parse.js';
import type { XmlElement } from '../../parse/tree.js';
import { MAX_PER_FILE } from './index.js';

const LANGUAGES: Record<string, string> = {
  'http://www.w3.org/1999/xhtml': 'XHTML',
  'http://www.w3.org/2000/svg': 'SVG',
  'http://www.w3.org/1998/Math/MathML': 'MathML',
};

/** Elements that run or load code, or send the reader elsewhere, in those languages. */
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'handler', 'listener']);

const SVG = 'http://www.w3.org/2000/svg';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** SVG's animations, which can set any attribute of their target: an event handler, or an address. */
const ANIMATIONS = new Set(['set', 'animate', 'animateTransform', 'animateMotion', 'animateColor']);

/** XHTML's elements that load what their src, srcset, poster or data names when the page opens (a link is followed only if clicked). */
const XHTML_LOADS = new Set(['img', 'image', 'video', 'audio', 'source', 'track', 'input', 'picture']);
/** An address on another site (a scheme other than data:, or //host): loading it tells that site who opened the TEI. */
const REMOTE = /^(?:\/\/|(?!data:)[a-z][a-z0-9+.-]*:)/;

/** Whether an attribute makes its element load something from another site when the TEI is opened. */
function loadsRemote(element: XmlElement, local: string, url: string): boolean {
  if (!REMOTE.test(url)) return false;
  // Every SVG reference but a link's (use, image, feImage, gradients, patterns, textPath, …) is loaded.
  if (element.ns === SVG) return local === 'href' && element.name !== 'a';
  if (element.ns === XHTML) return XHTML_LOADS.has(element.name) && ['src', 'srcset', 'poster', 'data'].includes(local);
  return local === 'src';
}

/** Addresses that run code when followed or loaded. */
const SCRIPT_URL = /(?:javascript|vbscript|livescript):|data:(?:text\/html|application\/xhtml|image\/svg)/;
/** What a browser ignores inside a URL scheme ("java\tscript:"). */
const IGNORED_IN_URLS = /[\u0000-\u0020\u007f]+/g;

export interface ActiveContent {
  element: XmlElement;
  /** The attribute that is active, or undefined when the whole element is. */
  attribute?: string;
  /** It loads from another site (it runs no code of its own). */
  remote?: boolean;
}

/** The active content of a document's tree, in document order; an active element's inside is not looked into. */
export function findActiveContent(root: XmlElement): ActiveContent[] {
  const found: ActiveContent[] = [];
  const visit = (element: XmlElement): void => {
    const language = LANGUAGES[element.ns];
    if (language && ACTIVE_ELEMENTS.has(element.name)) return void found.push({ element });
    // An animation that sets a handler or an address runs what it sets.
    const animated = element.ns === SVG && ANIMATIONS.has(element.name) ? (element.attrs.get('attributeName') ?? '') : '';
    if (/^on/i.test(animated) || /(^|:)href$/i.test(animated)) return void found.push({ element });
    for (const [name, value] of element.attrs) {
      const local = name.slice(name.indexOf(':') + 1);
      const url = value.replace(IGNORED_IN_URLS, '').toLowerCase();
      const handler = language !== undefined && !name.includes(':') && /^on/i.test(name);
      const scriptUrl = (language !== undefined || local === 'href') && SCRIPT_URL.test(url);
      if (handler || scriptUrl) found.push({ element, attribute: name });
      else if (language !== undefined && loadsRemote(element, local, url)) found.push({ element, attribute: name, remote: true });
    }
    for (const child of element.children) if (child.kind === 'element') visit(child);
  };
  visit(root);
  return found;
}

const described = ({ element, attribute, remote }: ActiveContent): string => {
  const tag = `<${element.name}> (${LANGUAGES[element.ns] ?? 'TEI'})`;
  if (remote) return `the ${attribute} attribute of ${tag} loads "${element.attrs.get(attribute!)!.slice(0, 80)}" from another site`;
  return attribute ? `the ${attribute} attribute of ${tag} runs a script` : `${tag} runs or loads code`;
};

/** `active-content`: a warning for each piece of active content, where it stands (past MAX_PER_FILE, counted). */
export function activeContent(doc: ParsedDoc): Message[] {
  const found = findActiveContent(doc.tree);
  const messages = found
    .slice(0, MAX_PER_FILE)
    .map((active) =>
      message(
        'warning',
        'validate',
        'active-content',
        `${described(active)} where the TEI is opened in a browser; it is left out of the TEI editio publishes (the source keeps it)`,
        { file: doc.source.name, line: active.element.line, column: active.element.column },
      ),
    );
  if (found.length > MAX_PER_FILE) {
    messages.push(
      message('warning', 'validate', 'active-content', `${found.length - MAX_PER_FILE} more like the above in this file, not listed`, {
        file: doc.source.name,
      }),
    );
  }
  return messages;
}
