/** editio's library API: the same verbs as the command line. */
export { build, type BuildOptions, type BuildResult, type Extract, type Progress } from './pipeline/build.js';
export { serve, type ServeOptions, type Server } from './serve/serve.js';
export { serveEdition, watchEdition, type ServeEditionOptions, type WatchOptions, type Watcher } from './serve/watch.js';
export { importAuthorityFiles, importFiles, tag, type FileTags } from './tagging/index.js';
export { init } from './tagging/init.js';
export { validateFiles, type ValidationResult } from './validate/check.js';
export { loadConfig, checkConfig, configJsonSchema, type EditionConfig } from './model/config.js';
export { report, summary, type ReportFormat } from './infra/report.js';
export { ConfigError, hasErrors, type Message, type Severity } from './infra/messages.js';
export { validate, type ValidateOptions, type Verdict } from './validate/validate.js';
export { parse, type ParsedDoc } from './parse/parse.js';
export { transform, type StylesheetParams } from './transform/transform.js';
export { compileStylesheets } from './transform/stylesheets.js';
// A family of one's own (docs/contributing/recipes.md): build({ families: [...FAMILIES, mine] }).
export { family, type Family, type FamilyDefinition } from './families/family.js';
export { makeEach, type BuildContext } from './families/context.js';
export type { Results } from './families/results.js';
export { documentId } from './edition/names.js';
export { FAMILIES } from './families/registry.js';
export { documentWork, type DocumentWork } from './workers/jobs.js';
