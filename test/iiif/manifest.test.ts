import { expect } from 'chai';
import { collection, manifest, rightsUrl, type ManifestFacts, type PaintedSurface } from '../../src/iiif/manifest.js';
import type { Surface } from '../../src/model/facsimile.js';

const surface = (label?: string): Surface => ({ label, image: { kind: 'service', url: 'https://iiif.example.org/iiif/3/a' }, zones: {}, line: 1 });
const FACTS: ManifestFacts = {
  id: 'https://example.org/e/iiif/d1/manifest.json',
  lang: 'fr',
  textLang: 'de',
  title: 'Brief',
  metadata: [['Date', '3 mai 1896']],
  page: 'https://example.org/e/documents/d1.html',
  tei: 'https://example.org/e/tei/d1.xml',
  collection: 'https://example.org/e/iiif/collection.json',
  edition: 'Lettres',
  attribution: ['Licence', 'CC BY 4.0'],
};

describe('iiif/manifest: IIIF Presentation 3 from a facsimile', () => {
  it('takes only the licence URLs the API accepts as rights, as http', () => {
    expect(rightsUrl('https://creativecommons.org/licenses/by/4.0/')).to.equal('http://creativecommons.org/licenses/by/4.0/');
    expect(rightsUrl('http://rightsstatements.org/vocab/InC/1.0/')).to.equal('http://rightsstatements.org/vocab/InC/1.0/');
    expect(rightsUrl('https://example.org/our-licence')).to.equal(undefined);
    expect(rightsUrl(undefined)).to.equal(undefined);
  });

  it('labels each canvas with its page, else its place, and names a remote service without claiming its level', () => {
    const painted: PaintedSurface[] = [
      {
        surface: surface('1r'),
        label: '1',
        width: 3000,
        height: 4200,
        body: {
          id: 'https://iiif.example.org/iiif/3/a/full/max/0/default.jpg',
          width: 3000,
          height: 4200,
          format: 'image/jpeg',
          service: 'https://iiif.example.org/iiif/3/a',
        },
      },
      {
        surface: surface(),
        label: '2',
        width: 100,
        height: 140,
        body: {
          id: 'https://example.org/e/iiif/images/b/full/100,140/0/default.jpg',
          width: 100,
          height: 140,
          format: 'image/jpeg',
          service: 'https://example.org/e/iiif/images/b',
          level0: true,
        },
      },
    ];
    const made = manifest(FACTS, painted) as {
      label: object;
      items: { id: string; label: object; items: { items: { body: { service: object[] }; target: string }[] }[] }[];
    };
    // The document's title in its language, the fields in the edition's.
    expect(made.label).to.deep.equal({ de: ['Brief'] });
    expect((made as unknown as { metadata: object[] }).metadata).to.deep.equal([{ label: { fr: ['Date'] }, value: { fr: ['3 mai 1896'] } }]);
    expect(made.items.map((c) => c.label)).to.deep.equal([{ none: ['1r'] }, { none: ['2'] }]);
    expect(made.items[0]!.items[0]!.items[0]!.body.service).to.deep.equal([{ id: 'https://iiif.example.org/iiif/3/a', type: 'ImageService3' }]);
    expect(made.items[1]!.items[0]!.items[0]!.body.service).to.deep.equal([
      { id: 'https://example.org/e/iiif/images/b', type: 'ImageService3', profile: 'level0' },
    ]);
    // Every annotation paints its own canvas, under the manifest's address.
    for (const canvas of made.items) {
      expect(canvas.id.startsWith('https://example.org/e/iiif/d1/canvas/')).to.equal(true);
      expect(canvas.items[0]!.items[0]!.target).to.equal(canvas.id);
    }
  });

  it('lists the manifests in a collection', () => {
    expect(collection('https://example.org/e/iiif/collection.json', 'de', 'Briefe', [{ id: FACTS.id, title: 'Brief' }])).to.deep.equal({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/e/iiif/collection.json',
      type: 'Collection',
      label: { de: ['Briefe'] },
      items: [{ id: FACTS.id, type: 'Manifest', label: { de: ['Brief'] } }],
    });
  });
});
