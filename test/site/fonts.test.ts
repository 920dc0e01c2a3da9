import { expect } from 'chai';
import { bookFace, fontLicence } from '../../src/site/fonts.js';

describe('the book face (src/site/fonts.ts)', () => {
  it('names a woff2 file it ships for every rule, regular and semibold with their italics, Vietnamese and Greek included', async () => {
    const { css, files } = await bookFace((file) => `fonts/${file.name}`);
    const rules = [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map(([rule]) => rule);
    expect(rules).to.have.length(files.length);
    for (const rule of rules) {
      const named = /src: url\(fonts\/([\w.-]+)\) format\('woff2'\);/.exec(rule)?.[1];
      expect(
        files.some((f) => f.name === named && f.content.length > 1000),
        rule,
      ).to.equal(true);
      expect(rule)
        .to.match(/font-family: 'Source Serif 4'/)
        .and.match(/unicode-range:/);
    }
    const faces = new Set(rules.map((r) => `${/font-weight: (\d+)/.exec(r)![1]} ${/font-style: (\w+)/.exec(r)![1]}`));
    expect([...faces].sort()).to.deep.equal(['400 italic', '400 normal', '600 italic', '600 normal']);
    // Vietnamese beyond Latin-1 ("Nguyễn", "Đồng") and Greek have their faces.
    expect(rules.filter((r) => r.includes('U+1EA0-1EF9'))).to.have.length(4);
    expect(rules.filter((r) => r.includes('U+0370-0377'))).to.have.length(4);
    expect(css).not.to.include('.woff)');
  });

  it('embeds the files as data for the print edition, and ships the licence they come under', async () => {
    const { css } = await bookFace((file) => `data:font/woff2;base64,${file.content.toString('base64')}`);
    expect(css).not.to.include('url(fonts/');
    expect(css.match(/url\(data:font\/woff2;base64,/g)).to.have.length(24);
    expect((await fontLicence()).toString('utf8')).to.include('SIL OPEN FONT LICENSE');
  });
});
