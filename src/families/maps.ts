/**
 * The maps: laid out when the edition is built (src/site/map.ts), drawn by the pages as SVG. Two
 * families that write no file of their own: a document's map (the places it points to that their
 * entries locate), which its page shows, and the edition's map (every place the entries locate),
 * which the places register shows.
 */
import { mapJson, placesOnMap } from '../site/map.js';
import { family } from './family.js';

export const documentMaps = family({
  name: 'documentMaps',
  stage: 'pages',
  needs: ['edition'],
  gives: 'documentMaps',
  make: async (_ctx, { edition }) => ({
    placesOf: (doc) => placesOnMap(edition.authorities, edition.pointsTo(doc)),
    drawing: (places) => mapJson(places),
  }),
});

export const editionMap = family({
  name: 'editionMap',
  stage: 'registers',
  needs: ['edition'],
  gives: 'editionMap',
  make: async (_ctx, { edition }) => ({
    drawing: () => mapJson(placesOnMap(edition.authorities, [...edition.authorities.entries.keys()])),
  }),
});
