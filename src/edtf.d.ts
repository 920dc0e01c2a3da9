/** The part of the edtf package editio uses: its parser, which throws on what is not EDTF. */
declare module 'edtf' {
  export function parse(input: string): { type: string };
}
