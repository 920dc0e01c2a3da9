/**
 * `npm run eval:tagging`: strips the tagging from the documents of tei/, tags them again with
 * editio's tagger, and prints precision, recall and F1 per class against the hand encoding,
 * comparing (class, surface text, @ref or date value). Misses and false tags are listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Authorities } from '../src/authorities.js';
import { tagDocument } from '../src/tagging/tag.js';
import { count, items, parsed, strip } from './eval-tagging-lib.js';
import { teiDir } from './helpers.js';

const authorities = parsed(path.join(teiDir, 'authorities.xml'), readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8'));
const entries = [...new Authorities([{ ...authorities, source: { ...authorities.source, path: path.join(teiDir, 'authorities.xml') } }]).entries.values()];
const stats = new Map<string, { tp: number; fp: number; fn: number }>();
const misses: string[] = [];
for (const file of readdirSync(teiDir).filter((f) => f.endsWith('.xml') && f !== 'authorities.xml').sort()) {
  const full = path.join(teiDir, file);
  const gold = parsed(full, readFileSync(full, 'utf8'));
  const stripped = parsed(full, strip(gold));
  const tagged = parsed(full, tagDocument(stripped, entries).text);
  const expected = count(items(gold));
  const got = count(items(tagged));
  for (const key of new Set([...expected.keys(), ...got.keys()])) {
    const [cls] = key.split('\t');
    const s = stats.get(cls!) ?? { tp: 0, fp: 0, fn: 0 };
    const e = expected.get(key) ?? 0;
    const g = got.get(key) ?? 0;
    s.tp += Math.min(e, g);
    s.fp += Math.max(0, g - e);
    s.fn += Math.max(0, e - g);
    stats.set(cls!, s);
    if (e !== g) misses.push(`${file}: ${e > g ? 'missed' : 'extra '} ${key.replace(/\t/g, ' | ')}${Math.abs(e - g) > 1 ? ` ×${Math.abs(e - g)}` : ''}`);
  }
}
const pct = (x: number): string => (Number.isNaN(x) ? '  –  ' : x.toFixed(3));
console.log('class           gold  found  precision  recall     F1');
for (const cls of ['persons', 'places', 'organisations', 'dates', 'objects', 'events']) {
  const s = stats.get(cls) ?? { tp: 0, fp: 0, fn: 0 };
  const p = s.tp / (s.tp + s.fp);
  const r = s.tp / (s.tp + s.fn);
  console.log(`${cls.padEnd(14)} ${String(s.tp + s.fn).padStart(5)} ${String(s.tp + s.fp).padStart(6)}  ${pct(p).padStart(9)} ${pct(r).padStart(7)} ${pct((2 * p * r) / (p + r)).padStart(6)}`);
}
console.log(misses.length === 0 ? '\nNo misses and no extra tags.' : `\n${misses.join('\n')}`);
