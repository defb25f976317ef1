import { createRoot } from 'react-dom/client';
import type { ExcelHost } from '../workbook/office/executePlan';
import { App } from './App';
import { localeFor, stringsFor } from './strings';
import { themeFor } from './theme';

/** Office's context, or undefined when the page runs outside Office (or office.js did not load). */
function officeContext(): Office.Context | undefined {
  try {
    return typeof Office === 'undefined' ? undefined : Office.context;
  } catch {
    return undefined;
  }
}

/** The real Excel behind the use cases; undefined unless the pane runs inside Excel. */
function excelHost(host: Office.HostType | null | undefined): ExcelHost | undefined {
  if (String(host) !== 'Excel' || typeof Excel === 'undefined') return undefined;
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

function render(host: ExcelHost | undefined): void {
  const context = officeContext();
  const locale = localeFor(context?.displayLanguage);
  document.documentElement.lang = locale;
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<App strings={stringsFor(locale)} theme={themeFor(context?.officeTheme)} {...(host ? { host } : {})} />);
}

if (typeof Office === 'undefined') render(undefined);
else Office.onReady((info) => render(excelHost(info?.host)));
