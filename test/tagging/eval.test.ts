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
});
