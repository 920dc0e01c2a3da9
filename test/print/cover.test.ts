import { expect } from 'chai';
import { XMLValidator } from 'fast-xml-parser';
import { coverSvg } from '../../src/print/cover.js';

/** The cover's lines of text, as a reader's SVG renderer would set them. */
const linesOf = (svg: string): { size: number; text: string }[] =>
  [...svg.matchAll(/<text [^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ size: Number(m[1]), text: m[2]! }));

describe('print/cover', () => {
  it('sets the title, the subtitle and the editors, each line within the cover’s width', () => {
    const svg = coverSvg({
      title: 'North Korean Pilots in the Air War over North Vietnam, 1966–1967',
      subtitle: 'A documentary dossier',
      editors: ['Ada Byron', 'Jean Mabillon'],
    });
    expect(XMLValidator.validate(svg)).to.equal(true);
    const lines = linesOf(svg);
    expect(lines.map((l) => l.text).join(' ')).to.equal(
      'North Korean Pilots in the Air War over North Vietnam, 1966–1967 A documentary dossier Edited by Ada Byron, Jean Mabillon',
    );
    // 960 units between the margins; a semibold letter is at most 0.6 of its size wide.
    for (const line of lines) expect(line.text.length * line.size * 0.6, line.text).to.be.at.most(960);
  });

  it('makes a very long title smaller rather than running it off the cover, and escapes its markup characters', () => {
    const title =
      'Correspondence & Papers <Selected> of the Committee on the Affairs of the Northern Provinces and of the Southern Provinces, with Their Annexes, Minutes, Resolutions and Telegrams, 1890–1990';
    const svg = coverSvg({ title, editors: [] });
    expect(XMLValidator.validate(svg)).to.equal(true);
    const lines = linesOf(svg);
    expect(lines.length).to.be.at.most(6);
    expect(lines[0]!.size).to.be.below(96);
    expect(svg).to.contain('Correspondence &amp; Papers &lt;Selected&gt;');
    expect(svg).not.to.contain('Edited by');
  });
});
