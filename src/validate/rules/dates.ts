import type { Message } from '../../infra/messages.js';
import type { ParsedDoc } from '../../parse/parse.js';
import { ancestors, type XmlElement } from '../../parse/tree.js';
import { located, teiElements, type Rule } from './context.js';

export const DATE_ATTRIBUTES = ['when', 'notBefore', 'notAfter', 'from', 'to'];

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Whether a value is a real date in a form TEI allows (teidata.temporal.w3c): a year, a year and
 * month, a day, or a day with a time; a leading '-' for years before the common era.
 */
export function isIsoDate(value: string): boolean {
  const m = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(value);
  if (!m) return false;
  const [, year, month, day, hour, minute, second] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined && (Number(day) < 1 || Number(day) > daysIn(Number(year), Number(month)))) return false;
  if (hour !== undefined && (Number(hour) > 24 || Number(minute) > 59 || Number(second ?? 0) > 59)) return false;
  return true;
}

/** The first and last day a (valid) ISO value can mean: "1966" is 1966-01-01 to 1966-12-31. */
export function bounds(value: string): { first: string; last: string } {
  const [date] = value.split('T');
  const parts = date!.replace(/^-/, 'm').split('-');
  const year = parts[0]!.replace(/^m/, '-');
  if (parts.length === 1) return { first: `${year}-01-01`, last: `${year}-12-31` };
  if (parts.length === 2)
    return { first: `${year}-${parts[1]}-01`, last: `${year}-${parts[1]}-${String(daysIn(Number(year), Number(parts[1]))).padStart(2, '0')}` };
  return { first: date!, last: date! };
}

function* dateAttributes(doc: ParsedDoc): Generator<{ element: XmlElement; name: string; value: string }> {
  for (const element of teiElements(doc)) {
    for (const name of DATE_ATTRIBUTES) {
      const value = element.attrs.get(name);
      if (value !== undefined) yield { element, name, value };
    }
  }
}

export const dateInvalid: Rule = {
  id: 'date-invalid',
  severity: 'error',
  check(ctx) {
    const messages: Message[] = [];
    for (const doc of [...ctx.docs, ...ctx.authorities.docs]) {
      for (const { element, name, value } of dateAttributes(doc)) {
        if (!isIsoDate(value)) {
          messages.push(
            located(
              'error',
              'date-invalid',
              `@${name}="${value}" on <${element.name}> is not a real ISO 8601 date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1966-09-21)`,
              doc,
              element,
            ),
          );
        }
      }
    }
    return messages;
  },
};

export const dateRangeInverted: Rule = {
  id: 'date-range-inverted',
  severity: 'error',
  check(ctx) {
    const messages: Message[] = [];
    for (const doc of [...ctx.docs, ...ctx.authorities.docs]) {
      for (const element of teiElements(doc)) {
        for (const [start, end] of [
          ['notBefore', 'notAfter'],
          ['from', 'to'],
        ] as const) {
          const a = element.attrs.get(start);
          const b = element.attrs.get(end);
          if (a === undefined || b === undefined || !isIsoDate(a) || !isIsoDate(b)) continue;
          if (bounds(a).first > bounds(b).last) {
            messages.push(
              located(
                'error',
                'date-range-inverted',
                `@${start}="${a}" is later than @${end}="${b}" on <${element.name}>; swap them or correct one`,
                doc,
                element,
              ),
            );
          }
        }
      }
    }
    return messages;
  },
};

const isHeaderDate = (e: XmlElement): boolean => {
  const up = ancestors(e).map((a) => a.name);
  return up.includes('teiHeader') && (up[0] === 'creation' || (up[0] === 'correspAction' && e.parent?.attrs.get('type') === 'sent'));
};
const isTextDate = (e: XmlElement): boolean => ancestors(e).some((a) => a.name === 'dateline' || a.name === 'docDate') || e.name === 'docDate';

/** Two exact dates agree when one contains the other ("1966-09" and "1966-09-21"). */
const agree = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

export const dateHeaderMismatch: Rule = {
  id: 'date-header-mismatch',
  severity: 'error',
  check(ctx) {
    const messages: Message[] = [];
    for (const doc of ctx.docs) {
      const dated = teiElements(doc).filter((e) => (e.name === 'date' || e.name === 'docDate') && isIsoDate(e.attrs.get('when') ?? ''));
      const header = dated.filter(isHeaderDate);
      if (header.length === 0) continue;
      for (const text of dated.filter(isTextDate)) {
        const when = text.attrs.get('when')!;
        const other = header.find((h) => !agree(h.attrs.get('when')!, when));
        if (other) {
          messages.push(
            located(
              'error',
              'date-header-mismatch',
              `the ${text.name === 'docDate' || text.parent?.name === 'docDate' ? 'docDate' : 'dateline'} says ${when} but the header's <${other.parent!.name}> (line ${other.line}) says ${other.attrs.get('when')}; make them agree`,
              doc,
              text,
            ),
          );
        }
      }
    }
    return messages;
  },
};
