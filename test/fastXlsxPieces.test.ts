/**
 * The CLI's reading of a sheet as it inflates, a piece at a time (fastXlsx.ts readPlainSheetsAsync,
 * readPieces), against the reading of the whole part (readPlainSheets): the same sheets, to the
 * value, or the same error, whatever falls at the cuts between pieces.
 */
import { strToU8, zipSync } from 'fflate';
import { readPlainSheets, readPlainSheetsAsync } from '../src/workbook/xlsx/fastXlsx';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of one sheet "DS" (sheetData as given, then `after`) and shared strings s0…s(n-1); style 1 is a date. */
function book(rows: string, options: { strings?: number; after?: string; cutAt?: number } = {}): Uint8Array {
  const strings = Array.from({ length: options.strings ?? 100 }, (_, i) => `<si><t>s${i}</t></si>`).join('');
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    'xl/workbook.xml': `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `${XML}<sst xmlns="${MAIN}">${strings}</sst>`,
    'xl/styles.xml': `${XML}<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${options.after ?? ''}</worksheet>`,
  };
  if (options.cutAt !== undefined) parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].slice(0, options.cutAt);
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
}

/** A register-like row: shared strings, numbers, a date, inline text, a formula, a boolean. */
function row(r: number, extra = ''): string {
  const hidden = r % 97 === 0 ? ' hidden="1"' : '';
  return (
    `<row r="${r}"${hidden}><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>${r % 100}</v></c><c r="C${r}" s="1"><v>${20000 + (r % 9000)}</v></c>` +
    `<c r="D${r}" t="inlineStr"><is><t>Nguyễn Văn ${r}</t></is></c><c r="E${r}" t="str"><f>A${r}&amp;""</f><v>${r}</v></c><c r="F${r}" t="b"><v>${r % 2}</v></c><c r="G${r}" s="1"/>${extra}</row>`
  );
}

const rows = (count: number, each: (r: number) => string = (r) => row(r)) => Array.from({ length: count }, (_, i) => each(i + 1)).join('');

/** The whole part's reading, and the pieces': the sheets, or the error's message. */
async function bothWays(data: Uint8Array): Promise<[unknown, unknown]> {
  const outcome = async (read: () => unknown) => {
    try {
      return await read();
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  return [await outcome(() => readPlainSheets(data)), await outcome(() => readPlainSheetsAsync(data))];
}

describe('reading a sheet as it inflates', () => {
  it('reads a sheet of many pieces as the whole, merges, hidden rows and all', async () => {
    const [whole, pieces] = await bothWays(book(rows(30_000), { after: '<mergeCells count="1"><mergeCell ref="H1:I3"/></mergeCells>' }));
    expect((whole as Array<{ rows: unknown[] }>)[0].rows).toHaveLength(30_000);
    expect(pieces).toEqual(whole);
  });

  it('reads rows and cells without addresses, and a row longer than a piece, as the whole', async () => {
    const long = Array.from({ length: 60_000 }, (_, c) => `<c t="s"><v>${c % 100}</v></c>`).join('');
    const sheet = rows(8_000, (r) => (r % 3 === 0 ? row(r).replace(/ r="[A-Z]*\d+"/g, '') : r === 4_000 ? `<row r="${r}">${long}</row>` : row(r)));
    const [whole, pieces] = await bothWays(book(sheet));
    expect(pieces).toEqual(whole);
  });

  it('reads the whole when a cut would fall in a comment, in CDATA or in a cell left open', async () => {
    const commented = rows(20_000, (r) => `${row(r)}<!-- <row r="${r + 1}"> -->`);
    const cdata = rows(20_000, (r) => row(r, `<c r="H${r}" t="inlineStr"><is><t><![CDATA[<row r="1">]]></t></is></c>`));
    const open = rows(20_000, (r) => (r % 5_000 === 0 ? row(r).replace('</row>', '<c r="Z1"><v>1</v>') : row(r)));
    for (const sheet of [commented, cdata, open]) {
      const [whole, pieces] = await bothWays(book(sheet));
      expect(pieces).toEqual(whole);
    }
  });

  it('says what the whole says of a damaged sheet: a shared string not there, a part cut off', async () => {
    const missing = rows(20_000, (r) => (r === 19_000 ? row(r).replace(`<v>${r % 100}</v>`, '<v>100</v>') : row(r)));
    const [whole, pieces] = await bothWays(book(missing));
    expect(whole).toEqual({ error: expect.stringContaining('B19000') });
    expect(pieces).toEqual(whole);
    const sheet = rows(20_000);
    const [wholeCut, piecesCut] = await bothWays(book(sheet, { cutAt: sheet.length - 10 }));
    expect(wholeCut).toEqual({ error: expect.stringContaining('XML bị cắt cụt') });
    expect(piecesCut).toEqual(wholeCut);
  });
});
