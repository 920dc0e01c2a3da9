import { expect } from 'chai';
import { family, inBuildOrder, type Family } from '../../src/families/family.js';
import { FAMILIES } from '../../src/families/registry.js';
import type { ResultName } from '../../src/families/family.js';

/** A family that makes nothing: only its name, needs and result matter to the order. */
const named = (name: string, needs: ResultName[], gives?: ResultName): Family => ({
  name,
  stage: 'exports',
  needs,
  gives,
  wanted: () => true,
  make: async () => undefined,
});

describe('families/family (the order a build makes them in)', () => {
  it('makes a family after every family whose result it needs, though the registry lists it first', () => {
    const zip = named('zip', ['tables', 'dublinCore']);
    const tables = named('tables', ['edition'], 'tables');
    const dublinCore = named('dublinCore', ['documents'], 'dublinCore');
    const documents = named('documents', ['edition'], 'documents');
    const order = inBuildOrder([zip, tables, dublinCore, documents], ['edition', 'last']).map((f) => f.name);
    expect(order).to.deep.equal(['tables', 'documents', 'dublinCore', 'zip']);
  });

  it('keeps the registry order among families ready at once', () => {
    const a = named('a', ['edition']);
    const b = named('b', []);
    const c = named('c', ['edition']);
    expect(inBuildOrder([a, b, c], ['edition']).map((f) => f.name)).to.deep.equal(['a', 'b', 'c']);
  });

  it('refuses a need nothing gives, a result given twice, and families that need each other', () => {
    expect(() => inBuildOrder([named('cmif', ['documents'])], ['edition'])).to.throw('family cmif needs documents, which nothing gives');
    expect(() => inBuildOrder([named('a', [], 'tables'), named('b', [], 'tables')], [])).to.throw('the result tables is given twice (family b)');
    expect(() => inBuildOrder([named('a', ['tables'], 'documents'), named('b', ['documents'], 'tables')], [])).to.throw('the families a, b need each other');
  });

  it("orders the registry's families: each after what it needs, the pages before what lists them", () => {
    const order = inBuildOrder(FAMILIES, ['edition', 'last']);
    const made = new Set<string>(['edition', 'last']);
    for (const f of order) {
      for (const need of f.needs) expect(made.has(need), `${f.name} needs ${need}`).to.equal(true);
      if (f.gives) made.add(f.gives);
    }
    const at = (name: string): number => order.findIndex((f) => f.name === name);
    expect(at('extracts')).to.be.below(at('documents'));
    expect(at('dublinCore')).to.be.below(at('oai'));
    expect(at('publishedTei')).to.be.below(at('zip'));
    expect(new Set(order.map((f) => f.name)).size).to.equal(FAMILIES.length);
  });

  it('gives make only what the family needs, and passes on what it gives', async () => {
    const seen: string[] = [];
    const counted = family({
      name: 'counted',
      stage: 'exports',
      needs: ['edition'],
      make: async (_ctx, inputs) => void seen.push(...Object.keys(inputs)),
    });
    expect(counted.gives).to.equal(undefined);
    expect(counted.wanted({ pdf: false, epub: false, plates: false })).to.equal(true);
    await counted.make({} as never, { edition: {}, last: undefined, tables: { files: [], hash: '' } } as never);
    expect(seen).to.deep.equal(['edition']);
  });
});
