import ExcelJS from 'exceljs';
import type { OrgDetails } from '../src/templates/layout';
import { readSettingsInExcel, writeSettingsInExcel } from '../src/workbook/office/settings';
import type { ExcelHost } from '../src/workbook/office/host';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { readSettings, writeSettings } from '../src/workbook/xlsx/settings';
import { placeSheets, REGISTRY_SHEET, type WorkbookSettings } from '../src/workbook/hiddenSheet';
import { fakeExcel, FakeWorkbook } from './fakes/excelFake';
import { writeFixture } from './helpers/xlsxFixture';

const ORG: OrgDetails = {
  variant: 'party', superiorBody: 'ĐẢNG BỘ TỈNH QUẢNG NINH', issuingBody: 'THÀNH ỦY MÓNG CÁI', place: 'Móng Cái', documentNumber: 'Số 12-BC/TU',
  signerCapacity: 'T/M BAN THƯỜNG VỤ', signerTitle: 'PHÓ BÍ THƯ', signerName: 'Nguyễn Văn A', recipients: ['- Ban Tổ chức Tỉnh ủy (b/c),', '- Lưu VP.'],
};
const SETTINGS: WorkbookSettings = { org: ORG, mappings: [{ field: 'unit', header: 'Nơi làm việc', sheet: 'DS' }] };

function host(workbook: FakeWorkbook): ExcelHost {
  const fake = fakeExcel(workbook);
  return { run: fake.Excel.run, isSetSupported: (n, v) => fake.Office.context.requirements.isSetSupported(n, v) };
}

describe('settings stored in the workbook', () => {
  it('the CLI side (exceljs) writes and reads them in the hidden sheet, and ingest does not read that sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('DS').addRow(['Họ và tên', 'Đơn vị']);
    writeSettings(wb, SETTINGS);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(readSettings(back)).toEqual({ settings: SETTINGS, problems: [] });
    expect(back.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');
    writeSettings(back, { org: ORG });
    expect(readSettings(back).settings).toEqual({ org: ORG });

    const file = await writeFixture('settings.xlsx', [{ name: 'DS', rows: [['Họ và tên', 'Đơn vị']] }]);
    const withSettings = new ExcelJS.Workbook();
    await withSettings.xlsx.readFile(file);
    writeSettings(withSettings, SETTINGS);
    await withSettings.xlsx.writeFile(file);
    expect((await readXlsx(file)).map((g) => g.name)).toEqual(['DS']);
    expect((await readXlsx(file, { engine: 'exceljs' })).map((g) => g.name)).toEqual(['DS']);
  });

  it('the add-in side (Office.js) reads what the CLI wrote, and the CLI reads what the add-in wrote', async () => {
    const wb = new ExcelJS.Workbook();
    writeSettings(wb, SETTINGS);
    const grid: string[][] = [];
    wb.getWorksheet(REGISTRY_SHEET)!.eachRow((row, n) => {
      grid[n - 1] = Array.from({ length: 7 }, (_, c) => String(row.getCell(c + 1).value ?? ''));
    });
    const workbook = FakeWorkbook.fromGrids({ [REGISTRY_SHEET]: grid });
    expect(await readSettingsInExcel(host(workbook))).toEqual({ settings: SETTINGS, problems: [] });

    const fresh = new FakeWorkbook();
    await writeSettingsInExcel(host(fresh), { org: { ...ORG, signerName: 'Lê Thị C' } });
    expect(fresh.sheet(REGISTRY_SHEET).visibility).toBe('VeryHidden');
    expect((await readSettingsInExcel(host(fresh))).settings.org?.signerName).toBe('Lê Thị C');
    const cells = fresh.sheet(REGISTRY_SHEET).values('F1:G2');
    const cli = new ExcelJS.Workbook();
    const ws = cli.addWorksheet(REGISTRY_SHEET);
    cells.forEach((row, r) => row.forEach((v, c) => { ws.getRow(r + 1).getCell(6 + c).value = v as string; }));
    expect(readSettings(cli).settings.org?.signerName).toBe('Lê Thị C');
  });

  it('reports a damaged value instead of guessing', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(REGISTRY_SHEET);
    ws.getCell('F1').value = 'key';
    ws.getCell('F2').value = 'org';
    ws.getCell('G2').value = '{"variant": "party",';
    const { settings, problems } = readSettings(wb);
    expect(settings).toEqual({});
    expect(problems).toEqual([expect.stringContaining('"org"')]);
  });
});

describe('where generated sheets go (placeSheets)', () => {
  const existing = ['DS CBCCVC', 'TGBC 2019', 'tgbc 2020', 'Của tôi'];
  const ours = new Set(['TGBC 2019', 'tgbc 2020']);

  it('a free name is taken; a sheet tochuc made is replaced only when asked; the user\'s own never', () => {
    expect(placeSheets(['TGBC 2021', 'TGBC 2019', 'Của tôi'], existing, ours, true)).toEqual([
      { name: 'TGBC 2021', replaces: false }, { name: 'TGBC 2019', replaces: true }, { name: 'Của tôi (2)', replaces: false },
    ]);
    expect(placeSheets(['TGBC 2019'], existing, ours, false)).toEqual([{ name: 'TGBC 2019 (2)', replaces: false }]);
  });

  it('names clash whatever their case, and a plan that names a sheet twice replaces it once', () => {
    // "TGBC 2020" is not the registry's "tgbc 2020": Excel would refuse the two side by side.
    expect(placeSheets(['TGBC 2020'], existing, ours, true)).toEqual([{ name: 'TGBC 2020 (2)', replaces: false }]);
    expect(placeSheets(['TGBC 2019', 'TGBC 2019'], existing, ours, true)).toEqual([{ name: 'TGBC 2019', replaces: true }, { name: 'TGBC 2019 (2)', replaces: false }]);
  });
});
