/**
 * The entry test/browserBuild.test.ts bundles for the web: what a standalone page of the engine would
 * import to read the officer's workbooks and hand back the report, and nothing else.
 */
export { generate } from '../../src/app/generate';
export { ingestWorkbook } from '../../src/ingest/ingestWorkbook';
export { readWorkbookBytes } from '../../src/workbook/xlsx/readBytes';
export { FILE_CAPABILITIES, writePlanBytes } from '../../src/workbook/xlsx/writePlanBytes';
