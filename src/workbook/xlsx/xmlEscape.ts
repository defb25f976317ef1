/**
 * Text in the XML of an .xlsx package: XML's own escapes, and for SpreadsheetML's strings (ST_Xstring)
 * OOXML's `_xHHHH_` for the characters XML 1.0 cannot hold (ECMA-376 part 1, ST_Xstring), as Excel
 * writes them. Pure, so that the drawing parts (`drawingXml.ts`) escape as the sheets do.
 */

// Characters XML 1.0 forbids (section 2.2), a lone surrogate half, and the carriage return (which
// an XML parser turns into a line feed). The underscore that starts what reads as an escape.
// eslint-disable-next-line no-control-regex
const NEEDS_OOXML_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE_TEST = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff\ud800-\udfff<>&]|_x[0-9a-fA-F]{4}_/;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** A text as the content of an element: XML's own escapes, then OOXML's for what XML cannot hold. */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE_TEST.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(NEEDS_OOXML_ESCAPE, (ch) => `_x${hex4(ch.charCodeAt(0))}_`);
}

/**
 * A text for an attribute where OOXML has no `_xHHHH_` (sheet names, defined names): the characters
 * XML forbids are left out, as a name cannot be written with them.
 */
export function xmlAttr(text: string): string {
  return withoutForbidden(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text without the characters XML 1.0 forbids (tabs and line breaks are allowed and kept). */
export function withoutForbidden(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
