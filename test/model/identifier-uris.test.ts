import { expect } from 'chai';
import { identifierUri } from '../../src/model/identifier-uris.js';

describe('identifier-uris', () => {
  it('reads an identifier as a URI: a URL as written, an authority file’s bare number by its type, else none', () => {
    expect(identifierUri({ type: 'URL', value: ' https://d-nb.info/gnd/118609807 ' })).to.equal('https://d-nb.info/gnd/118609807');
    expect(identifierUri({ type: 'gnd', value: '11850004X' })).to.equal('https://d-nb.info/gnd/11850004X');
    expect(identifierUri({ type: 'GND', value: '4005728-8' })).to.equal('https://d-nb.info/gnd/4005728-8');
    expect(identifierUri({ type: 'geonames', value: '2761369' })).to.equal('https://sws.geonames.org/2761369/');
    expect(identifierUri({ type: 'viaf', value: '95218067' })).to.equal('https://viaf.org/viaf/95218067');
    expect(identifierUri({ type: 'wikidata', value: 'Q44331' })).to.equal('http://www.wikidata.org/entity/Q44331');
    // Not an authority's number, or not of the form its file gives: no URI is made up.
    for (const i of [
      { type: 'pmb', value: '2121' },
      { type: 'gnd', value: 'Schnitzler' },
      { type: 'wikidata', value: '44331' },
      { type: '', value: '118609807' },
    ])
      expect(identifierUri(i), JSON.stringify(i)).to.equal(undefined);
  });
});
