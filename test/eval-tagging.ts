/**
 * `npm run eval:tagging`: strips the tagging from documents, tags them again with editio's
 * tagger, and prints precision, recall and F1 per class against the hand encoding, comparing
 * (class, surface text, the entry pointed to or the date's value). Three sets: the documents of
 * tei/ with the edition's lists; and, with the edition's lists and the entries they add
 * (held-out/more-authorities.xml), two sets of texts written for this in the dossier's genre and
 * kept apart from it: test/fixtures/tagging/held-out/, written before the tagger learnt
 * folding, short forms and the new date forms (and looked at while it did), and
 * test/fixtures/tagging/fresh/, written after, never tuned on; and letters in German and French
 * (test/fixtures/tagging/german/, french/, written with the tagger's forms; german-fresh/, french-fresh/,
 * written after them without looking at them), each with its register. Misses and false tags are listed.
 */
import path from 'node:path';
import { CLASSES, scores, xmlIn } from './eval-tagging-lib.js';
import { fixtures, teiDir } from './helpers.js';

const HELD_OUT = path.join(fixtures, 'tagging', 'held-out');
const FRESH = path.join(fixtures, 'tagging', 'fresh');

function evaluate(title: string, files: readonly string[], lists: readonly string[]): void {
  const { stats, misses } = scores(files, lists);
  const pct = (x: number): string => (Number.isNaN(x) ? '  –  ' : x.toFixed(3));
  console.log(`\n${title} (${files.length} documents)\nclass           gold  found  precision  recall     F1`);
  for (const cls of CLASSES) {
    const { tp, fp, fn, precision, recall, f1 } = stats.get(cls)!;
    console.log(
      `${cls.padEnd(14)} ${String(tp + fn).padStart(5)} ${String(tp + fp).padStart(6)}  ${pct(precision).padStart(9)} ${pct(recall).padStart(7)} ${pct(f1).padStart(6)}`,
    );
  }
  console.log(misses.length === 0 ? 'No misses and no extra tags.' : misses.join('\n'));
}

const editionLists = path.join(teiDir, 'authorities.xml');
evaluate('The seed (tei/)', xmlIn(teiDir, 'authorities.xml'), [editionLists]);
const moreLists = [editionLists, path.join(HELD_OUT, 'more-authorities.xml')];
evaluate('The held-out set (test/fixtures/tagging/held-out/)', xmlIn(HELD_OUT, 'more-authorities.xml'), moreLists);
evaluate('The fresh set, written after the tagger was (test/fixtures/tagging/fresh/)', xmlIn(FRESH, ''), moreLists);
for (const folder of ['german', 'french', 'german-fresh', 'french-fresh']) {
  const dir = path.join(fixtures, 'tagging', folder);
  const how = folder.endsWith('-fresh') ? 'written after the tagger’s forms, without looking at them' : 'written with the tagger’s forms for the language';
  evaluate(`Letters in ${folder.startsWith('german') ? 'German' : 'French'}, ${how} (test/fixtures/tagging/${folder}/)`, xmlIn(dir, 'register.xml'), [
    path.join(dir, 'register.xml'),
  ]);
}
