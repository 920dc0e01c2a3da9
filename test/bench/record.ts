/** Where the benchmarks keep their last measurements: docs/benchmarks/<name>.md, data the bench writes and the docs link to. */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'benchmarks');

/** The machine and the day, as every recorded measurement states them. */
export const measuredOn = (): string =>
  `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.versions.node}; measured ${new Date().toISOString().slice(0, 10)}`;

/** Replaces docs/benchmarks/<name>.md with this measurement. */
export function record(name: string, title: string, command: string, body: string): void {
  const file = path.join(DIR, `${name}.md`);
  writeFileSync(file, `<!-- written by \`${command}\`: the last measurement; edit the bench, not this file -->\n# ${title}\n\n${body.trim()}\n`);
  console.log(`(written to ${path.relative(process.cwd(), file)})`);
}
