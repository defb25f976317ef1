import { promises as fs } from 'fs';
import os from 'os';
import { reportTemplate, type OrgDetails, type ReportLayout } from '../src/templates/layout';
import { parseTemplate } from '../src/templates/parse';
import { planSheet } from '../src/templates/planner';
import { hasLibreOffice } from './helpers/libreoffice';
import { renderDemo } from './tools/renderReport';

const ORG: OrgDetails = {
  variant: 'state', superiorBody: 'UBND TỈNH QUẢNG NINH', issuingBody: 'UBND THÀNH PHỐ MÓNG CÁI', place: 'Móng Cái', documentNumber: 'Số: 25/BC-UBND',
  signerCapacity: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH', signerName: 'Trần Văn B', recipients: ['- Sở Nội vụ;', '- Lưu: VT, NV.'],
};
const LAYOUT: ReportLayout = {
  org: ORG, title: 'BÁO CÁO', subtitle: 'Kết quả thực hiện tinh giản biên chế', periodLine: '(Từ {{period.from}} đến {{period.to}})', intro: [],
  table: { list: 'rows', totalLabel: 'Cộng', columns: [{ header: 'STT', width: 5, cell: '{{@index}}' }, { header: 'Đơn vị', width: 30, cell: '{{unit}}' }, { header: 'Số người', width: 10, cell: '{{n}}', total: true, align: 'right' }] },
  notes: ['Ghi chú: {{note}}'],
};

describe('built-in layout blocks', () => {
  it('lays out the state header, title, numbered table with totals, notes, signature and recipients', () => {
    const t = reportTemplate(LAYOUT);
    expect(parseTemplate(t).issues).toEqual([]);
    const figures = { org: ORG, reportDate: { day: 2, month: 9, year: 2026 }, period: { from: '2015-01-01', to: '2019-12-31' }, note: 'không', rows: [{ unit: 'Phòng Nội vụ', n: 3 }, { unit: 'Phòng Y tế', n: 2 }] };
    const { sheet, issues } = planSheet(t, figures, { sheetName: 'TGBC', marker: { report: 'reduction', period: '2015-2019', generatedAt: '2026-09-02' } });
    expect(issues).toEqual([]);
    const text = sheet.rows.map((r) => r.map((c) => c?.value ?? c?.formula ?? '').join(' | '));
    expect(text[0]).toContain('UBND TỈNH QUẢNG NINH');
    expect(text[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text[1]).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text[3]).toContain('Móng Cái, ngày 2 tháng 9 năm 2026');
    expect(text.some((l) => l.startsWith('(Từ 01/01/2015 đến 31/12/2019)'))).toBe(true);
    const header = text.findIndex((l) => l.startsWith('STT'));
    expect(text[header + 1]).toBe('(1) | (2) | (3)');
    expect(text[header + 2]).toBe('1 | Phòng Nội vụ | 3');
    expect(text[header + 4]).toBe(` | Cộng | =SUM(C${header + 3}:C${header + 4})`);
    expect(text.join('\n')).toMatch(/Nơi nhận:.*TM\. ỦY BAN NHÂN DÂN/);
    expect(text.join('\n')).toContain('Trần Văn B');
    // The table header is repeated on every printed page; A4 with the decree's margins.
    expect(sheet.page).toMatchObject({ paperSize: 'A4', titleRows: `$${header + 1}:$${header + 2}`, margins: { left: 1.18 } });
    // Times New Roman throughout.
    expect(sheet.styles.every((s) => s.font?.name === 'Times New Roman')).toBe(true);
  });

  it('renders the demo report to a PNG of its first page (LibreOffice → PDF → pdftoppm)', async () => {
    if (!(await hasLibreOffice())) {
      if (process.env.CI) throw new Error('LibreOffice (libreoffice-calc-nogui) is missing: .ci/run installs it.');
      console.warn('LibreOffice not installed here: skipping the render.');
      return;
    }
    const { png } = await renderDemo(os.tmpdir());
    expect((await fs.stat(png)).size).toBeGreaterThan(20_000);
  }, 120000);
});
