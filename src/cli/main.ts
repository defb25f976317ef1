import { reports } from '../reports';
import { UnreadableWorkbookError } from '../workbook/xlsx/readXlsx';
import { SameNameInputsError } from '../reports/consolidate';
import { demo } from './demo';
import { inspect } from './inspect';
import { OutputRefusedError } from './outputFile';
import { report, template } from './report';
import { UsageError } from './usageError';

export { SAMPLE_WORKBOOK } from './demo';

/** The usage, with a `tochuc report` line for each registered kind. */
function usage(): string {
  return `Cách dùng / Usage:
  tochuc inspect --input book.xlsx [--input more.xlsx …] [--json] [--map field=Header …]
  tochuc demo [--out dir]
${reports.all().map((d) => `  tochuc report ${d.id} ${d.usage}`).join('\n')}
  tochuc template <${reports.ids().join('|')}> --out t.xlsx [--force]   (mẫu có sẵn để sửa / the built-in template, to edit)
  --input: .xlsx, .xls (Excel 97–2003), .ods, .csv/.txt (UTF-8, UTF-16 "Unicode Text", Windows-1258); --out, --template: .xlsx.
  --out không ghi đè tệp đầu vào, cũng không ghi đè tệp không phải báo cáo tochuc (với template: tệp đã có) trừ khi có --force.
  (--out never replaces an input, nor a file that is not a tochuc report, for a template any file, unless --force is given.)`;
}

/** How an unexpected failure begins: the fuzzer (test/tools/fuzz.ts) counts a line starting so as a failure of tochuc's own. */
export const INTERNAL_ERROR = 'Lỗi trong tochuc, không do tệp của bạn';

function firstLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.split('\n')[0].slice(0, 300);
}

/** Problems of the officer's command or files, said in one line with exit 2 (anything else is tochuc's own). */
const OFFICERS = [UsageError, UnreadableWorkbookError, OutputRefusedError, SameNameInputsError];

/** Runs the command line; returns the exit code (0 ok, 1 the report has errors, 2 bad usage or unreadable input). */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect':
        return await inspect(rest, out);
      case 'demo':
        return await demo(rest, out);
      case 'report':
        return await report(rest, usage(), out, err);
      case 'template':
        return await template(rest, usage(), err);
      case undefined:
      case '--help':
      case '-h':
        out(usage());
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Lệnh không rõ "${command}".\n${usage()}`);
    }
  } catch (e) {
    if (OFFICERS.some((kind) => e instanceof kind)) {
      err((e as Error).message);
      return 2;
    }
    // parseArgs throws TypeErrors with a code for unknown options: still a usage problem.
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`${(e as Error).message}\n${usage()}`);
      return 2;
    }
    // Whatever else went wrong is tochuc's fault, not the officer's: one line, no stack trace, and
    // the exit code of an input that could not be handled. TOCHUC_DEBUG=1 gives the stack.
    if (process.env.TOCHUC_DEBUG) throw e;
    err(`${INTERNAL_ERROR}: ${firstLine(e)}. Dữ liệu nguồn không bị thay đổi; hãy gửi tệp đầu vào và dòng này cho người quản trị tochuc.`);
    return 2;
  }
}
