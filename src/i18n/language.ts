/**
 * Languages as editio writes them: BCP 47 tags (RFC 5646), whatever form a source gives —
 * ISO 639-2 codes as their two letters where the language has them (deu, ger → de; fre, fra →
 * fr), case and separators as the standard writes them (de_at → de-AT). Intl's canonicalisation
 * (ICU's, as Node ships it) knows the aliases, so no table is kept here.
 */

/** A tag in BCP 47's canonical form; undefined for what is no tag (empty, or not well-formed). */
export function bcp47(tag: string | undefined): string | undefined {
  const written = (tag ?? '').trim().replace(/_/g, '-');
  if (written === '') return undefined;
  try {
    return Intl.getCanonicalLocales(written)[0];
  } catch {
    return undefined;
  }
}

/**
 * The language of an edition: the configuration's, else the one most of its documents declare
 * (their own xml:lang, their text's, the one language their header's langUsage names), the
 * earlier in alphabetical order where two are declared as often; else English.
 */
export function editionLanguage(configured: string | undefined, documents: readonly (string | undefined)[]): string {
  const set = bcp47(configured);
  if (set) return set;
  const count = new Map<string, number>();
  for (const tag of documents.map(bcp47)) if (tag && tag !== 'und' && tag !== 'mul' && tag !== 'zxx') count.set(tag, (count.get(tag) ?? 0) + 1);
  const [most] = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  return most ?? 'en';
}
