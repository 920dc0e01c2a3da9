import { expect } from 'chai';
import { runImportFuzz } from './fuzz-import.js';

const SEED = Number(process.env.EDITIO_FUZZ_SEED ?? 20261206);
const CASES = 200;

describe('fuzz (editio import of mutated spreadsheets, text and Word files)', function () {
  this.timeout(300_000);

  it(`survives ${CASES} mutated imports (seed ${SEED}): nothing thrown, every problem a message naming its file, every file written well-formed, the lists valid`, async () => {
    const report = await runImportFuzz(SEED, CASES);
    console.log(
      `      fuzz: ${report.cases} imports in ${report.seconds.toFixed(1)} s, ${report.written} files written, ${report.refused} with an error (seed ${SEED})`,
    );
    expect(report.failures, `seed ${SEED}: rerun with EDITIO_FUZZ_SEED=${SEED}`).to.deep.equal([]);
    expect(report.written).to.be.greaterThan(CASES / 10);
    expect(report.refused).to.be.greaterThan(CASES / 10);
  });
});
