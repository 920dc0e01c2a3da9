/**
 * The edition's pages (the introduction and every published document) as the edition-wide
 * families see them: a small summary of each, kept in the build state, and its extract (the words
 * in context), read only for the outputs made again and let go once used.
 */
import { hashOf } from '../infra/hash.js';
import type { OutputPlan } from '../incremental/plan.js';
import type { Extract, Listing, Page, PageSummary, Summary } from '../model/extract-types.js';
import { documentUrl } from '../edition/names.js';
import { STATE_DIR } from '../incremental/state.js';
import { WINDOW } from './context.js';

/** Where a document's extract is kept, and the introduction's. */
export const extractOfId = (id: string): string => `${STATE_DIR}/extracts/${id}.json`;
export const INTRODUCTION_EXTRACT = `${STATE_DIR}/introduction.json`;

type DigestKind = keyof Summary['digests'];

export class EditionPages {
  constructor(
    readonly pages: readonly PageSummary[],
    private readonly plan: OutputPlan,
    /** The extract file of a page. */
    readonly extractOf: (page: PageSummary) => string,
    /** A page's extract as the edition-wide pages name it (the introduction as "Introduction"). */
    private readonly named: (page: PageSummary, extract: Extract) => Extract,
  ) {}

  /**
   * The pages' extracts, read a few files at a time (thousands at once would run out of file
   * handles) and not kept: a large edition's extracts do not fit in memory all at once.
   */
  async withExtracts(wanted: readonly PageSummary[]): Promise<Page[]> {
    const pages: Page[] = [];
    await this.each(wanted, (page) => pages.push(page));
    return pages;
  }

  /** Each page with its extract, in order, read a few at a time and let go after `use`: for a family that needs them one by one. */
  async each(wanted: readonly PageSummary[], use: (page: Page) => void): Promise<void> {
    for (let i = 0; i < wanted.length; i += WINDOW) {
      for (const page of await Promise.all(wanted.slice(i, i + WINDOW).map((p) => this.readExtract(p)))) use(page);
    }
  }

  private async readExtract(page: PageSummary): Promise<Page> {
    const extract = JSON.parse((await this.plan.text(this.extractOf(page)))!) as Extract;
    return { url: page.url, extract: this.named(page, extract) };
  }

  /** The pages by what they show of a kind (the entries they mention, the years of their dates). */
  by(kind: DigestKind): Map<string, PageSummary[]> {
    const byKey = new Map<string, PageSummary[]>();
    for (const page of this.pages) {
      for (const key of Object.keys(page.summary.digests[kind])) {
        if (!byKey.has(key)) byKey.set(key, []);
        byKey.get(key)!.push(page);
      }
    }
    return byKey;
  }

  /**
   * What an edition-wide page shows of these pages for one key, from digests of their extracts,
   * so that nothing large is hashed (or read) to find what changed. The parts as one string
   * (hashOf's separators): spreading thousands of them into a call was slow.
   */
  digestOf(kind: DigestKind, key: string, showing: readonly PageSummary[] = []): string {
    return showing.length === 0 ? hashOf() : hashOf(showing.map(({ url, summary }) => `${url}=${summary.digests[kind][key]}`).join('\0'));
  }
}

/** Registers, chronology and search name the home page's text as what it is. */
const introTitled = <T extends Listing>(e: T): T => ({ ...e, title: 'Introduction' });

/** The page the introduction is published on: the edition's home page. */
export const INTRODUCTION_PAGE = 'index.html';

/** The edition's pages: the introduction (as index.html), then the published documents in date order. */
export function editionPages(plan: OutputPlan, introduction: Summary | undefined, published: readonly Summary[]): EditionPages {
  const pages: PageSummary[] = [
    ...(introduction ? [{ url: INTRODUCTION_PAGE, summary: introTitled(introduction) }] : []),
    ...published.map((summary) => ({ url: documentUrl(summary.id), summary })),
  ];
  return new EditionPages(
    pages,
    plan,
    ({ url, summary }) => (url === INTRODUCTION_PAGE ? INTRODUCTION_EXTRACT : extractOfId(summary.id)),
    ({ url }, extract) => (url === INTRODUCTION_PAGE ? introTitled(extract) : extract),
  );
}
