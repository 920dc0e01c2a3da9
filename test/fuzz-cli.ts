/** `npm run fuzz -- [--cases N] [--seed S] [--save dir]`: a longer fuzz run than the test suite's. */
import { parseArgs } from 'node:util';
import { compileStylesheets } from '../src/stylesheets.js';
import { runFuzz } from './fuzz.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '20000' }, seed: { type: 'string' }, save: { type: 'string' } } });
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
await compileStylesheets();
const report = await runFuzz(seed, Number(values.cases), values.save ? { saveTo: values.save } : {});
console.log(`${report.cases} cases, ${report.rejected} rejected, ${report.transformed} transformed, ${report.seconds.toFixed(1)} s, seed ${seed}`);
for (const failure of report.failures) console.log(failure);
process.exit(report.failures.length > 0 ? 1 : 0);
