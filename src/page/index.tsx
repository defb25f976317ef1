import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { OrgDetails } from '../templates/layout';
import { stringsFor, type Locale } from '../taskpane/strings';
import { PageApp } from './PageApp';
import { pageStringsFor } from './pageStrings';

/** Where the organisation details are remembered in this browser (nothing leaves it). */
const ORG_KEY = 'tochuc.org';

function savedOrg(): OrgDetails | undefined {
  try {
    const text = window.localStorage.getItem(ORG_KEY);
    return text ? (JSON.parse(text) as OrgDetails) : undefined;
  } catch {
    return undefined;
  }
}

function saveOrg(org: OrgDetails): void {
  try {
    window.localStorage.setItem(ORG_KEY, JSON.stringify(org));
  } catch {
    // A browser that keeps nothing (private mode, a local copy's file:// origin): the details last the visit.
  }
}

/** The browser's language first, Vietnamese by default; its light or dark scheme, followed as it changes. */
function Root() {
  // Vietnamese first, whatever the browser's language (many offices run an English Chrome); English is a click away.
  const [locale, setLocale] = useState<Locale>('vi');
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  const [isDark, setDark] = useState(dark?.matches ?? false);
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    const scheme = (e: MediaQueryListEvent) => setDark(e.matches);
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    dark?.addEventListener('change', scheme);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      dark?.removeEventListener('change', scheme);
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [dark]);
  const org = savedOrg();
  return (
    <PageApp
      strings={stringsFor(locale)} page={pageStringsFor(locale)} theme={isDark ? webDarkTheme : webLightTheme} online={online}
      {...(org ? { savedOrg: org } : {})} onSaveOrg={saveOrg} onSwitchLanguage={() => setLocale(locale === 'vi' ? 'en' : 'vi')}
    />
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<Root />);

// After the first visit the page and its scripts are kept by the service worker (sw.js, made by the
// build with the list of the page's files), so that a reload without network still works. A local
// copy opened from the disk (file://) has no service worker: it needs none.
if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.hostname === 'localhost' || location.hostname === '127.0.0.1')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch(() => undefined);
  });
}
