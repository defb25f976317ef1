import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExcelHost } from '../workbook/office/host';
import { scanWorkbook, type Scan } from '../workbook/office/scanInExcel';
import { writeSettingsInExcel } from '../workbook/office/settings';
import { watchSettings } from '../workbook/office/watchSettings';
import type { WorkbookSettings } from '../workbook/hiddenSheet';

export interface WorkbookState {
  scan?: Scan;
  scanning: boolean;
  error?: string;
  /** The last save that went through, for the pane to confirm it. */
  saved?: 'mapping' | 'org';
  /** Why a co-author's change of settings is not picked up by itself (an older Excel). */
  watchNote?: string;
}

/** The workbook as the pane knows it: scanned on open and after every saved change of settings. */
export function useWorkbook(host: ExcelHost | undefined) {
  const [state, setState] = useState<WorkbookState>({ scanning: host !== undefined });
  const generation = useRef(0);

  const rescan = useCallback(async (saved?: WorkbookState['saved']) => {
    if (!host) return;
    const mine = ++generation.current;
    setState((s) => ({ ...s, scanning: true, error: undefined }));
    try {
      const scan = await scanWorkbook(host);
      // A later scan (another click, a save) wins over one that finishes after it.
      if (mine === generation.current) setState((s) => ({ scan, scanning: false, ...(saved ? { saved } : {}), ...(s.watchNote ? { watchNote: s.watchNote } : {}) }));
    } catch (e) {
      if (mine === generation.current) setState((s) => ({ ...s, scanning: false, error: (e as Error).message }));
    }
  }, [host]);

  const save = useCallback(async (settings: WorkbookSettings, what: 'mapping' | 'org') => {
    if (!host) return;
    try {
      await writeSettingsInExcel(host, settings);
      await rescan(what);
    } catch (e) {
      setState((s) => ({ ...s, error: (e as Error).message }));
    }
  }, [host, rescan]);

  useEffect(() => {
    void rescan();
  }, [rescan]);

  // A co-author's change of the settings (columns, organisation) rescans; never a dialog from here.
  useEffect(() => {
    if (!host) return;
    let watch: { stop(): Promise<void> } | undefined;
    let gone = false;
    void watchSettings(host, () => void rescan()).then((w) => {
      if (gone) void w.stop().catch(() => undefined);
      else {
        watch = w;
        if (w.skipped) setState((s) => ({ ...s, watchNote: w.skipped }));
      }
    });
    return () => {
      gone = true;
      void watch?.stop().catch(() => undefined);
    };
  }, [host, rescan]);

  return { state, rescan: () => void rescan(), save: (settings: WorkbookSettings, what: 'mapping' | 'org') => void save(settings, what) };
}
