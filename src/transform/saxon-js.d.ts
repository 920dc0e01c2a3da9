// saxon-js ships no typings; this declares the part of its API editio uses.
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal: object;
    sourceText?: string;
    sourceNode?: unknown;
    initialMode?: string;
    destination: 'serialized';
    stylesheetParams?: Record<string, unknown>;
    deliverMessage?: (content: unknown, errorCode?: unknown) => void;
    logLevel?: number;
  }
  interface TransformResult {
    principalResult: string;
  }
  interface ResourceOptions {
    text: string;
    type: 'xml';
  }
  const SaxonJS: {
    transform(options: TransformOptions, mode?: 'sync'): TransformResult;
    getResource(options: ResourceOptions): Promise<unknown>;
    XPath: { evaluate(xpath: string, context?: unknown, options?: object): unknown };
  };
  export default SaxonJS;
}
