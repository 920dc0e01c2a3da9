/** `npm run build` step: compiles xslt/ to SEF when the stylesheets changed. */
import { compileStylesheets } from './stylesheets.js';

const compiled = await compileStylesheets();
process.stdout.write(compiled ? 'editio: stylesheets compiled to dist/sef/\n' : 'editio: stylesheets up to date\n');
