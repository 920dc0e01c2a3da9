/** Text as XML or HTML character data. */
export const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text as an XML or HTML attribute value in double quotes (and as character data anywhere). */
export const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

/** Text as a regular expression that matches it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
