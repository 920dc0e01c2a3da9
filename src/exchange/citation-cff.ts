/**
 * CITATION.cff (Citation File Format 1.2.0), for reference managers and the repositories that
 * read it: the edition as a dataset, its editors as persons, in the edition's language.
 */
import type { EditionConfig } from '../model/config.js';
import { fill, type Words } from '../i18n/catalogue.js';
import { SURNAME_PARTICLES } from '../model/name-particles.js';

const SPDX: Record<string, string> = {
  'creativecommons.org/licenses/by/4.0': 'CC-BY-4.0',
  'creativecommons.org/licenses/by-sa/4.0': 'CC-BY-SA-4.0',
  'creativecommons.org/publicdomain/zero/1.0': 'CC0-1.0',
  'creativecommons.org/licenses/by/3.0': 'CC-BY-3.0',
};

/** A particle of a surname, or its elided form ("d’"). */
const isParticle = (word: string): boolean => SURNAME_PARTICLES.has(word) || /^d[’']$/u.test(word);

export interface CffPerson {
  'family-names': string;
  'given-names'?: string;
  'name-particle'?: string;
}

/**
 * An editor's name as CFF's person: "Surname, Forenames [particle]" split at its comma; else the
 * last word the surname, the lower-case particles before it its particle, the rest forenames.
 */
export function cffPerson(name: string): CffPerson {
  const words = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);
  const comma = name.indexOf(',');
  if (comma > 0) {
    const given = words(name.slice(comma + 1));
    let p = given.length;
    while (p > 0 && isParticle(given[p - 1]!)) p--;
    return person(name.slice(0, comma).trim(), given.slice(0, p), given.slice(p));
  }
  const all = words(name);
  let p = all.length - 1;
  while (p > 1 && isParticle(all[p - 1]!)) p--;
  return person(all.at(-1)!, all.slice(0, p), all.slice(p, -1));
}

function person(family: string, given: string[], particle: string[]): CffPerson {
  return {
    'family-names': family,
    ...(given.length > 0 ? { 'given-names': given.join(' ') } : {}),
    ...(particle.length > 0 ? { 'name-particle': particle.join(' ') } : {}),
  };
}

const yamlString = (s: string): string => JSON.stringify(s);

/** The file: its editors as persons; with none named, "anonymous" as CFF has it (never the tool that made it). */
export function citationCff(config: EditionConfig, words: Words): string {
  const licence = config.licence.url ? SPDX[config.licence.url.replace(/^https?:\/\//, '').replace(/\/$/, '')] : undefined;
  const authors = config.editors.map(cffPerson).map((p) =>
    Object.entries(p)
      .map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${yamlString(value)}`)
      .join('\n'),
  );
  return [
    'cff-version: 1.2.0',
    `message: ${yamlString(fill(words, 'citation.cff-message'))}`,
    'type: dataset',
    `title: ${yamlString(config.title + (config.subtitle ? `: ${config.subtitle}` : ''))}`,
    'authors:',
    ...(authors.length > 0 ? authors : ['  - name: "anonymous"']),
    ...(config.baseUrl ? [`url: ${yamlString(config.baseUrl)}`] : []),
    ...(licence ? [`license: ${licence}`] : []),
    '',
  ].join('\n');
}
