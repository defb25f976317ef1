import { createRoot } from 'react-dom/client';
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

function render(): void {
  const context = officeContext();
  const locale = localeFor(context?.displayLanguage);
  document.documentElement.lang = locale;
  const root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(<App strings={stringsFor(locale)} theme={themeFor(context?.officeTheme)} />);
}

if (typeof Office === 'undefined') render();
else Office.onReady(() => render());
