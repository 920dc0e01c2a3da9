/**
 * The kinds of authority entry editio knows, once for all of TypeScript: the TEI entry element,
 * its list, the element that mentions it, and its register page; its title is the catalogue's
 * (`register.<list>`, xslt/messages/). (xslt/common/authorities.xsl holds the same table for the
 * stylesheets; test/model/authorities.test.ts holds the two to each other.)
 */
export const ENTITY_KINDS = [
  { entry: 'person', list: 'listPerson', mention: 'persName', register: 'persons' },
  { entry: 'place', list: 'listPlace', mention: 'placeName', register: 'places' },
  { entry: 'org', list: 'listOrg', mention: 'orgName', register: 'organisations' },
  { entry: 'object', list: 'listObject', mention: 'objectName', register: 'objects' },
  { entry: 'event', list: 'listEvent', mention: 'eventName', register: 'events' },
  // Works: an edition's bibliography of the writings its texts name (<rs type="work">, <title ref>).
  { entry: 'bibl', list: 'listBibl', mention: 'title', register: 'works' },
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];
export type Register = EntityKind['register'];

const by = <K extends keyof EntityKind>(key: K): Map<string, EntityKind> => new Map(ENTITY_KINDS.map((k) => [k[key] as string, k]));

/** By entry element (`person`) and by mention element (`persName`). */
export const KIND_OF_ENTRY = by('entry');
export const KIND_OF_MENTION = by('mention');

/** What `<rs type="…">` names, by the types editions use: the kind of entry it mentions. */
export const KIND_OF_RS_TYPE = new Map<string, EntityKind>([
  ...ENTITY_KINDS.map((k) => [k.entry, k] as const),
  ['work', KIND_OF_ENTRY.get('bibl')!],
  ['organisation', KIND_OF_ENTRY.get('org')!],
  ['organization', KIND_OF_ENTRY.get('org')!],
]);
