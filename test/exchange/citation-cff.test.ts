import { expect } from 'chai';
import { citationCff, cffPerson } from '../../src/exchange/citation-cff.js';
import { foreignConfig, type EditionConfig } from '../../src/model/config.js';
import { languagePack } from '../../src/i18n/catalogue.js';

const config = (editors: string[]): EditionConfig => ({
  ...foreignConfig('.'),
  title: 'Briefe',
  subtitle: '',
  editors,
  licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  baseUrl: '',
  language: 'de',
});

describe('exchange/citation-cff', () => {
  it('reads an editor’s name as a person: forenames, particle and surname, or "Surname, Forenames"', () => {
    expect(cffPerson('Jane Doe')).to.deep.equal({ 'family-names': 'Doe', 'given-names': 'Jane' });
    expect(cffPerson('Hugo von Hofmannsthal')).to.deep.equal({ 'family-names': 'Hofmannsthal', 'given-names': 'Hugo', 'name-particle': 'von' });
    expect(cffPerson('Anne-Marie de la Tour')).to.deep.equal({ 'family-names': 'Tour', 'given-names': 'Anne-Marie', 'name-particle': 'de la' });
    expect(cffPerson('Hofmannsthal, Hugo von')).to.deep.equal({ 'family-names': 'Hofmannsthal', 'given-names': 'Hugo', 'name-particle': 'von' });
    expect(cffPerson('Müller-Funk,  Wolfgang')).to.deep.equal({ 'family-names': 'Müller-Funk', 'given-names': 'Wolfgang' });
    expect(cffPerson('Plato')).to.deep.equal({ 'family-names': 'Plato' });
  });

  it('lists the editors as persons, in the edition’s language, and never the tool as author', () => {
    const cff = citationCff(config(['Emma Roth', 'Jakob von Falk']), languagePack('de').messages);
    expect(cff).to.contain('message: "Wenn Sie diese Edition benutzen, zitieren Sie sie bitte wie unten angegeben."');
    expect(cff).to.contain(
      'authors:\n  - family-names: "Roth"\n    given-names: "Emma"\n  - family-names: "Falk"\n    given-names: "Jakob"\n    name-particle: "von"\n',
    );
    expect(cff).to.contain('license: CC-BY-4.0');
    expect(citationCff(config([]), languagePack('en').messages))
      .to.contain('authors:\n  - name: "anonymous"\n')
      .and.not.match(/\beditio\b/);
  });
});
