import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/**
 * A LibreOffice profile that recalculates every formula on load: by default it trusts the
 * cached results stored in the file, which a report written by exceljs does not have.
 */
async function profile(): Promise<string> {
  const dir = path.join(os.tmpdir(), 'tochuc-lo-profile');
  const user = path.join(dir, 'user');
  await fs.mkdir(user, { recursive: true });
  await fs.writeFile(path.join(user, 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  return 'file://' + dir;
}

export async function hasLibreOffice(): Promise<boolean> {
  try {
    await run('soffice', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** True when LibreOffice is here; in CI (which installs it) its absence fails the test, elsewhere the render is skipped with a note. */
export async function needLibreOffice(): Promise<boolean> {
  if (await hasLibreOffice()) return true;
  if (process.env.CI) throw new Error('LibreOffice (libreoffice-calc-nogui) is missing: .ci/run installs it.');
  console.warn('LibreOffice not installed here: skipping the render.');
  return false;
}

async function convert(file: string, to: string, outDir: string): Promise<string> {
  await fs.mkdir(outDir, { recursive: true });
  await run('soffice', [`-env:UserInstallation=${await profile()}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file], { timeout: 120000 });
  const ext = to.split(':')[0];
  return path.join(outDir, path.basename(file).replace(/\.xlsx$/, '.' + ext));
}

/**
 * Opens the workbook in LibreOffice, recalculates, and returns its first sheet as CSV rows (UTF-8):
 * each cell as its number format shows it, or with `asShown: false` its plain value.
 */
export async function recalculatedCsv(file: string, { asShown = true } = {}): Promise<string[][]> {
  const csv = await convert(file, `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown}`, path.join(os.tmpdir(), 'tochuc-lo-csv'));
  const text = await fs.readFile(csv, 'utf8');
  return text.trimEnd().split('\n').map(csvFields);
}

/** The fields of a CSV line: a quoted field may hold commas ("52,67%") and doubled quotes. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') field += line[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Renders the workbook to PDF, then its first page to PNG with pdftoppm, for a person to look at. */
export async function renderFirstPage(file: string, outPng: string): Promise<string> {
  const pdf = await convert(file, 'pdf', path.dirname(outPng));
  const base = outPng.replace(/\.png$/, '');
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, base], { timeout: 60000 });
  return base + '.png';
}

/** Renders the whole workbook (every sheet, as printed) to PDF; returns the PDF's path. */
export async function renderPdf(file: string, outDir: string): Promise<string> {
  return convert(file, 'pdf', outDir);
}

/** The text of each page, as laid out (pdftotext separates pages with form feeds). */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-'], { timeout: 60000, maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').slice(0, -1);
}

/** Page sizes in points, [width, height] per page. */
export async function pdfPageSizes(pdf: string): Promise<Array<[number, number]>> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', pdf], { timeout: 60000 });
  return [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** One page of a PDF as PNG, for a person to look at. */
export async function renderPage(pdf: string, page: number, outPng: string): Promise<string> {
  // test-output/ is made on the first run (a fresh checkout has none).
  await fs.mkdir(path.dirname(outPng), { recursive: true });
  const base = outPng.replace(/\.png$/, '');
  await run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, base], { timeout: 60000 });
  return base + '.png';
}
