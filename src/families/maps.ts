/**
 * The maps family: the places each document points to that their entries locate, and every place
 * of the edition, laid out as the pages draw them (src/site/map.ts). It writes no file of its own:
 * a document's page shows its map, the places register the edition's.
 */
import { mapJson, placesOnMap } from '../site/map.js';
import { family } from './family.js';

export const maps = family({
  name: 'maps',
  stage: 'pages',
  needs: ['edition'],
  gives: 'maps',
  make: async (_ctx, { edition }) => ({
    placesOf: (doc) => placesOnMap(edition.authorities, edition.pointsTo(doc)),
    drawing: (places) => mapJson(places),
    edition: () => placesOnMap(edition.authorities, [...edition.authorities.entries.keys()]),
  }),
});
