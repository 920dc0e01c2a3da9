import { expect } from 'chai';
import path from 'node:path';
import { CLASSES, scores, xmlIn } from '../eval-tagging-lib.js';
import { fixtures, teiDir } from '../helpers.js';

const HELD_OUT = path.join(fixtures, 'tagging', 'held-out');
const lists = [path.join(teiDir, 'authorities.xml'), path.join(HELD_OUT, 'more-authorities.xml')];

describe('the tagger on texts it was not written for (npm run eval:tagging)', function () {
  this.timeout(60_000);
  for (const [set, files] of [
    ['the held-out set', xmlIn(HELD_OUT, 'more-authorities.xml')],
    ['the fresh set', xmlIn(path.join(fixtures, 'tagging', 'fresh'), '')],
    ['the seed', xmlIn(teiDir, 'authorities.xml')],
  ] as const) {
    it(`scores at least 0.95 precision, recall and F1 in every class on ${set}`, () => {
      const { stats, misses } = scores(files, lists);
      for (const cls of CLASSES) {
        const s = stats.get(cls)!;
        if (s.tp + s.fn + s.fp === 0) continue;
        expect(Math.min(s.precision, s.recall, s.f1), `${cls}: ${misses.join('; ')}`).to.be.at.least(0.95);
      }
    });
  }

  // Letters in German and French, each set with its own register: dates as the language writes them, names with their
  // inflections; and a second set in each, written after the tagger's forms without looking at them (-fresh).
  for (const [language, folder] of [
    ['German', 'german'],
    ['French', 'french'],
    ['German', 'german-fresh'],
    ['French', 'french-fresh'],
  ] as const) {
    it(`scores at least 0.95 precision, recall and F1 in every class on letters in ${language} (${folder}/)`, () => {
      const dir = path.join(fixtures, 'tagging', folder);
      const { stats, misses } = scores(xmlIn(dir, 'register.xml'), [path.join(dir, 'register.xml')]);
      for (const cls of CLASSES) {
        const s = stats.get(cls)!;
        if (s.tp + s.fn + s.fp === 0) continue;
        expect(Math.min(s.precision, s.recall, s.f1), `${cls}: ${misses.join('; ')}`).to.be.at.least(0.95);
      }
      expect(stats.get('dates')!.tp).to.be.at.least(13);
    });
  }
});
