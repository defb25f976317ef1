import type { MemberRecord, OrgRecord, StaffRecord, TaskRecord, UnitRecord } from '../src/domain/records';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { ingestWorkbook, type WorkbookIngest } from '../src/ingest/ingestWorkbook';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';

/**
 * The bundled sample read through the engine, as `tochuc inspect` and the demo read it. The
 * figures are the ones the generator constructed (assets/samples/README.md).
 */
describe('the bundled sample workbook', () => {
  let book: WorkbookIngest;
  beforeAll(async () => {
    book = ingestWorkbook(await readXlsx(SAMPLE_WORKBOOK));
  });

  it('recognises every sheet with the right kind and mapping', () => {
    const bySheet = Object.fromEntries(book.sheets.map((s) => [s.sheet, s]));
    const fields = (sheet: string) => bySheet[sheet].mapping.map((m) => `${m.field}${m.qualifier !== undefined ? ':' + m.qualifier : ''}`);
    expect(book.sheets.map((s) => [s.sheet, s.kind, s.confidence])).toEqual([
      ['DS CBCCVC', 'staff', 1], ['Bien che', 'units', 1], ['PA sap xep', 'mergerPlan', 1], ['DS dang vien', 'members', 1],
      ['To chuc dang', 'orgs', 1], ['Chi tieu', 'targets', 1], ['Nhiem vu', 'tasks', 1],
    ]);
    expect(fields('DS CBCCVC')).toEqual([
      'fullName', 'birthDate:male', 'birthDate:female', 'unit', 'position', 'category', 'grade', 'qualification', 'partyMember', 'status', 'leftDate', 'reductionForm', 'basis',
      // The benefit columns, filled for the people leaving in 2025 (README, "Benefits (NĐ 178) — worked cases").
      'salaryCoefficient', 'leadershipCoefficient', 'overGradePercent', 'publicServicePercent', 'monthlySalary', 'insuredTime', 'decisionDate', 'declaredTotal',
    ]);
    expect(bySheet['DS CBCCVC'].headerRows).toEqual([5, 6]);
    expect(fields('Bien che')).toEqual(['unit', 'block', 'quota:2015', 'quota:2021', 'maxDeputies', 'note']);
    expect(fields('PA sap xep')).toEqual(['fromUnit', 'toUnit', 'form', 'effectiveDate', 'note']);
    expect(fields('DS dang vien')).toEqual(['fullName', 'birthDate:male', 'birthDate:female', 'ethnicity', 'religion', 'partyCell', 'baseOrg', 'joinDate', 'officialDate', 'status', 'statusDate', 'badgeYears']);
    expect(fields('To chuc dang')).toEqual(['name', 'level', 'parent', 'foundedDate', 'rating:2019', 'rating:2020', 'eHandbook']);
    expect(fields('Chi tieu')).toEqual(['admissionPlan', 'population', 'memberShareTarget', 'goodOrBetterTarget', 'value:2020', 'value:2021']);
    expect(fields('Nhiem vu')).toEqual(['task', 'owner', 'deadline', 'status', 'year']);
  });

  it('reads every data row: a record or an issue at its cell', () => {
    const staff = book.sheets[0];
    // 1,531 data rows: one without a unit is a warning at E180, the rest are records.
    expect(staff.records).toHaveLength(1530);
    expect(staff.issues.filter((i) => i.severity !== 'info').map((i) => `${i.severity} ${i.code} ${i.cell}`)).toEqual(['warning row.missingRequired E180', 'error date.invalid L656']);
    expect(staff.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['row.repeatedHeader', 'row.total', 'row.note']));
    // The one pair the generator drew alike by chance (listed among the README's traps), and no other: members' histories are no duplicates.
    expect(book.issues.filter((i) => i.code.startsWith('person.')).map((i) => `${i.severity} ${i.code} ${i.sheet}!${i.cell}`)).toEqual(['warning person.duplicate DS CBCCVC!B636']);
    expect(book.records.members).toHaveLength(3133);
    expect(book.records.units).toHaveLength(45);
    expect(book.records.mergerPlan).toHaveLength(11);
    expect(book.records.orgs).toHaveLength(82);
    expect(book.records.tasks).toHaveLength(271);
  });

  it('gives the constructed anchor figures to the reports to come', () => {
    const staff = book.records.staff as StaffRecord[];
    const reduced = staff.filter((s) => s.status === 'reduced' && s.leftDate && s.leftDate >= '2015-01-01' && s.leftDate <= '2019-12-31');
    expect(reduced).toHaveLength(264);

    const units = book.records.units as UnitRecord[];
    const secretariats = units.filter((u) => u.note?.startsWith('Đã hợp nhất từ 01/01/2018'));
    expect(secretariats).toHaveLength(6);
    expect(secretariats.reduce((n, u) => n + (u.baselineQuota ?? 0), 0)).toBe(35);
    expect(units.find((u) => u.unit === 'Cơ quan chuyên trách MTTQ và các đoàn thể thành phố')?.currentQuota).toBe(21);

    const members = book.records.members as MemberRecord[];
    expect(members.filter((m) => m.joinDate >= '2021-01-01' && m.joinDate <= '2021-06-30')).toHaveLength(237);
    expect(book.records.targets.find((t) => t.year === 2021)?.admissionPlan).toBe(450);

    const cells = (book.records.orgs as OrgRecord[]).filter((o) => o.level === 'baseCell' || o.level === 'subCell');
    expect(cells).toHaveLength(72);
    expect(cells.filter((c) => c.eHandbook)).toHaveLength(72);
    expect(cells.filter((c) => c.foundedDate && c.foundedDate >= '2021-01-01' && c.foundedDate <= '2021-06-30')).toHaveLength(3);

    const tasks2021 = (book.records.tasks as TaskRecord[]).filter((t) => t.year === 2021);
    expect(tasks2021).toHaveLength(229);
    expect(tasks2021.filter((t) => t.status === 'done' || t.status === 'doneLate')).toHaveLength(206);
  });
});
