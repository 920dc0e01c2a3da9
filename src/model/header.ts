/**
 * A document's header read as the stylesheets read it (xslt/common: ed:title, ed:document-date,
 * ed:date-label, and the layout whitespace they strip), for what TypeScript makes from documents
 * without a transform: the Dublin Core records, the name of an edition without a configuration.
 */
import { parse as parseEdtf } from 'edtf';
import { datingInWords, withDoubts, type DateWording } from '../i18n/dates.js';
import { TEI_NS } from '../parse/parse.js';
import { buildTree, descendants, type XmlElement } from '../parse/tree.js';

/** XPath's normalize-space: only XML's whitespace counts (a no-break space is a character). */
export const normalize = (s: string): string => s.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
/** The elements whose whitespace-only text the stylesheets strip (xsl:strip-space in xslt/common/common.xsl): layout, not text. */
export const STRIPPED_ELEMENTS = new Set(
  'TEI teiHeader fileDesc titleStmt publicationStmt sourceDesc profileDesc abstract creation correspDesc correspAction text body div list standOff listPerson listPlace listOrg listObject listEvent person place org object event'.split(
    ' ',
  ),
);
/** An element's string value as the stylesheets see it: all its text, in order, but layout whitespace between elements. */
export const stringValue = (e: XmlElement): string =>
  e.children
    .map((c) => (c.kind === 'element' ? stringValue(c) : STRIPPED_ELEMENTS.has(e.name) && e.ns === TEI_NS && /^[ \t\r\n]*$/.test(c.text) ? '' : c.text))
    .join('');
export const tei = (e: XmlElement | undefined, name: string): XmlElement[] =>
  (e?.children ?? []).filter((c): c is XmlElement => c.kind === 'element' && c.ns === TEI_NS && c.name === name);
export const teiDescendants = (e: XmlElement | undefined, name: string): XmlElement[] =>
  e ? [...descendants(e)].filter((d) => d !== e && d.ns === TEI_NS && d.name === name) : [];

/** What a date element says, in the edition's words, with its doubts: "about 1966" (precision low or medium), "1966?" (certainty under high); as ed:date-label. */
export function dateInWords(date: XmlElement, wording: DateWording): string {
  return withDoubts(datingInWords((name) => date.attrs.get(name), wording) ?? normalize(stringValue(date)), doubtsOf(date), wording);
}

/** What the editors say they are unsure of in a date: its precision (low or medium), its certainty (under high). */
function doubtsOf(date: XmlElement): { approximate: boolean; doubtful: boolean } {
  const precision = normalize(date.attrs.get('precision') ?? '');
  const cert = normalize(date.attrs.get('cert') ?? '');
  return {
    approximate: precision === 'low' || precision === 'medium',
    doubtful: isDoubtful(cert),
  };
}

/** Whether a @cert says the editors are less than sure: low, medium or unknown, or a probability under 1. */
export const isDoubtful = (cert: string): boolean =>
  ['low', 'medium', 'unknown'].includes(cert) || (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cert) && Number(cert) < 1);

/** The days a date may fall on, as full ISO dates (either end open: ''), and whether it is known to the day with no doubt. */
export interface DateSpan {
  from: string;
  to: string;
  exact: boolean;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An ISO date's first or last day ("1966" → 1966-01-01 or 1966-12-31, "1966-02" → 1966-02-01 or 1966-02-28); '' if it is no ISO date. */
function dayAt(iso: string | undefined, end: 'first' | 'last'): string {
  const parts = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(iso ? normalize(iso) : '');
  if (!parts) return '';
  const [, year, month, day] = parts as unknown as [string, string, string | undefined, string | undefined];
  if (day) return `${year}-${month}-${day}`;
  if (month) {
    const leap = Number(year) % 4 === 0 && (Number(year) % 100 !== 0 || Number(year) % 400 === 0);
    const last = Number(month) === 2 && !leap ? 28 : (DAYS_IN_MONTH[Number(month) - 1] ?? 31);
    return `${year}-${month}-${end === 'first' ? '01' : String(last).padStart(2, '0')}`;
  }
  return `${year}-${end === 'first' ? '01-01' : '12-31'}`;
}

/**
 * A date element in EDTF (Extended Date/Time Format, ISO 8601-2), for machines: @when as it is,
 * "~" where its precision is low or medium, "?" where its certainty is under high, "%" for both;
 * @from/@to as an interval ("1966-09/1967", open ends ".."); @notBefore/@notAfter as one day of a
 * set ("[1966-10-01..1966-10-15]", which EDTF does not qualify further). Checked with the edtf
 * package's parser: '' where the TEI's values make no EDTF (a date with a time cannot be qualified,
 * and is given unqualified).
 */
export function edtfOf(date: XmlElement): string {
  const at = (name: string): string | undefined => {
    const value = date.attrs.get(name);
    return value === undefined ? undefined : normalize(value);
  };
  const [when, from, to, notBefore, notAfter] = ['when', 'from', 'to', 'notBefore', 'notAfter'].map(at);
  const { approximate, doubtful } = doubtsOf(date);
  const mark = approximate && doubtful ? '%' : doubtful ? '?' : approximate ? '~' : '';
  const written = (qualifier: string): string | undefined => {
    if (when !== undefined) return `${when}${qualifier}`;
    if (from !== undefined || to !== undefined) return `${from === undefined ? '..' : from + qualifier}/${to === undefined ? '..' : to + qualifier}`;
    if (notBefore !== undefined || notAfter !== undefined) return `[${notBefore ?? ''}..${notAfter ?? ''}]`;
    return undefined;
  };
  for (const candidate of [written(mark), written('')]) {
    if (candidate === undefined) return '';
    try {
      parseEdtf(candidate);
      return candidate;
    } catch {
      // Not EDTF with its qualifier: tried without it, else none.
    }
  }
  return '';
}

/** The span of days a date element stands for, from @when, else @from/@to, else @notBefore/@notAfter: what search filters a date range by. */
export function dateSpan(date: XmlElement): DateSpan | null {
  const at = (name: string): string | undefined => date.attrs.get(name);
  const [when, from, to, notBefore, notAfter] = ['when', 'from', 'to', 'notBefore', 'notAfter'].map(at);
  const [first, last] = when !== undefined ? [when, when] : from !== undefined || to !== undefined ? [from, to] : [notBefore, notAfter];
  const span = { from: dayAt(first, 'first'), to: dayAt(last, 'last') };
  if (span.from === '' && span.to === '') return null;
  const { approximate, doubtful } = doubtsOf(date);
  return { ...span, exact: span.from === span.to && !approximate && !doubtful };
}

/** A document's own title (as ed:title): main, else analytic, else the first with neither level nor type, else the first, else its first heading. */
export function documentTitle(root: XmlElement): string {
  const titles = tei(tei(tei(tei(root, 'teiHeader')[0], 'fileDesc')[0], 'titleStmt')[0], 'title');
  const candidates = [
    ...titles.filter((t) => t.attrs.get('type') === 'main'),
    ...titles.filter((t) => t.attrs.get('level') === 'a'),
    ...titles.filter((t) => !t.attrs.has('level') && !t.attrs.has('type')),
    ...titles,
    ...teiDescendants(tei(root, 'text')[0], 'head').slice(0, 1),
  ];
  return candidates.map((e) => normalize(stringValue(e))).find((t) => t !== '') ?? '';
}

/** The date a document was written (as ed:document-date): its creation date, else its sending, else its dateline's. */
export function documentDate(root: XmlElement): XmlElement | undefined {
  const profile = tei(tei(root, 'teiHeader')[0], 'profileDesc')[0];
  const sent = tei(tei(profile, 'correspDesc')[0], 'correspAction').filter((a) => a.attrs.get('type') === 'sent');
  const datelines = teiDescendants(tei(root, 'text')[0], 'dateline');
  // A play's dates, as drama corpora keep them beside the text: written, else printed, else first performed.
  const events = tei(root, 'standOff')
    .flatMap((s) => tei(s, 'listEvent'))
    .flatMap((l) => tei(l, 'event'))
    .filter((e) => ['when', 'notBefore', 'notAfter', 'from'].some((a) => e.attrs.has(a)));
  const event = ['written', 'print', 'premiere'].flatMap((type) => events.filter((e) => e.attrs.get('type') === type));
  return [
    ...tei(tei(profile, 'creation')[0], 'date'),
    ...sent.flatMap((a) => tei(a, 'date')),
    ...datelines.flatMap((d) => teiDescendants(d, 'date')),
    ...event,
  ][0];
}

/**
 * When the edition was last updated (xsd:dateTime), as CMIF and EPUB ask, from what its sources say,
 * so that two builds of one edition write the same file: the edition's own date of publication
 * (its header's publicationStmt/date), else the latest change a document's header records
 * (`changed`, its revisionDesc), else none known (1970-01-01, the epoch).
 */
export function publishedOn(introduction: string | undefined, changed: readonly string[] = []): string {
  const built = introduction === undefined ? undefined : buildTree(introduction);
  const root = built && !('error' in built) ? built.root : undefined;
  const when = tei(tei(tei(tei(root, 'teiHeader')[0], 'fileDesc')[0], 'publicationStmt')[0], 'date')[0]?.attrs.get('when') ?? '';
  const latest =
    changed
      .filter((c) => /^\d{4}(-\d{2}){0,2}$/.test(c))
      .sort()
      .at(-1) ?? '';
  const day = /^(\d{4})(-\d{2})?(-\d{2})?$/.exec(normalize(when)) ?? /^(\d{4})(-\d{2})?(-\d{2})?$/.exec(latest);
  return day ? `${day[1]}${day[2] ?? '-01'}${day[3] ?? '-01'}T00:00:00Z` : UNKNOWN_DAY;
}

/** What publishedOn says when the sources date nothing. */
export const UNKNOWN_DAY = '1970-01-01T00:00:00Z';
