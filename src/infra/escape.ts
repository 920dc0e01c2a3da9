/** Text as XML or HTML character data. */
export const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text as an XML or HTML attribute value in double quotes (and as character data anywhere). */
export const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** Text as a regular expression that matches it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A character XML 1.0 does not allow (controls but tab and line ends, lone surrogates, U+FFFE, U+FFFF): nothing editio writes may hold one. */
export const NOT_XML_CHAR = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
