/**
 * Runs xmllint (libxml2 compiled to WebAssembly by xmllint-wasm) for one request after another
 * on one worker: the wasm is compiled once, and each run gets a fresh instance, memory and file
 * system, as a fresh xmllint process would.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

export interface XmllintRequest {
  id: number;
  inputFiles: { fileName: string; contents: string }[];
  args: string[];
  /** WebAssembly pages of 64 KiB. */
  initialMemory: number;
  maxMemory: number;
}

export interface XmllintReply {
  id: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The options of xmllint-wasm's Emscripten module that this worker sets. */
interface EmscriptenOptions {
  inputFiles: XmllintRequest['inputFiles'];
  arguments: string[];
  print(text: string): void;
  printErr(text: string): void;
  onExit(code: number): void;
  onAbort(reason: unknown): void;
  wasmMemory: WebAssembly.Memory;
  instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): object;
}

const require = createRequire(import.meta.url);
// Loading the package's script also makes it listen on this port, but only for messages marked
// as its own, which these are not.
const createXmllint = require('xmllint-wasm/xmllint-node.js') as (options: EmscriptenOptions) => Promise<unknown>;
const wasm = WebAssembly.compile(readFileSync(require.resolve('xmllint-wasm/xmllint.wasm')));

async function run(request: XmllintRequest): Promise<XmllintReply> {
  const module = await wasm;
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    const reply = (exitCode: number, error = ''): void => resolve({ id: request.id, exitCode, stdout, stderr: stderr + error });
    createXmllint({
      inputFiles: request.inputFiles,
      arguments: request.args,
      print: (text) => void (stdout += `${text}\n`),
      printErr: (text) => void (stderr += `${text}\n`),
      onExit: (code) => reply(code),
      onAbort: (reason) => reply(-1, `WASM Abort: ${String(reason)}`),
      wasmMemory: new WebAssembly.Memory({ initial: request.initialMemory, maximum: request.maxMemory }),
      instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(module, imports).then(
          (instance) => receive(instance, module),
          (err: unknown) => reply(-1, String(err)),
        );
        return {};
      },
    }).catch((err: unknown) => reply(-1, String(err)));
  });
}

parentPort!.on('message', (request: XmllintRequest) => {
  void run(request).then((reply) => parentPort!.postMessage(reply));
});
