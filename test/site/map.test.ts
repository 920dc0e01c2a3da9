import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Authorities } from '../../src/model/authorities.js';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { mapOf, placesOnMap, type MapDrawing } from '../../src/site/map.js';
import { teiDir } from '../helpers.js';

const listsOf = (text: string): Authorities => {
  const file = path.join(teiDir, 'authorities.xml');
  const parsed = parse({ path: file, name: 'authorities.xml', bytes: Buffer.from(text), role: 'authorities' });
  return new Authorities([parsed.doc as ParsedDoc]);
};
const seed = readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8');

/** A place entry with this geo, in a list of its own. */
const placeWithGeo = (geo: string): Authorities =>
  listsOf(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><standOff><listPlace>
    <place xml:id="here"><placeName type="standard">Here</placeName><location><geo>${geo}</geo></location></place>
  </listPlace></standOff></TEI>`);

const markersOutside = (map: MapDrawing): string[] => map.places.filter((p) => p.x < 0 || p.x > map.width || p.y < 0 || p.y > map.height).map((p) => p.id);

describe('maps of places (src/site/map.ts)', () => {
  it('locates every place of the seed’s lists by its location/geo, and no person or organisation', () => {
    const lists = listsOf(seed);
    const places = placesOnMap(lists, lists.entries.keys());
    expect(places.map((p) => p.id)).to.deep.equal(['bucharest', 'north-korea', 'north-vietnam', 'pyongyang', 'united-states', 'vietnam']);
    expect(places.find((p) => p.id === 'pyongyang')).to.deep.include({ name: 'Pyongyang', href: 'registers/places/pyongyang.html', lat: 39.03, lon: 125.75 });
    expect(placesOnMap(lists, ['vo-nguyen-giap', 'north-korean-air-force'])).to.deep.equal([]);
  });

  it('reads "lat long" in decimal degrees, and leaves out a geo it cannot read or that is off the globe', () => {
    expect(placesOnMap(placeWithGeo(' -33.87  151.21 '), ['here'])[0]).to.deep.include({ lat: -33.87, lon: 151.21 });
    for (const bad of ['north of Hanoi', '91 10', '10 181', '21.02', '', '47,6 13']) expect(placesOnMap(placeWithGeo(bad), ['here']), bad).to.deep.equal([]);
  });

  it('reads the forms editions write besides: "lat, long" and decimal commas', () => {
    expect(placesOnMap(placeWithGeo('48.2082, 16.3738'), ['here'])[0]).to.deep.include({ lat: 48.2082, lon: 16.3738 });
    expect(placesOnMap(placeWithGeo('47,639444 13,763333'), ['here'])[0]).to.deep.include({ lat: 47.639444, lon: 13.763333 });
    expect(placesOnMap(placeWithGeo('-33,87; 151,21'), ['here'])[0]).to.deep.include({ lat: -33.87, lon: 151.21 });
  });

  it('fits the map to its places: every marker on it, the world for places on three continents, a region for one city', () => {
    const lists = listsOf(seed);
    const world = mapOf(placesOnMap(lists, lists.entries.keys()))!;
    expect(markersOutside(world)).to.deep.equal([]);
    const one = mapOf(placesOnMap(lists, ['pyongyang']))!;
    expect(markersOutside(one)).to.deep.equal([]);
    // The city is near the middle of its region, and the region is drawn larger than on the world map.
    expect(one.places[0]!.x / one.width).to.be.within(0.4, 0.6);
    expect(one.land.length).to.be.greaterThan(100);
    expect(world.height / world.width).to.be.within(0.3, 0.7);
    expect(mapOf([])).to.equal(undefined);
  });

  it('labels each place where its name overlaps no other name or marker, and draws the same map each time', () => {
    const lists = listsOf(seed);
    const places = placesOnMap(lists, lists.entries.keys());
    const map = mapOf(places)!;
    expect(map.places.filter((p) => p.label === 'none')).to.deep.equal([]);
    expect(JSON.stringify(mapOf([...places].reverse()))).to.equal(JSON.stringify(map));
  });
});
