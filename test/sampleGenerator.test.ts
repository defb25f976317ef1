/**
 * The sample generator's own bookkeeping: counting the generated grids (with a small reader written
 * here, independent of the generator and of any ingest engine) gives the figures it records; builds
 * are deterministic; the written .xlsx holds the grids; the committed sample and README are current.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import { readSettings } from '../src/workbook/xlsx/settings';
import { foldKey } from '../src/domain/text';
import {
  buildSample, sampleWorkbookBuffer, renderReadme, SAMPLE_PATH, SAMPLE_ORG, README_PATH, REDUCTION_MATRIX, CATEGORIES, FORMS,
  type CellValue, type Sample, type SampleSheet, type CategoryKey, type FormKey,
} from './tools/generateSample';

const sample: Sample = buildSample();
const sheetOf = (kind: SampleSheet['kind']) => sample.sheets.find((s) => s.kind === kind) as SampleSheet;

// ── a deliberately small reader of the sample's layout ──

type Parsed = { iso: string } | { year: number } | { invalid: string } | null;
function parseDate(v: CellValue): Parsed {
  if (v === null) return null;
  if (v instanceof Date) return { iso: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') return v >= 1900 && v <= 2100 ? { year: v } : { invalid: String(v) };
  const t = v.trim();
  if (/^\d{4}$/.test(t)) return { year: Number(t) };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return { invalid: t };
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCDate() !== d || dt.getUTCMonth() !== mo - 1) return { invalid: t };
  return { iso: dt.toISOString().slice(0, 10) };
}
const iso = (v: CellValue): string | null => {
  const p = parseDate(v);
  return p && 'iso' in p ? p.iso : null;
};
const text = (v: CellValue) => (v === null ? '' : foldKey(String(v)));

/** Header row = the first row holding `key`; data rows = rows below it whose STT (column A) is a number or "1.2". */
function table(sheet: SampleSheet, key: string): { col: (header: string) => number; rows: CellValue[][] } {
  const h = sheet.rows.findIndex((r) => r.some((c) => text(c) === foldKey(key)));
  expect(h).toBeGreaterThanOrEqual(0);
  const headers = sheet.rows[h].map(text);
  const sub = sheet.rows[h + 1].map(text);
  const col = (header: string) => {
    const i = headers.indexOf(foldKey(header));
    const j = sub.indexOf(foldKey(header));
    if (i < 0 && j < 0) throw new Error(`no column ${header} in ${sheet.name}`);
    return i >= 0 ? i : j;
  };
  return { col, rows: sheet.rows.slice(h + 1).filter((r) => typeof r[0] === 'number' || /^\d+\.\d+$/.test(String(r[0]))) };
}

const CATEGORY_WORDS: Record<string, CategoryKey> = {
  'can bo': 'canBo', cb: 'canBo', 'cong chuc': 'congChuc', cc: 'congChuc', 'vien chuc': 'vienChuc', vc: 'vienChuc',
  hdld: 'nguoiLaoDong', hd68: 'nguoiLaoDong', 'nguoi lao dong': 'nguoiLaoDong', 'cong chuc cap xa': 'capXa', 'can bo cap xa': 'capXa',
  'nguoi hoat dong khong chuyen trach cap xa': 'khongChuyenTrach',
};
const FORM_WORDS: Record<string, FormKey> = {
  'nghi huu truoc tuoi': 'earlyRetirement', 'thoi viec ngay': 'resignation', 'thoi viec sau khi di hoc nghe': 'resignationAfterTraining',
  'chuyen sang to chuc khong huong luong tu nsnn': 'transferOutsideBudget',
};
const REDUCED_WORDS = ['tinh gian', 'tgbc', 'tinh gian bien che'];

describe('sample generator', () => {
  test('is deterministic and keeps its anchors for other seeds', () => {
    expect(buildSample()).toEqual(sample);
    const other = buildSample(7);
    expect(other.sheets[0].rows).not.toEqual(sample.sheets[0].rows);
    expect(other.figures.reduction.total).toBe(264);
    expect(other.figures.admission.h1_2021).toBe(237);
  });

  test('all text is NFC and names look Vietnamese', () => {
    const notNfc = sample.sheets.flatMap((s) => s.rows.flat()).filter((c) => typeof c === 'string' && c !== c.normalize('NFC'));
    expect(notNfc).toEqual([]);
    const odd = [...sample.truth.staff, ...sample.truth.members].filter((p) => !/^\p{Lu}\p{Ll}*( \p{Lu}\p{Ll}*){2,3}$/u.test(p.fullName));
    expect(odd).toEqual([]);
    const staff = sheetOf('staff');
    for (const p of sample.truth.staff.slice(0, 200)) expect(staff.rows[p.row - 1][1]).toBe(p.fullName);
  });

  test('staff layout: title rows, two-row merged header, repeated header, totals and note', () => {
    const s = sheetOf('staff');
    expect(s.rows[0][0]).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ MÓNG CÁI');
    expect(s.rows[2][0]).toBe('(Tính đến ngày 30/6/2021)');
    expect(s.rows[4].slice(0, 4)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', null]);
    expect(s.rows[5].slice(2, 4)).toEqual(['Nam', 'Nữ']);
    expect(s.rows[6][0]).toBe('(1)');
    expect(s.merges).toEqual(expect.arrayContaining(['C5:D5', 'A5:A6', 'N5:N6']));
    const rep = sample.figures.staff.repeatedHeaderBeforeRow;
    expect(s.rows[rep - 1]).toEqual(s.rows[4]);
    expect(s.merges).toContain(`C${rep}:D${rep}`);
    expect(s.rows[s.rows.length - 2].slice(0, 2)).toEqual(['Tổng cộng', sample.figures.staff.dataRows]);
    expect(String(s.rows[s.rows.length - 1][0])).toMatch(/^Ghi chú:/);
    const { rows, col } = table(s, 'Họ và tên');
    expect(rows.length).toBe(sample.figures.staff.dataRows);
    expect(rows.length).toBeGreaterThanOrEqual(1500);
    // Birth date in exactly one of Nam / Nữ.
    const nam = col('Nam');
    for (const r of rows) expect((r[nam] === null) !== (r[nam + 1] === null)).toBe(true);
  });

  test('counting the staff sheet gives 264 reduced in 2015–2019 with the recorded category × form', () => {
    const { rows, col } = table(sheetOf('staff'), 'Họ và tên');
    const [cStatus, cForm, cLeft, cCat] = [col('Tình trạng'), col('Hình thức tinh giản'), col('Ngày biến động'), col('Đối tượng')];
    const matrix = Object.fromEntries(CATEGORIES.map((c) => [c, Object.fromEntries(FORMS.map((f) => [f, 0]))])) as Record<CategoryKey, Record<FormKey, number>>;
    let total = 0;
    let outside = 0;
    let invalid = 0;
    for (const r of rows) {
      const form = FORM_WORDS[text(r[cForm])];
      const reduced = REDUCED_WORDS.includes(text(r[cStatus])) || form !== undefined;
      if (!reduced) continue;
      const p = parseDate(r[cLeft]);
      if (!p || !('iso' in p)) {
        invalid++;
        continue;
      }
      if (p.iso < '2015-01-01' || p.iso > '2019-12-31') {
        outside++;
        continue;
      }
      total++;
      const cat = CATEGORY_WORDS[text(r[cCat])];
      expect(cat).toBeDefined();
      matrix[cat][form ?? 'unspecified']++;
    }
    expect(total).toBe(264);
    expect(matrix).toEqual(REDUCTION_MATRIX);
    expect(matrix).toEqual(sample.figures.reduction.byCategoryForm);
    expect(outside).toBe(sample.figures.reduction.outsideWindow.total);
    expect(invalid).toBe(1);
    // Ordinary statuses are not reductions.
    const statuses = new Set(rows.map((r) => text(r[cStatus])));
    expect([...statuses].sort()).toEqual(['', 'chuyen cong tac', 'nghi huu', 'tgbc', 'thoi viec', 'tinh gian', 'tinh gian bien che', 'tu tran'].sort());
  });

  test('benefit columns: filled on the 2025 leavers only, every one with its insured time and decision date', () => {
    const { rows, col } = table(sheetOf('staff'), 'Họ và tên');
    const [cFirst, cInsured, cDecision, cDeclared] = [col('Hệ số lương'), col('Thời gian đóng BHXH bắt buộc'), col('Ngày hiệu lực quyết định sắp xếp'), col('Tổng số tiền đơn vị đề nghị')];
    const [cLeft, cForm] = [col('Ngày biến động'), col('Hình thức tinh giản')];
    expect(cFirst).toBe(col('Căn cứ') + 1);
    const filled = rows.filter((r) => r.slice(cFirst, cDeclared + 1).some((v) => v !== null));
    const leavers = rows.filter((r) => (iso(r[cLeft]) ?? '').startsWith('2025'));
    expect(leavers.map((r) => r[1])).toEqual(filled.map((r) => r[1]));
    expect(leavers).toHaveLength(sample.figures.benefits.count);
    for (const r of leavers) {
      expect(FORM_WORDS[text(r[cForm])]).toMatch(/^(earlyRetirement|resignation|resignationAfterTraining)$/);
      expect(r[cInsured]).not.toBeNull();
      expect(iso(r[cDecision])).not.toBeNull();
    }
    expect(leavers.filter((r) => r[cDeclared] !== null)).toHaveLength(sample.figures.benefits.people.filter((p) => p.declaredTotal !== null).length);
  });

  test('active heads and deputies per unit, counted from Chức vụ, are as recorded', () => {
    const { rows, col } = table(sheetOf('staff'), 'Họ và tên');
    const [cUnit, cPos, cStatus] = [col('Đơn vị công tác'), col('Chức vụ'), col('Tình trạng')];
    const heads = ['chanh van phong', 'truong ban', 'chu nhiem', 'giam doc', 'truong phong', 'quyen truong phong', 'chanh thanh tra', 'chu tich', 'chu tich ubnd', 'hieu truong'];
    const count: Record<string, { heads: number; deputies: number }> = {};
    for (const r of rows) {
      if (r[cStatus] !== null || r[cUnit] === null) continue;
      const c = (count[text(r[cUnit])] ??= { heads: 0, deputies: 0 });
      if (heads.includes(text(r[cPos]))) c.heads++;
      if (text(r[cPos]).startsWith('pho ')) c.deputies++;
    }
    for (const u of sample.figures.units) expect({ unit: u.unit, ...(count[foldKey(u.unit)] ?? { heads: 0, deputies: 0 }) }).toEqual({ unit: u.unit, heads: u.heads, deputies: u.deputies });
  });

  test('units: secretariats 35 → Front 21, totals as recorded', () => {
    const { rows, col } = table(sheetOf('units'), 'Đơn vị');
    const [c15, c21, cName] = [col('Biên chế giao năm 2015'), col('Biên chế giao năm 2021'), col('Đơn vị')];
    const num = (v: CellValue) => (typeof v === 'number' ? v : 0);
    const secretariats = rows.filter((r) => r[c21] === null);
    expect(secretariats).toHaveLength(6);
    expect(secretariats.reduce((s, r) => s + num(r[c15]), 0)).toBe(35);
    expect(rows.find((r) => r[cName] === 'Cơ quan chuyên trách MTTQ và các đoàn thể thành phố')?.[c21]).toBe(21);
    expect(rows.reduce((s, r) => s + num(r[c15]), 0)).toBe(sample.figures.quota.baseline);
    expect(rows.reduce((s, r) => s + num(r[c21]), 0)).toBe(sample.figures.quota.current);
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(rows.length).toBeLessThanOrEqual(45);
    // Every staff unit (folded) is a unit of the units sheet.
    const units = new Set(rows.map((r) => text(r[cName])));
    const staff = table(sheetOf('staff'), 'Họ và tên');
    const cUnit = staff.col('Đơn vị công tác');
    for (const r of staff.rows) if (r[cUnit] !== null) expect(units.has(text(r[cUnit]))).toBe(true);
    // The plan's units exist.
    const plan = table(sheetOf('mergerPlan'), 'Đơn vị hiện tại');
    for (const r of plan.rows) {
      expect(units.has(text(r[plan.col('Đơn vị hiện tại')]))).toBe(true);
      expect(units.has(text(r[plan.col('Đơn vị sau sắp xếp')]))).toBe(true);
    }
  });

  test('members: 237 admitted in H1 2021 and the movement balance', () => {
    const { rows, col } = table(sheetOf('members'), 'Họ và tên');
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    const [cJoin, cOff, cStatus, cDate, cCell, cBase] = [col('Ngày vào Đảng'), col('Ngày chính thức'), col('Tình trạng'), col('Ngày biến động'), col('Chi bộ'), col('Đảng bộ cơ sở')];
    const joins = rows.map((r) => iso(r[cJoin]) as string);
    expect(joins.every((j) => j !== null)).toBe(true);
    const inRange = (d: string | null, a: string, b: string) => d !== null && d >= a && d <= b;
    expect(joins.filter((j) => inRange(j, '2021-01-01', '2021-06-30'))).toHaveLength(237);
    expect(joins.filter((j) => inRange(j, '2021-01-01', '2021-03-31'))).toHaveLength(sample.figures.admission.q1_2021);
    expect(rows.filter((r, i) => inRange(joins[i], '2021-01-01', '2021-06-30') && r[cOff] !== null)).toHaveLength(0);
    const kind: Record<string, string> = {
      'chuyen den': 'transferredIn', 'phuc hoi dang tich': 'restored', 'chuyen di': 'transferredOut', 'tu tran': 'deceased',
      'xoa ten': 'removed', 'khai tru': 'expelled', 'xin ra khoi dang': 'resigned', 'mien sinh hoat': 'exempt', '': 'active',
    };
    const leaving = ['transferredOut', 'deceased', 'removed', 'expelled', 'resigned'];
    const ms = rows.map((r, i) => ({ join: joins[i], status: kind[text(r[cStatus])], date: iso(r[cDate]) }));
    expect(ms.every((m) => m.status !== undefined)).toBe(true);
    const activeOn = (m: (typeof ms)[number], d: string) =>
      (m.status === 'transferredIn' || m.status === 'restored' ? (m.date as string) : m.join) <= d && !(leaving.includes(m.status) && (m.date as string) <= d);
    const h1 = sample.figures.members.periods['2021-H1'];
    const n = (s: string) => ms.filter((m) => m.status === s && inRange(m.date, '2021-01-01', '2021-06-30')).length;
    expect({
      start: ms.filter((m) => activeOn(m, '2020-12-31')).length, admitted: 237, transferredIn: n('transferredIn'), restored: n('restored'),
      transferredOut: n('transferredOut'), deceased: n('deceased'), removed: n('removed'), expelled: n('expelled'), resigned: n('resigned'),
      exempt: n('exempt'), end: ms.filter((m) => activeOn(m, '2021-06-30')).length,
    }).toEqual({
      start: h1.start, admitted: h1.admitted, transferredIn: h1.transferredIn, restored: h1.restored, transferredOut: h1.transferredOut,
      deceased: h1.deceased, removed: h1.removed, expelled: h1.expelled, resigned: h1.resigned, exempt: h1.exempt, end: h1.end,
    });
    expect(h1.end).toBe(h1.start + h1.admitted + h1.transferredIn + h1.restored - (h1.transferredOut + h1.deceased + h1.removed + h1.expelled + h1.resigned));
    // Overdue probation at 30/06/2021: active, no official date, 12 months passed.
    const plus12 = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
    const overdue = rows.filter((r, i) => r[cOff] === null && activeOn(ms[i], '2021-06-30') && plus12(joins[i]) <= '2021-06-30');
    expect(overdue).toHaveLength(sample.figures.probation.overdue);
    // Cells and base organisations are names from the orgs sheet.
    const orgs = table(sheetOf('orgs'), 'Tên tổ chức đảng');
    const names = new Set(orgs.rows.map((r) => r[orgs.col('Tên tổ chức đảng')]));
    for (const r of rows) {
      expect(names.has(r[cCell])).toBe(true);
      expect(names.has(r[cBase])).toBe(true);
    }
  });

  test('orgs: 72 cells, 72 on the e-handbook, 3 new in H1 2021, ratings as recorded', () => {
    const { rows, col } = table(sheetOf('orgs'), 'Tên tổ chức đảng');
    const [cLevel, cFounded, cHandbook, c2020] = [col('Cấp'), col('Ngày thành lập'), col('Sổ tay đảng viên điện tử'), col('Xếp loại 2020')];
    const cells = rows.filter((r) => text(r[cLevel]) !== 'dang bo co so');
    expect(cells).toHaveLength(72);
    const yes = (v: CellValue) => ['x', 'co', '1'].includes(text(v)) || String(v).trim() === '✓';
    expect(cells.filter((r) => yes(r[cHandbook]))).toHaveLength(72);
    expect(rows.filter((r) => yes(r[cHandbook]))).toHaveLength(72);
    expect(rows.filter((r) => (iso(r[cFounded]) ?? '') >= '2021-01-01')).toHaveLength(3);
    const rating: Record<string, 'excellent' | 'good' | 'completed' | 'failed'> = {
      htxsnv: 'excellent', httnv: 'good', htnv: 'completed', khtnv: 'failed', 'hoan thanh xuat sac nhiem vu': 'excellent',
      'hoan thanh tot nhiem vu': 'good', 'hoan thanh nhiem vu': 'completed', 'khong hoan thanh nhiem vu': 'failed',
    };
    const base = rows.filter((r) => text(r[cLevel]) !== 'chi bo truc thuoc');
    const counts = { excellent: 0, good: 0, completed: 0, failed: 0, unrated: 0 };
    for (const r of base) counts[r[c2020] === null ? 'unrated' : rating[text(r[c2020])]]++;
    const f = sample.figures.orgs.ratings[2020];
    expect(counts).toEqual({ excellent: f.excellent, good: f.good, completed: f.completed, failed: f.failed, unrated: f.unrated });
    expect(counts.excellent).toBeLessThanOrEqual(0.2 * counts.good);
  });

  test('targets and tasks: plan 450, 229 tasks of 2021 with 206 done', () => {
    const t = table(sheetOf('targets'), 'Chỉ tiêu');
    expect(sheetOf('targets').rows.find((r) => r[0] === 'Kế hoạch kết nạp')?.[t.col('Năm 2021')]).toBe(450);
    const { rows, col } = table(sheetOf('tasks'), 'Nội dung nhiệm vụ');
    const [cYear, cDeadline, cResult] = [col('Năm'), col('Thời hạn'), col('Kết quả')];
    const yearOf = (r: CellValue[]) => (r[cYear] !== null ? Number(r[cYear]) : Number((iso(r[cDeadline]) as string).slice(0, 4)));
    const y2021 = rows.filter((r) => yearOf(r) === 2021);
    expect(y2021).toHaveLength(229);
    expect(y2021.filter((r) => text(r[cResult]).startsWith('hoan thanh'))).toHaveLength(206);
    expect(y2021.filter((r) => text(r[cResult]) === 'hoan thanh qua han')).toHaveLength(sample.figures.tasks[2021].late);
    expect(rows.filter((r) => yearOf(r) === 2020)).toHaveLength(sample.figures.tasks[2020].registered);
  });

  test('the written workbook holds the grids, and the committed sample and README are current', async () => {
    const buf = await sampleWorkbookBuffer(sample);
    expect(buf.length).toBeLessThan(1_000_000);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(sample.sheets.map((s) => s.name));
    // The organisation details of the report header travel in the very hidden settings sheet.
    expect(wb.getWorksheet('tochuc')?.state).toBe('veryHidden');
    expect(readSettings(wb).settings.org).toEqual(SAMPLE_ORG);
    const mismatches: string[] = [];
    for (const s of sample.sheets) {
      const ws = wb.getWorksheet(s.name) as ExcelJS.Worksheet;
      expect([...(ws.model as unknown as { merges: string[] }).merges].sort()).toEqual([...s.merges].sort());
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          // findCell, not getCell: the office-addins lint rules take exceljs' getCell for Office.js' Range.getCell.
          const found = ws.findCell(r + 1, c + 1);
          if (found?.isMerged && found.master.address !== found.address) return;
          const got = (found?.value ?? null) as CellValue;
          const same = v instanceof Date ? got instanceof Date && got.getTime() === v.getTime() && found?.numFmt === 'dd/mm/yyyy' : got === v;
          if (!same) mismatches.push(`${s.name}!R${r + 1}C${c + 1}: wrote ${String(v)}, read ${String(got)}`);
        }),
      );
    }
    expect(mismatches).toEqual([]);
    // `npm run sample` must have been run after the last change to the generator.
    expect(fs.readFileSync(SAMPLE_PATH).equals(buf)).toBe(true);
    expect(fs.readFileSync(README_PATH, 'utf8')).toBe(renderReadme(sample));
  });
});
