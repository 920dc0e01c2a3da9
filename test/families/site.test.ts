import { expect } from 'chai';
import { mostMentioned } from '../../src/families/site.js';
import type { Summary } from '../../src/model/extract-types.js';

const mentioning = (...mentioned: [string, number][]): Summary => ({ mentioned }) as Summary;

describe("mostMentioned (the search help's example)", () => {
  it('is the entry the most documents mention, not the one mentioned most often in one', () => {
    expect(mostMentioned([mentioning(['often', 40]), mentioning(['wide', 1]), mentioning(['wide', 1])])).to.equal('wide');
  });

  it('takes the first by id among equals, so two builds agree', () => {
    expect(mostMentioned([mentioning(['b', 1], ['a', 1])])).to.equal('a');
  });

  it('is none in an edition that mentions no entry', () => {
    expect(mostMentioned([mentioning(), mentioning()])).to.equal(undefined);
  });
});
