// saxon-js ships no typings; this declares the part of its API editio uses.
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal: object;
    sourceText?: string;
    sourceNode?: unknown;
    initialMode?: string;
    /** A public function of the stylesheet to call instead of applying templates, and its arguments. */
    initialFunction?: string;
    functionParams?: unknown[];
    /** 'raw': the result as XDM values, not text. */
    destination: 'serialized' | 'raw';
    /** With 'raw': 'xdm' keeps the values as they are (typed), not converted to JavaScript. */
    resultForm?: 'xdm';
    stylesheetParams?: Record<string, unknown>;
    deliverMessage?: (content: unknown, errorCode?: unknown) => void;
    logLevel?: number;
  }
  interface TransformResult {
    /** A string when serialized; XDM values when raw. */
    principalResult: unknown;
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
