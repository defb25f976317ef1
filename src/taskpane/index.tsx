import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExcelHost } from '../workbook/office/host';
import { App } from './App';
import { localeFor, stringsFor, type Locale } from './strings';
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

/** Office's language first; the pane's switch flips between Vietnamese and English. */
function Root({ host, initial, theme }: { host: ExcelHost | undefined; initial: Locale; theme: ReturnType<typeof themeFor> }) {
  const [locale, setLocale] = useState<Locale>(initial);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <App strings={stringsFor(locale)} theme={theme} {...(host ? { host } : {})} onSwitchLanguage={() => setLocale(locale === 'vi' ? 'en' : 'vi')} />;
}

function render(host: ExcelHost | undefined): void {
  const context = officeContext();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<Root host={host} initial={localeFor(context?.displayLanguage)} theme={themeFor(context?.officeTheme)} />);
}

if (typeof Office === 'undefined') render(undefined);
else Office.onReady((info) => render(excelHost(info?.host)));
