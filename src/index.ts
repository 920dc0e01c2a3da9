/** editio's library API: the same verbs as the command line. */
export { build, type BuildOptions, type BuildResult, type Extract, type Progress } from './build.js';
export { serve, type ServeOptions, type Server } from './serve.js';
export { watchEdition, type WatchOptions, type Watcher } from './watch.js';
export { validateFiles, type CheckResult } from './check.js';
export { loadConfig, checkConfig, type EditionConfig } from './config.js';
export { report, summary, type ReportFormat } from './report.js';
export { ConfigError, hasErrors, type Message, type Severity } from './messages.js';
export { validate, type ValidateOptions, type Verdict } from './validate.js';
export { parse, type ParsedDoc } from './parse.js';
export { transform, type StylesheetParams } from './transform.js';
export { compileStylesheets } from './stylesheets.js';
