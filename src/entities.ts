/**
 * The kinds of authority entry editio knows, once for all of TypeScript: the TEI entry element,
 * its list, the element that mentions it, and its register page. (xslt/common/authorities.xsl
 * holds the same table for the stylesheets; test/authorities.test.ts holds the two to each other.)
 */
export const ENTITY_KINDS = [
  { entry: 'person', list: 'listPerson', mention: 'persName', register: 'persons' },
  { entry: 'place', list: 'listPlace', mention: 'placeName', register: 'places' },
  { entry: 'org', list: 'listOrg', mention: 'orgName', register: 'organisations' },
  { entry: 'object', list: 'listObject', mention: 'objectName', register: 'objects' },
  { entry: 'event', list: 'listEvent', mention: 'eventName', register: 'events' },
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type Register = EntityKind['register'];

const by = <K extends keyof EntityKind>(key: K): Map<string, EntityKind> => new Map(ENTITY_KINDS.map((k) => [k[key] as string, k]));

/** By entry element (`person`) and by mention element (`persName`). */
export const KIND_OF_ENTRY = by('entry');
export const KIND_OF_MENTION = by('mention');
