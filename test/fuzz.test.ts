import { expect } from 'chai';
import { compileStylesheets } from '../src/transform/stylesheets.js';
import { MUTATIONS, random, runFuzz } from './fuzz.js';

const SEED = Number(process.env.EDITIO_FUZZ_SEED ?? 20261125);
const CASES = 2000;

describe('fuzz (validate and transform mutated tei/ documents)', function () {
  this.timeout(300_000);
  before(() => compileStylesheets());

  it('repeats the same cases for the same seed', () => {
    const a = random(7);
    const b = random(7);
    expect([a(), a(), a()]).to.deep.equal([b(), b(), b()]);
    expect(MUTATIONS.truncation!('<a>bc</a>', random(1))).to.equal(MUTATIONS.truncation!('<a>bc</a>', random(1)));
  });

  it(`survives ${CASES} mutations (seed ${SEED}): no crash, no hang, every problem a message`, async () => {
    const report = await runFuzz(SEED, CASES);
    console.log(
      `      fuzz: ${report.cases} cases, ${report.rejected} rejected, ${report.transformed} transformed, ${report.seconds.toFixed(1)} s (seed ${SEED})`,
    );
    expect(report.failures, `seed ${SEED}: rerun with EDITIO_FUZZ_SEED=${SEED}`).to.deep.equal([]);
    expect(report.rejected).to.be.greaterThan(CASES / 2);
  });
});
