import { expect } from 'chai';
import { viewerData, viewerHash, type DocumentFacsimile } from '../../src/iiif/viewer.js';

describe('iiif/viewer: what a page shows of its facsimile', () => {
  const document: DocumentFacsimile = {
    facsimile: {
      surfaces: [
        { label: '1r', image: { kind: 'local', file: '/e/scans/a.jpg' }, extent: [0, 0, 100, 140], zones: { z1: [10, 20, 50, 20] }, line: 3 },
        { label: undefined, image: { kind: 'local', file: '/e/scans/broken.jpg' }, zones: {}, line: 7 },
        { label: undefined, image: { kind: 'service', url: 'https://iiif.example.org/iiif/3/c' }, zones: {}, line: 9 },
      ],
      pointers: { '#s1': { surface: 0 }, '#z1': { surface: 0, zone: 'z1' }, '#s2': { surface: 1 }, '#s3': { surface: 2 } },
      starts: { d3: 2, d2: 1 },
    },
    canvases: [],
    canvasOf: new Map(),
  };
  const image = { width: 2000, height: 2800, scaleFactors: [1, 2, 4, 8], sizes: [{ width: 250, height: 350 }], plate: { width: 1600, height: 2240 } };
  // The second surface's scan could not be tiled: it is no canvas, and what points to it points nowhere.
  document.canvases.push({ surface: document.facsimile.surfaces[0]!, place: 1, local: { folder: 'iiif/images/scans-a', image } });
  document.canvases.push({ surface: document.facsimile.surfaces[2]!, place: 3 });
  document.canvasOf.set(0, 0).set(2, 1);

  it('gives the viewer each canvas, the pointers by canvas, and the remote hosts', () => {
    const data = viewerData(document)!;
    const json = JSON.parse(data.json);
    expect(json.canvases[0]).to.deep.include({ label: '1r', service: '../iiif/images/scans-a', extent: [0, 0, 100, 140] });
    expect(json.canvases[0].level0).to.include({ width: 2000, height: 2800, tile: 512 });
    expect(json.canvases[1]).to.deep.equal({ label: '3', zones: {}, service: 'https://iiif.example.org/iiif/3/c' });
    expect(json.pointers).to.deep.equal({ '#s1': [0], '#z1': [0, 'z1'], '#s3': [1] });
    expect(json.starts).to.deep.equal({ d3: 1 });
    expect(data.hosts).to.deep.equal(['https://iiif.example.org']);
  });

  it('hashes what the page shows: none for a page without a facsimile', () => {
    expect(viewerData(undefined)).to.equal(undefined);
    expect(viewerHash(undefined)).to.equal('');
    expect(viewerHash(viewerData(document))).to.have.length.greaterThan(10);
  });
});
