import { expect } from 'chai';
import path from 'node:path';
import { Authorities } from '../../src/model/authorities.js';
import { parse } from '../../src/parse/parse.js';
import { NameFinder } from '../../src/tagging/names.js';
import { fixtures, read, teiDir } from '../helpers.js';

const list = (file: string): ConstructorParameters<typeof Authorities>[0][number] => {
  const parsed = parse({ path: file, name: path.basename(file), bytes: Buffer.from(read(file)), role: 'document' }).doc!;
  return { ...parsed, source: { ...parsed.source, path: file } };
};
// The edition's lists, and the held-out set's additions: two persons called Kim, names only in Vietnamese spelling.
const entries = [
  ...new Authorities([list(path.join(teiDir, 'authorities.xml')), list(path.join(fixtures, 'tagging', 'held-out', 'more-authorities.xml'))]).entries.values(),
];
const finder = new NameFinder(entries);

/** What the finder tags in a text: the words, the entry, and why; and what it leaves to the editor. */
function found(text: string): { tagged: [string, string][]; candidates: [string, string[]][] } {
  const { matches, ambiguous } = finder.find(text);
  return { tagged: matches.map((m) => [text.slice(m.start, m.end), m.entry.id]), candidates: ambiguous.map((a) => [a.name, a.ids]) };
}

describe('tagging/names', () => {
  it('knows a name whatever its quotes, and never splits a known organisation for the place in its name', () => {
    expect(found("the People's Army of Vietnam fought").tagged).to.deep.equal([["People's Army of Vietnam", 'peoples-army-of-vietnam']]);
    expect(found('the Peoples Army of Vietnam fought').tagged).to.deep.equal([['Peoples Army of Vietnam', 'peoples-army-of-vietnam']]);
    expect(found('the Korean Workers Party said').tagged).to.deep.equal([['Korean Workers Party', 'workers-party-of-korea']]);
  });

  it('knows a name with or without its accents, in the text or in the lists', () => {
    expect(found('Pham Van Dong and Võ Nguyên Giáp and Vo Nguyen Giap').tagged).to.deep.equal([
      ['Pham Van Dong', 'pham-van-dong'],
      ['Võ Nguyên Giáp', 'vo-nguyen-giap'],
      ['Vo Nguyen Giap', 'vo-nguyen-giap'],
    ]);
    expect(found('flew from Ha Noi to Hà Nội').tagged).to.deep.equal([
      ['Ha Noi', 'hanoi'],
      ['Hà Nội', 'hanoi'],
    ]);
  });

  it('takes a telegram’s capitals and a title’s abbreviation, but not a lower-case common word', () => {
    expect(found('GEN. GIAP RECEIVED KIM IL SUNG IN HANOI').tagged).to.deep.equal([
      ['GEN. GIAP', 'vo-nguyen-giap'],
      ['KIM IL SUNG', 'kim-il-sung'],
      ['HANOI', 'hanoi'],
    ]);
    expect(found('the general view of north vietnam').tagged).to.deep.equal([]);
  });

  it('tags a surname that is one person’s in the lists, possessive and all', () => {
    expect(found("Giap’s decision and Giap's staff").tagged).to.deep.equal([
      ['Giap', 'vo-nguyen-giap'],
      ['Giap', 'vo-nguyen-giap'],
    ]);
    expect(found('Comrade Tai reported').tagged).to.deep.equal([['Comrade Tai', 'phung-the-tai']]);
  });

  it('tags a surname two persons share only when the document has named just one of them in full before', () => {
    expect(found('Kim said so.')).to.deep.equal({ tagged: [], candidates: [['Kim', ['kim-il-sung', 'kim-chang-bong']]] });
    expect(found('Premier Kim Il Sung arrived. Kim said so.').tagged).to.deep.equal([
      ['Premier Kim Il Sung', 'kim-il-sung'],
      ['Kim', 'kim-il-sung'],
    ]);
    expect(found('Kim Chang Bong greeted Kim Il Sung. Kim said so.').candidates).to.deep.equal([['Kim', ['kim-il-sung', 'kim-chang-bong']]]);
    // Named in full only after the short form: not yet settled where the short form stands.
    expect(found('Kim said so to Kim Il Sung.').candidates).to.deep.equal([['Kim', ['kim-il-sung', 'kim-chang-bong']]]);
  });

  it('knows a surname with its particle, after initials, and in a German genitive after s ("Krausens")', () => {
    const german = new NameFinder([...new Authorities([list(path.join(fixtures, 'tagging', 'german-fresh', 'register.xml'))]).entries.values()], true);
    const tagged = (text: string): [string, string][] => german.find(text).matches.map((m) => [text.slice(m.start, m.end), m.entry.id]);
    expect(tagged('Herr von Hagen, F. v. Hagen, F. Hagen, Hagens Brief')).to.deep.equal([
      ['von Hagen', 'hagen'],
      ['F. v. Hagen', 'hagen'],
      ['F. Hagen', 'hagen'],
      ['Hagens', 'hagen'],
    ]);
    expect(tagged('Krausens Aufsatz, E. Kraus')).to.deep.equal([
      ['Krausens', 'kraus'],
      ['E. Kraus', 'kraus'],
    ]);
    // Initials of another forename are no mention of this person.
    expect(tagged('G. Kraus schrieb')).to.deep.equal([['Kraus', 'kraus']]);
  });

  it('keeps a person named in full across the document, through the set it is given', () => {
    const earlier = new Set<(typeof entries)[number]>();
    finder.find('Kim Il Sung spoke first.', earlier);
    // Named before, and again after the short form: settled by the earlier mention.
    expect(finder.find('Then Kim thanked Kim Chang Bong.', earlier).matches.map((m) => m.entry.id)).to.deep.equal(['kim-il-sung', 'kim-chang-bong']);
    const named = new Set<(typeof entries)[number]>();
    finder.find('Kim Chang Bong opened the meeting.', named);
    const { matches } = finder.find('Kim closed it.', named);
    expect(matches.map((m) => m.entry.id)).to.deep.equal(['kim-chang-bong']);
  });
});
