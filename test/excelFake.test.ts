/**
 * Tests of the strict Excel fake itself (test/fakes/excelFake.ts), plus one conventional
 * office-addin-mock test for comparison.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { FakeWorkbook, fakeExcel } from './fakes/excelFake';

function setup(grids: Record<string, (string | number | boolean)[][]> = { Data: [['Họ tên', 'Tuổi'], ['An', 30]] }, options = {}) {
  const workbook = FakeWorkbook.fromGrids(grids);
  return { workbook, ...fakeExcel(workbook, options) };
}

describe('proxy load/sync semantics', () => {
  it('throws PropertyNotLoaded until load() and a sync() have happened', async () => {
    const { Excel: excel } = setup();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the point of the test
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load('values');
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loaded but not yet synced must still throw
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([['Họ tên', 'Tuổi'], ['An', 30]]);
      // eslint-disable-next-line office-addins/load-object-before-read -- only 'values' was loaded
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
    });
  });

  it('accepts the string, comma list, array and object forms of load()', async () => {
    const { Excel: excel } = setup();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const a = sheet.getRange('A1:B2').load('address, rowCount');
      const b = sheet.getRange('B2').load(['columnIndex', 'values']);
      const c = sheet.getRange('A2').load({ select: 'values', expand: 'format/font' });
      const d = sheet.getRange('A1').load({ format: { font: { bold: true } }, numberFormat: true });
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(['Data!A1:B2', 2]);
      expect([b.columnIndex, b.values]).toEqual([1, [[30]]]);
      expect([c.values, c.format.font.name, c.format.font.size]).toEqual([[['An']], 'Calibri', 11]);
      expect([d.format.font.bold, d.numberFormat]).toEqual([false, [['General']]]);
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data']);
    });
  });

  it('queues writes and applies them only at sync, in order', async () => {
    const { Excel: excel, workbook } = setup({ Data: [] });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
      range.numberFormat = [['0.00%', '@']];
      range.values = [[0.25, '=1+1']];
      range.format.font.bold = true;
      expect(workbook.sheet('Data').cell('A1')).toMatchObject({ value: '', numberFormat: 'General' });
      await context.sync();
    });
    const sheet = workbook.sheet('Data');
    expect(sheet.cell('A1')).toMatchObject({ value: 0.25, numberFormat: '0.00%', formula: '' });
    // B1 was formatted "@" before the value arrived, so "=1+1" stays text.
    expect(sheet.cell('B1')).toMatchObject({ value: '=1+1', formula: '', numberFormat: '@' });
    expect(sheet.cell('A1').format.font.bold).toBe(true);
  });

  it('stores "=" strings as formulas unless the cell is text-formatted, and strips a leading apostrophe', async () => {
    const { Excel: excel, workbook } = setup({ Data: [] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A1:C1').values = [['=SUM(B2:B9)', "'=not a formula", '=5']];
      sheet.getRange('D1').formulas = [['=A1*2']];
      sheet.getRange('E1').values = [['=late']];
      sheet.getRange('E1').numberFormat = [['@']]; // too late: the value was already a formula
      const read = sheet.getRange('A1:E1').load('values, formulas');
      await context.sync();
      expect(read.values).toEqual([['', '=not a formula', 5, '', '']]);
      expect(read.formulas).toEqual([['=SUM(B2:B9)', '=not a formula', '=5', '=A1*2', '=late']]);
    });
    expect(workbook.sheet('Data').cell('A1').formula).toBe('=SUM(B2:B9)');
    expect(workbook.sheet('Data').cell('B1')).toMatchObject({ value: '=not a formula', formula: '' });
  });

  it('rejects the sync when a values array does not match the range', async () => {
    const { Excel: excel, workbook } = setup({ Data: [] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A1').values = [['applied first']];
      sheet.getRange('A2:B2').values = [['only one']];
      await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
    });
    expect(workbook.sheet('Data').cell('A1').value).toBe('applied first');
    expect(workbook.sheet('Data').cell('A2').value).toBe('');
  });
});

describe('worksheets', () => {
  it('answers getItemOrNullObject with isNullObject and rejects getItem of a missing sheet', async () => {
    const { Excel: excel } = setup();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope').load('name');
      const present = context.workbook.worksheets.getItemOrNullObject('data').load('name');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Data');
      context.workbook.worksheets.getItem('Nope').load('name');
      await expect(context.sync()).rejects.toThrow(/ItemNotFound/);
    });
  });

  it('adds, renames, moves, activates and deletes sheets; a duplicate name is ItemAlreadyExists', async () => {
    const { Excel: excel, workbook } = setup();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const report = sheets.add('Báo cáo');
      report.position = 0;
      report.activate();
      sheets.add('Tmp').delete();
      await context.sync();
      expect(workbook.sheetNames).toEqual(['Báo cáo', 'Data']);
      expect(workbook.activeSheet?.name).toBe('Báo cáo');
      sheets.add('data');
      await expect(context.sync()).rejects.toThrow(/ItemAlreadyExists/);
    });
  });

  it('never deletes the last visible sheet, nor a very hidden one until it is made Hidden', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']], Secret: [['b']] });
    workbook.sheet('Secret').visibility = 'VeryHidden';
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('Data').delete();
      await expect(context.sync()).rejects.toThrow(/InvalidOperation/);
      sheets.getItem('Secret').delete();
      await expect(context.sync()).rejects.toThrow(/GeneralException/);
      const secret = sheets.getItem('Secret');
      secret.visibility = 'Hidden';
      secret.delete();
      await context.sync();
    });
    expect(workbook.sheetNames).toEqual(['Data']);
  });

  it('beforeSync runs as each sync starts; when it throws, the sync rejects with its error and applies nothing', async () => {
    const seen: number[] = [];
    const lost = new Error('connection lost');
    const { Excel: excel, workbook, stats } = setup({ Data: [['a']] }, { beforeSync: (n: number) => {
      seen.push(n);
      if (n === 2) throw lost;
    } });
    await excel.run(async (context) => {
      context.workbook.worksheets.add('One');
      await context.sync();
      context.workbook.worksheets.add('Two');
      await expect(context.sync()).rejects.toBe(lost);
      context.workbook.worksheets.add('Three');
      await context.sync();
    });
    expect(seen).toEqual([1, 2, 3]);
    expect(stats.rejectedSyncs).toBe(1);
    expect(workbook.sheetNames).toEqual(['Data', 'One', 'Three']);
  });

  it('Range.select() selects at sync, activates its sheet, and fails on a deleted sheet', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']], Other: [['b']] });
    expect(workbook.selection).toBeUndefined();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Other').getRange('B2:C3');
      range.select();
      expect(workbook.selectedAddress).toBeUndefined();
      await context.sync();
      expect(workbook.selectedAddress).toBe('Other!B2:C3');
      expect(workbook.activeSheet?.name).toBe('Other');
      context.workbook.worksheets.getItem('Other').delete();
      await context.sync();
      expect(workbook.selection).toBeUndefined();
      range.select();
      await expect(context.sync()).rejects.toThrow(/ItemNotFound/);
      context.workbook.worksheets.getItem('Data').getRange('not a cell').select();
      await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
    });
  });

  it('records merges, freeze panes, column widths, row heights and cell formats', async () => {
    const { Excel: excel, workbook } = setup({ Data: [] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A1:C1').values = [['Title', 'x', 'y']];
      sheet.getRange('A1:C1').merge();
      sheet.getRange('A3:B4').merge(true);
      sheet.freezePanes.freezeRows(2);
      const table = sheet.getRangeByIndexes(1, 0, 2, 3);
      table.format.columnWidth = 60;
      table.format.rowHeight = 20;
      table.format.horizontalAlignment = 'Center';
      table.format.wrapText = true;
      table.format.fill.color = '#DDEBF7';
      table.format.font.set({ name: 'Times New Roman', size: 13, italic: true });
      table.format.borders.getItem('EdgeTop').style = 'Continuous';
      table.format.borders.getItem('InsideHorizontal').weight = 'Medium';
      await context.sync();
      const used = sheet.getUsedRange(true).load('address');
      const format = table.format.load('columnWidth, horizontalAlignment');
      await context.sync();
      expect(used.address).toBe('Data!A1');
      expect([format.columnWidth, format.horizontalAlignment]).toEqual([60, 'Center']);
    });
    const sheet = workbook.sheet('Data');
    expect(sheet.merges).toEqual(['A1:C1', 'A3:B3', 'A4:B4']);
    expect(sheet.cell('B1').value).toBe(''); // merging keeps only the top-left value
    expect(sheet.freeze).toEqual({ rows: 2, columns: 0 });
    expect([sheet.columnWidth('B'), sheet.columnWidth('D'), sheet.rowHeight(2), sheet.rowHeight(4)]).toEqual([60, 48, 20, 15]);
    const b2 = sheet.cell('B2').format;
    expect(b2).toMatchObject({ horizontalAlignment: 'Center', wrapText: true, fillColor: '#DDEBF7' });
    expect(b2.font).toMatchObject({ name: 'Times New Roman', size: 13, italic: true, bold: false });
    expect(b2.borders.EdgeTop).toEqual({ style: 'Continuous', weight: 'Thin', color: '#000000' });
    expect(b2.borders.EdgeBottom).toEqual({ style: 'Continuous', weight: 'Medium', color: '#000000' });
    expect(sheet.cell('B3').format.borders.EdgeTop?.weight).toBe('Medium');
  });

  it('sets page layout, custom properties and workbook settings', async () => {
    const { Excel: excel, workbook } = setup();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      // Navigation properties need no load; reached through the chain so the lint rules do not take them for scalars.
      const layout = context.workbook.worksheets.getItem('Data').pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = 'A4';
      layout.centerHorizontally = true;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintMargins('Centimeters', { left: 2.54, top: 1 });
      layout.setPrintArea('A1:B2');
      layout.setPrintTitleRows('$1:$1');
      sheet.customProperties.add('tochuc.report', 'tinh-gian');
      context.workbook.settings.add('tochuc.lastRun', { sheets: 2 });
      const setting = context.workbook.settings.getItemOrNullObject('tochuc.lastRun').load('value');
      const absent = context.workbook.settings.getItemOrNullObject('none').load('value');
      const prop = sheet.customProperties.getItem('TOCHUC.REPORT').load('key, value');
      await context.sync();
      expect(setting.isNullObject).toBe(false);
      expect(setting.value).toEqual({ sheets: 2 });
      expect(absent.isNullObject).toBe(true);
      expect([prop.key, prop.value]).toEqual(['tochuc.report', 'tinh-gian']);
    });
    const layout = workbook.sheet('Data').pageLayout;
    expect(layout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', centerHorizontally: true, printArea: 'A1:B2', printTitleRows: '1:1' });
    expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect([layout.leftMargin, layout.topMargin, layout.rightMargin]).toEqual([72, 72 / 2.54, 50.4]);
    expect(workbook.sheet('Data').customProperties.get('tochuc.report')).toBe('tinh-gian');
    expect(workbook.setting('tochuc.lastRun')).toEqual({ sheets: 2 });
  });
});

describe('application, runtime and stats', () => {
  it('records suspendApiCalculationUntilNextSync, enableEvents and tracking calls', async () => {
    const { Excel: excel, stats, workbook } = setup();
    await excel.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      context.runtime.load('enableEvents');
      await context.sync();
      expect(context.runtime.enableEvents).toBe(true);
      context.runtime.enableEvents = false;
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      context.trackedObjects.add(range);
      range.untrack();
      await context.sync();
    });
    expect(stats).toMatchObject({ suspendApiCalculationCalls: 1, enableEventsWrites: [false], trackCalls: 1, untrackCalls: 1 });
    expect(workbook.enableEvents).toBe(false);
  });

  it('counts syncs and request bytes, and Excel.run flushes what is left queued', async () => {
    const { Excel: excel, stats, workbook } = setup({ Data: [] });
    await excel.run(async (context) => {
      await context.sync(); // empty
      context.workbook.worksheets.getItem('Data').getRange('A1:B1').values = [['abc', 1]];
    });
    expect(stats.syncs).toBe(2);
    expect(stats.requests[0]).toEqual({ bytes: 2, operations: 0 });
    expect(stats.requests[1].operations).toBe(3); // getItem, getRange, set values
    expect(stats.requests[1].bytes).toBeGreaterThan('"abc",1'.length);
    expect(workbook.sheet('Data').values()).toEqual([['abc', 1]]);
  });

  it('rejects a request above maxRequestBytes and applies nothing of it', async () => {
    const { Excel: excel, stats, workbook } = setup({ Data: [] }, { maxRequestBytes: 1000 });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A1').values = [['small']];
      sheet.getRange('A2:A101').values = Array.from({ length: 100 }, (_, i) => [`row ${i}`]);
      await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    });
    expect(workbook.sheet('Data').cell('A1').value).toBe('');
    expect(stats.rejectedSyncs).toBe(1);
    expect(stats.maxRequestBytes).toBe(1000);
  });

  it('uses the 5 MB default and refuses to read more than 5,000,000 cells', async () => {
    const { Excel: excel, stats } = setup({ Data: [] });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A:E').load('values'); // 5 * 1,048,576 cells
      await expect(context.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
      const big = 'x'.repeat(1024 * 1024);
      sheet.getRange('A1:A6').values = [[big], [big], [big], [big], [big], [big]];
      await expect(context.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    });
    expect(stats.maxRequestBytes).toBe(5 * 1024 * 1024);
  });
});

describe('merged areas and response limits', () => {
  it('answers getMergedAreasOrNullObject with the whole areas a range touches, readable after load and sync', async () => {
    const { Excel: excel, workbook } = setup({ 'Danh sách': [['Tiêu đề'], ['a', 'b']] });
    const sheet = workbook.sheet('Danh sách');
    sheet.mergedAreas.push({ row: 0, col: 0, rowCount: 1, colCount: 4 }, { row: 5, col: 1, rowCount: 2, colCount: 2 });
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Danh sách');
      const areas = ws.getRange('A1:B6').getMergedAreasOrNullObject();
      const none = ws.getRange('A2:B3').getMergedAreasOrNullObject();
      // Read before load on purpose: the fake must refuse it as Office.js does.
      expect(() => areas.address).toThrow(/PropertyNotLoaded/);
      areas.load('address, areaCount, cellCount');
      none.load('address');
      await context.sync();
      expect([areas.address, areas.areaCount, areas.cellCount]).toEqual(["'Danh sách'!A1:D1, 'Danh sách'!B6:C7", 2, 8]);
      expect(none.isNullObject).toBe(true);
    });
  });

  it('puts getMergedAreasOrNullObject behind ExcelApi 1.13', async () => {
    const { Excel: excel } = setup(undefined, { requirementSets: ['ExcelApi 1.12'] });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
      expect(() => range.getMergedAreasOrNullObject()).toThrow(/ApiNotFound/);
    });
  });

  it('counts response bytes per sync and refuses a response above maxResponseBytes, leaving its loads unread', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`dòng ${i} `.repeat(10)]);
    const { Excel: excel, stats } = setup({ Data: rows }, { maxResponseBytes: 10_000 });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const small = sheet.getRange('A1:A10').load('values');
      await context.sync();
      expect(small.values).toHaveLength(10);
      const big = sheet.getRange('A1:A200').load('values');
      await expect(context.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
      expect(() => big.values).toThrow(/PropertyNotLoaded/);
    });
    expect(stats.responses[0].bytes).toBe(JSON.stringify(rows.slice(0, 10)).length);
    expect(stats.responses[1].bytes).toBeGreaterThan(10_000);
    expect(stats.maxResponseBytes).toBe(10_000);
    expect(setup().stats.maxResponseBytes).toBe(5 * 1024 * 1024);
  });
});

describe('requirement sets', () => {
  it('answers isSetSupported and throws ApiNotFound for APIs outside the configured sets', async () => {
    const { Excel: excel, Office } = setup(undefined, { requirementSets: ['ExcelApi 1.8'] });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApi')).toBe(true);
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.getItem('Data').pageLayout).toThrow(/ApiNotFound/);
      expect(() => sheets.getItem('Data').customProperties).toThrow(/ApiNotFound/);
      expect(() => context.workbook.settings).not.toThrow();
    });
    const all = setup();
    expect(all.Office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
    expect(all.Office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
  });
});

describe('charts (ExcelApi 1.1)', () => {
  const grids = { Data: [['Quý I', 98, 98], ['Quý II', 139, 237], [1, 2, 3]] };

  it('adds a chart at sync, one series per column after the text of the first, and records title, names, position and size', async () => {
    const { Excel: excel, workbook } = setup(grids);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C2'), 'Columns');
      chart.title.text = 'Kết nạp';
      chart.series.getItemAt(1).name = 'Lũy kế';
      chart.setPosition('E2', 'K14');
      chart.width = 420;
      expect(workbook.charts).toEqual([]);
      await context.sync();
      // Numbers only in the first column: every column is a series.
      sheet.charts.add('Line', sheet.getRange('A3:C3'), 'Columns');
      await context.sync();
    });
    expect(workbook.charts).toEqual([
      { sheet: 'Data', name: 'Chart 1', type: 'ColumnClustered', source: 'Data!A1:C2', seriesBy: 'Columns', title: 'Kết nạp', seriesNames: ['Series1', 'Lũy kế'], anchor: 'E2', endCell: 'K14', width: 420, height: 216 },
      { sheet: 'Data', name: 'Chart 2', type: 'Line', source: 'Data!A3:C3', seriesBy: 'Columns', title: '', seriesNames: ['Series1', 'Series2', 'Series3'], anchor: null, endCell: null, width: 360, height: 216 },
    ]);
  });

  it('reads chart properties only after load and sync, and lists the charts and series', async () => {
    const { Excel: excel } = setup(grids);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const chart = sheet.charts.add('Pie', sheet.getRange('A1:B2'), 'Columns');
      chart.title.text = 'Cơ cấu';
      expect(() => chart.title.text).toThrow(/PropertyNotLoaded/);
      chart.load('name, width, height, title/text');
      const charts = sheet.charts.load('items/name, items/series/items/name');
      await context.sync();
      expect([chart.name, chart.width, chart.height, chart.title.text]).toEqual(['Chart 1', 360, 216, 'Cơ cấu']);
      expect(charts.items.map((c) => [c.name, c.series.items.map((s) => s.name)])).toEqual([['Chart 1', ['Series1']]]);
    });
  });

  it('rejects the sync for a series the chart does not have, an unknown type or a bad size', async () => {
    const { Excel: excel } = setup(grids);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C2'), 'Columns');
      chart.series.getItemAt(2).name = 'không có';
      await expect(context.sync()).rejects.toThrow(/ItemNotFound/);
      // Excel's enum values are capitalised: the typo is the point.
      sheet.charts.add('columnClustered' as 'ColumnClustered', sheet.getRange('A1:C2'));
      await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
      sheet.charts.getItemAt(0).height = -1;
      await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
    });
  });

  it('needs ExcelApi 1.1 for the charts and 1.7 to add a series', async () => {
    const none = setup(grids, { requirementSets: [] });
    await none.Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Data').charts).toThrow(/ApiNotFound/);
    });
    const old = setup(grids, { requirementSets: ['ExcelApi 1.4'] });
    await old.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C2'), 'Columns');
      expect(() => chart.series.add('Kế hoạch')).toThrow(/ApiNotFound/);
      await context.sync();
    });
    expect(old.workbook.charts).toHaveLength(1);
  });
});

describe('shapes (ExcelApi 1.9)', () => {
  const grids = { Data: [['Sơ đồ']] };

  it('adds rectangles, text boxes and lines at sync, with Office\'s default look until the add-in sets its own', async () => {
    const { Excel: excel, workbook } = setup(grids);
    await excel.run(async (context) => {
      const shapes = context.workbook.worksheets.getItem('Data').shapes;
      const box = shapes.addGeometricShape('Rectangle');
      box.left = 40;
      box.top = 30;
      box.width = 120;
      box.height = 36;
      box.name = 'Ô gốc';
      box.textFrame.textRange.text = 'Thành phố Móng Cái';
      box.textFrame.textRange.font.name = 'Times New Roman';
      box.textFrame.textRange.font.bold = true;
      box.textFrame.horizontalAlignment = 'Center';
      box.fill.setSolidColor('#FFF2CC');
      box.lineFormat.weight = 2;
      shapes.addTextBox('Sơ đồ tổ chức');
      shapes.addLine(10, 20, 110, 80, 'Elbow');
      expect(workbook.shapes).toEqual([]);
      await context.sync();
    });
    const [box, title, line] = workbook.shapes;
    expect(box).toMatchObject({
      sheet: 'Data', id: '1', name: 'Ô gốc', type: 'GeometricShape', geometricShapeType: 'Rectangle', left: 40, top: 30, width: 120, height: 36, text: 'Thành phố Móng Cái',
      font: { name: 'Times New Roman', size: 11, bold: true, italic: false, color: '#FFFFFF' },
      textFrame: { horizontalAlignment: 'Center', verticalAlignment: 'Top' },
      fill: { type: 'Solid', color: '#FFF2CC' }, lineFormat: { visible: true, color: '#2F528F', weight: 2 }, line: null,
    });
    expect(title).toMatchObject({ id: '2', name: 'TextBox 2', type: 'GeometricShape', text: 'Sơ đồ tổ chức', fill: { color: '#FFFFFF' }, font: { color: '#000000' } });
    expect(line).toMatchObject({
      id: '3', name: 'Connector: Elbow 3', type: 'Line', geometricShapeType: null, left: 10, top: 20, width: 100, height: 60,
      line: { connectorType: 'Elbow', begin: { point: { x: 10, y: 20 }, shape: null, site: null }, end: { point: { x: 110, y: 80 }, shape: null, site: null } },
    });
  });

  it('reads shape properties only after load and sync, and lists and counts the shapes', async () => {
    const { Excel: excel } = setup(grids);
    await excel.run(async (context) => {
      const shapes = context.workbook.worksheets.getItem('Data').shapes;
      const box = shapes.addGeometricShape('RoundRectangle');
      box.textFrame.textRange.text = 'Khối Đảng';
      expect(() => box.name).toThrow(/PropertyNotLoaded/);
      box.load('id, name, type, width, connectionSiteCount, textFrame/hasText, textFrame/textRange/text, fill/type');
      shapes.addLine(0, 0, 10, 10);
      const count = shapes.getCount();
      const all = shapes.load('items/name, items/type');
      await context.sync();
      expect([box.id, box.name, box.type, box.width, box.connectionSiteCount]).toEqual(['1', 'RoundRectangle 1', 'GeometricShape', 100, 4]);
      expect([box.textFrame.hasText, box.textFrame.textRange.text, box.fill.type]).toEqual([true, 'Khối Đảng', 'Solid']);
      // A ClientResult, not a proxy: its value is there after the sync (the lint rule takes it for a proxy).
      // eslint-disable-next-line office-addins/load-object-before-read
      expect(count.value).toBe(2);
      expect(all.items.map((s) => [s.name, s.type])).toEqual([['RoundRectangle 1', 'GeometricShape'], ['Straight Connector 2', 'Line']]);
      const again = shapes.getItem('straight connector 2').load('id');
      const first = shapes.getItemAt(0).load('geometricShapeType');
      await context.sync();
      expect([again.id, first.geometricShapeType]).toEqual(['2', 'RoundRectangle']);
    });
  });

  it('puts a connected end on the site of its shape (top, left, bottom, right), keeps it there when the shape moves, and frees it when the shape goes', async () => {
    const { Excel: excel, workbook } = setup(grids);
    await excel.run(async (context) => {
      const shapes = context.workbook.worksheets.getItem('Data').shapes;
      const parent = shapes.addGeometricShape('Rectangle');
      parent.set({ left: 100, top: 0, width: 100, height: 40 });
      const child = shapes.addGeometricShape('Rectangle');
      child.set({ left: 300, top: 100, width: 80, height: 30 });
      const connector = shapes.addLine(0, 0, 1, 1, 'Elbow');
      connector.line.connectBeginShape(parent, 2);
      connector.line.connectEndShape(child, 1);
      connector.line.load('isBeginConnected, isEndConnected, beginConnectedSite, endConnectedSite, connectorType');
      connector.load('left, top, width, height');
      await context.sync();
      expect([connector.line.isBeginConnected, connector.line.isEndConnected, connector.line.beginConnectedSite, connector.line.endConnectedSite]).toEqual([true, true, 2, 1]);
      expect([connector.left, connector.top, connector.width, connector.height]).toEqual([150, 40, 150, 75]);
      child.top = 200;
      await context.sync();
      expect(workbook.shapes[2].line?.end).toEqual({ point: { x: 300, y: 215 }, shape: '2', site: 1 });
      child.delete();
      connector.line.disconnectBeginShape();
      await context.sync();
    });
    expect(workbook.shapes.map((s) => s.name)).toEqual(['Rectangle 1', 'Connector: Elbow 3']);
    expect(workbook.shapes[1].line).toMatchObject({ begin: { point: { x: 150, y: 40 }, shape: null }, end: { point: { x: 300, y: 215 }, shape: null } });
  });

  it('rejects the sync for what Excel refuses: unknown types, a site the shape lacks, a line to a line, text on a line, bad sizes and colours', async () => {
    const { Excel: excel, workbook } = setup(grids);
    await excel.run(async (context) => {
      const shapes = context.workbook.worksheets.getItem('Data').shapes;
      const box = shapes.addGeometricShape('Rectangle');
      const line = shapes.addLine(0, 0, 50, 50, 'Elbow');
      await context.sync();
      // Excel's enum values are capitalised: the typo is the point.
      shapes.addGeometricShape('rectangle' as 'Rectangle');
      await expect(context.sync()).rejects.toThrow(/InvalidArgument.*geometric shape type/);
      shapes.addLine(0, 0, 5, 5, 'elbow' as 'Elbow');
      await expect(context.sync()).rejects.toThrow(/InvalidArgument.*connector type/);
      line.line.connectEndShape(box, 4);
      await expect(context.sync()).rejects.toThrow(/InvalidArgument.*site 4/);
      const other = shapes.addLine(0, 0, 5, 5);
      line.line.connectEndShape(other, 0);
      await expect(context.sync()).rejects.toThrow(/InvalidArgument.*another line/);
      line.textFrame.textRange.text = 'không được';
      await expect(context.sync()).rejects.toThrow(/InvalidArgument.*no text frame/);
      box.line.connectorType = 'Straight';
      await expect(context.sync()).rejects.toThrow(/InvalidArgument.*not a line/);
      box.width = -1;
      await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
      box.fill.setSolidColor('vàng');
      await expect(context.sync()).rejects.toThrow(/InvalidArgument/);
      line.left = 5;
      await expect(context.sync()).rejects.toThrow(/InvalidArgument.*ends only/);
      shapes.getItem('Không có').delete();
      await expect(context.sync()).rejects.toThrow(/ItemNotFound/);
    });
    expect(workbook.shapes.map((s) => s.name)).toEqual(['Rectangle 1', 'Connector: Elbow 2', 'Straight Connector 3']);
  });

  it('needs ExcelApi 1.9, and a deleted sheet takes its shapes with it', async () => {
    const old = setup(grids, { requirementSets: ['ExcelApi 1.8'] });
    await old.Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Data').shapes).toThrow(/ApiNotFound.*1\.9/);
    });
    const { Excel: excel, workbook } = setup({ Data: [['x']], Khác: [['y']] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').shapes.addGeometricShape('Rectangle');
      context.workbook.worksheets.getItem('Khác').shapes.addGeometricShape('Ellipse');
      await context.sync();
      context.workbook.worksheets.getItem('Data').delete();
      await context.sync();
    });
    expect(workbook.shapes.map((s) => [s.sheet, s.geometricShapeType])).toEqual([['Khác', 'Ellipse']]);
  });
});

describe('cell properties and print setup read back (ExcelApi 1.9)', () => {
  const ALL = {
    address: true,
    format: {
      font: { name: true, size: true, bold: true, italic: true, underline: true, color: true },
      fill: { color: true, pattern: true }, horizontalAlignment: true, verticalAlignment: true, wrapText: true,
      borders: { style: true },
    },
  };

  // A ClientResult needs no load(), only the sync: the lint rules take `.value` for a proxy property.
  const valueOf = <T>(result: { value: T }): T => result.value;

  it('answers getCellProperties per cell after the sync, with only the members asked for', async () => {
    const { Excel: excel } = setup({ Data: [['a', 'b'], ['c', 'd']] });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
      range.format.font.underline = 'Single';
      range.format.font.name = 'Times New Roman';
      range.format.fill.color = '#FFFF00';
      range.format.horizontalAlignment = 'Center';
      range.format.borders.getItem('EdgeBottom').style = 'Continuous';
      await context.sync();
      const props = context.workbook.worksheets.getItem('Data').getRange('A1:B2').getCellProperties(ALL);
      const fonts = context.workbook.worksheets.getItem('Data').getRange('A2').getCellProperties({ format: { font: { bold: true } } });
      expect(() => valueOf(props)).toThrow(/ValueNotLoaded/);
      await context.sync();
      const value = valueOf(props);
      expect(value).toHaveLength(2);
      expect(value[0][1]).toEqual({
        address: 'Data!B1',
        format: {
          font: { name: 'Times New Roman', size: 11, bold: false, italic: false, underline: 'Single', color: '#000000' },
          fill: { color: '#FFFF00', pattern: 'Solid' }, horizontalAlignment: 'Center', verticalAlignment: 'Bottom', wrapText: false,
          borders: { top: { style: 'None' }, bottom: { style: 'Continuous' }, left: { style: 'None' }, right: { style: 'None' }, diagonalDown: { style: 'None' }, diagonalUp: { style: 'None' } },
        },
      });
      // No fill reads as white, told apart only by the pattern, as in Excel.
      expect(value[1][0].format?.fill).toEqual({ color: '#FFFFFF', pattern: 'None' });
      expect(valueOf(fonts)).toEqual([[{ format: { font: { bold: false } } }]]);
    });
  });

  it('reads and writes Font.underline; None leaves the cell as it was', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']] });
    await excel.run(async (context) => {
      const font = context.workbook.worksheets.getItem('Data').getRange('A1').format.font;
      font.underline = 'Double';
      font.load('underline');
      await context.sync();
      expect(font.underline).toBe('Double');
      font.underline = 'None';
      await context.sync();
    });
    expect(workbook.sheet('Data').cell('A1').format.font.underline).toBeUndefined();
    await expect(excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1').format.font.underline = 'Wavy' as Excel.RangeUnderlineStyle;
      await context.sync();
    })).rejects.toThrow(/InvalidArgument/);
  });

  it('refuses options it does not answer, and needs ExcelApi 1.9', async () => {
    const { Excel: excel } = setup();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      // Excel answers protection too; the fake says it does not, rather than answer wrongly.
      expect(() => range.getCellProperties({ format: { protection: true } })).toThrow(/InvalidArgument/);
      expect(() => range.getCellProperties({ hidden: true })).toThrow(/InvalidArgument/);
    });
    const old = setup(undefined, { requirementSets: ['ExcelApi 1.8'] });
    await old.Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Data').getRange('A1').getCellProperties(ALL)).toThrow(/ApiNotFound.*1\.9/);
    });
  });

  it('gives the print area and title rows, or null objects when there are none', async () => {
    const { Excel: excel } = setup();
    await excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('Data').pageLayout;
      const noArea = layout.getPrintAreaOrNullObject().load('address');
      const noTitles = layout.getPrintTitleRowsOrNullObject().load('address');
      await context.sync();
      expect([noArea.isNullObject, noTitles.isNullObject]).toEqual([true, true]);
      layout.setPrintArea('A1:B9');
      layout.setPrintTitleRows('$2:$3');
      const area = layout.getPrintAreaOrNullObject().load('address');
      const titles = layout.getPrintTitleRows().load('address');
      await context.sync();
      expect([area.isNullObject, area.address, titles.address]).toEqual([false, 'Data!A1:B9', 'Data!2:3']);
    });
    const bare = setup();
    await expect(bare.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').pageLayout.getPrintArea().load('address');
      await context.sync();
    })).rejects.toThrow(/ItemNotFound/);
  });
});

describe('office-addin-mock (conventional mock, for comparison)', () => {
  /** The kind of tiny reader the mock is good for: no queueing, no payload limits. */
  async function readHeader(context: Excel.RequestContext, sheetName: string): Promise<unknown[][]> {
    const range = context.workbook.worksheets.getItem(sheetName).getRange('A1:B1');
    range.load('values');
    await context.sync();
    return range.values;
  }

  it('reads a range after load and sync', async () => {
    // office-addin-mock style: navigation functions return members of the same data tree, so the
    // root's load/sync bookkeeping covers them; sync() is supplied by the mock.
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              range: { values: [['Họ tên', 'Tuổi']] },
              getRange: function () {
                return this.range;
              },
            },
            getItem: function () {
              return this.sheet;
            },
          },
        },
      },
    });
    const context = mock.context as Excel.RequestContext;
    await expect(readHeader(context, 'Data')).resolves.toEqual([['Họ tên', 'Tuổi']]);
  });
});

// --- Events (co-authoring) -------------------------------------------------------------------------

describe('events: Worksheet.onChanged and WorksheetCollection.onAdded (ExcelApi 1.7)', () => {
  /** Events are dispatched each in its own macrotask after the change; one turn of timers delivers them. */
  const delivered = () => new Promise((resolve) => setTimeout(resolve, 0));

  type Seen = Pick<Excel.WorksheetChangedEventArgs, 'type' | 'changeType' | 'source' | 'worksheetId' | 'address'>;

  async function watching(excel: ReturnType<typeof setup>['Excel'], sheetName: string) {
    const seen: Seen[] = [];
    let id = '';
    let result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.load('id');
      result = sheet.onChanged.add(async (event) => void seen.push({ ...event }));
      await context.sync();
      id = sheet.id;
    });
    return { seen, id, result: result! };
  }

  it('fires Local for this user\'s value, formula and clear operations, after the sync, with the address without the sheet', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']], Other: [['b']] });
    const { seen, id } = await watching(excel, 'Data');
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('B2:C2').values = [[1, 2]];
      sheet.getRange('D1').formulas = [['=1+1']];
      sheet.getRange('A1:A2').numberFormat = [['@'], ['@']]; // a format: no event
      sheet.getRange('E1:E9').clear('Contents');
      context.workbook.worksheets.getItem('Other').getRange('A1').values = [['x']]; // another sheet
      await context.sync();
      expect(seen).toEqual([]); // never inside the sync
    });
    await delivered();
    expect(seen).toEqual(['B2:C2', 'D1', 'E1:E9'].map((address) => ({ type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: id, address })));
    expect(workbook.events.errors).toEqual([]);
  });

  it('fires Remote for a co-author\'s edit (FakeWorkbook.remoteEdit), which is applied at once', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']] });
    const { seen } = await watching(excel, 'Data');
    workbook.remoteEdit('Data', 'B1:C1', [['x', '=5']]);
    expect(workbook.sheet('Data').formulas('B1:C1')).toEqual([['x', '=5']]);
    expect(seen).toEqual([]);
    await delivered();
    expect(seen).toEqual([expect.objectContaining({ source: 'Remote', address: 'B1:C1' })]);
    expect(() => workbook.remoteEdit('Data', 'A1:B1', [['only one']])).toThrow(/size/);
  });

  it('registers a handler only at sync, and removes it only at sync (in the context it was added in)', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']] });
    const seen: string[] = [];
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const result = sheet.onChanged.add(async (event) => void seen.push(event.source));
      workbook.remoteEdit('Data', 'A1', [['before the sync']]);
      await delivered();
      expect(seen).toEqual([]);
      await context.sync();
      expect(workbook.events.count('changed')).toBe(1);
      result.remove();
      workbook.remoteEdit('Data', 'A1', [['removal not synced yet']]);
      await delivered();
      expect(seen).toEqual(['Remote']);
      await context.sync();
      expect(workbook.events.count()).toBe(0);
      workbook.remoteEdit('Data', 'A1', [['after the removal']]);
      await delivered();
      expect(seen).toEqual(['Remote']);
    });
  });

  it('keeps handlers after their Excel.run ends; removing one then fails (the fake has no Excel.run(context, batch))', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']] });
    const { seen, result } = await watching(excel, 'Data');
    workbook.remoteEdit('Data', 'A1', [['b']]);
    await delivered();
    expect(seen).toHaveLength(1);
    expect(() => result.remove()).toThrow(/InvalidObjectPath/);
  });

  it('does not call a handler removed between the change and its delivery', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']] });
    const seen: string[] = [];
    await excel.run(async (context) => {
      const handler = async (event: Excel.WorksheetChangedEventArgs) => void seen.push(event.address);
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.onChanged.add(handler);
      await context.sync();
      workbook.remoteEdit('Data', 'A1', [['b']]);
      sheet.onChanged.remove(handler);
      await context.sync();
    });
    await delivered();
    expect(seen).toEqual([]);
  });

  it('fires onAdded for worksheets.add (Local) and FakeWorkbook.remoteAddSheet (Remote)', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']] });
    const seen: Array<{ source: string; worksheetId: string }> = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add(async ({ source, worksheetId }) => void seen.push({ source, worksheetId }));
      await context.sync();
      context.workbook.worksheets.add('Mine');
      await context.sync();
    });
    const theirs = workbook.remoteAddSheet('Theirs', 'VeryHidden');
    await delivered();
    expect(theirs.visibility).toBe('VeryHidden');
    expect(seen).toEqual([{ source: 'Local', worksheetId: workbook.sheet('Mine').id }, { source: 'Remote', worksheetId: theirs.id }]);
  });

  it('delivers nothing while runtime.enableEvents is false, and keeps what a handler throws', async () => {
    const { Excel: excel, workbook } = setup({ Data: [['a']] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').onChanged.add(async () => {
        throw new Error('handler failed');
      });
      await context.sync();
    });
    workbook.enableEvents = false;
    workbook.remoteEdit('Data', 'A1', [['b']]);
    await delivered();
    expect(workbook.events.errors).toEqual([]);
    workbook.enableEvents = true;
    workbook.remoteEdit('Data', 'A1', [['c']]);
    await delivered();
    expect(workbook.events.errors).toEqual([expect.objectContaining({ message: 'handler failed' })]);
  });

  it('needs ExcelApi 1.7', async () => {
    const { Excel: excel } = setup({ Data: [['a']] }, { requirementSets: ['ExcelApi 1.6'] });
    await excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem('Data').onChanged).toThrow(/ApiNotFound.*1\.7/);
      expect(() => context.workbook.worksheets.onAdded).toThrow(/ApiNotFound.*1\.7/);
    });
  });
});
