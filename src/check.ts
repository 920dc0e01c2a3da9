import { findXmlFiles, loadSources } from './load.js';
import type { Message } from './messages.js';
import { parse, type ParsedDoc } from './parse.js';
import { validate, type ValidateOptions } from './validate.js';

export interface CheckResult {
  messages: Message[];
  fileCount: number;
}

/** `editio validate`: parses and validates files and folders of TEI, building nothing. */
export async function validateFiles(paths: readonly string[], options: ValidateOptions = {}): Promise<CheckResult> {
  const found = await findXmlFiles(paths);
  const loaded = await loadSources(found.files);
  const messages: Message[] = [...found.messages, ...loaded.messages];
  const parsed: ParsedDoc[] = [];
  for (const source of loaded.sources) {
    const result = parse(source);
    messages.push(...result.messages);
    if (result.doc) parsed.push(result.doc);
  }
  for (const verdict of await validate(parsed, options)) messages.push(...verdict.messages);
  return { messages, fileCount: found.files.length };
}
