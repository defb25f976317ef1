import { parseA1Range } from '../../domain/a1';
import { REGISTRY_SHEET, SETTINGS_COLUMN } from '../hiddenSheet';
import type { ExcelHost } from './host';

/** Said in the pane when this Excel cannot tell the add-in that a co-author changed the settings. */
export const WATCH_SKIPPED = 'Không tự cập nhật khi đồng tác giả đổi thiết lập (cần ExcelApi 1.7): bấm Đọc lại sổ.';

export interface SettingsWatch {
  /** Cancels a pending onChange; nothing is called after. */
  stop(): Promise<void>;
  /** Why nothing is watched (Vietnamese, for the pane); absent when the watch is on. */
  skipped?: string;
}

export interface WatchOptions {
  /** Quiet time before onChange, so that a co-author's save (several edits) reads once. Default 300 ms. */
  debounceMs?: number;
}

/** True unless the event's address lies wholly outside the settings columns F:G (an unreadable address counts). */
function touchesSettings(address: string | undefined): boolean {
  const rect = parseA1Range(String(address ?? '').replace(/^.*!/, '').toUpperCase());
  return !rect || (rect.left <= SETTINGS_COLUMN + 1 && rect.right >= SETTINGS_COLUMN);
}

/**
 * Calls onChange when another co-author changes the settings (organisation, column choices) in the
 * hidden "tochuc" sheet (docs/design.md, principle 7), so that the pane reads them again. Only changes
 * whose event source is "Remote" count: this user's own saves already rescan. The calls are
 * debounced; onChange runs outside any Excel batch, and the handlers never show a dialog.
 *
 * Worksheet.onChanged and WorksheetCollection.onAdded need ExcelApi 1.7; without it nothing is
 * watched and `skipped` says so. The sheet does not exist until the first save: onAdded sees it
 * appear (made here or by a co-author) and the watch then moves onto it, in a batch of its own; a
 * co-author's first save counts as a change. No batch is held open: after stop() the handlers stay
 * registered but do nothing (removing them would need their own request context, which ExcelHost
 * does not hand out), and Office drops them when the pane closes.
 */
export async function watchSettings(host: ExcelHost, onChange: () => void, options: WatchOptions = {}): Promise<SettingsWatch> {
  if (!host.isSetSupported('ExcelApi', '1.7')) return { skipped: WATCH_SKIPPED, stop: async () => undefined };
  const debounceMs = options.debounceMs ?? 300;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) onChange();
    }, debounceMs);
  };
  const watched = new Set<string>();

  const onSheetChanged = async (event: Excel.WorksheetChangedEventArgs) => {
    if (event.source === 'Remote' && touchesSettings(event.address)) changed();
  };
  const onSheetAdded = async (event: Excel.WorksheetAddedEventArgs) => {
    if (stopped || watched.has(event.worksheetId)) return;
    const added = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(event.worksheetId);
      sheet.load('name');
      await context.sync();
      if (sheet.name.toLowerCase() !== REGISTRY_SHEET.toLowerCase() || watched.has(event.worksheetId)) return false;
      watched.add(event.worksheetId);
      sheet.onChanged.add(onSheetChanged);
      await context.sync();
      return true;
    }).catch(() => false); // the sheet went again meanwhile: nothing to watch
    // The co-author's first save made the sheet: its cells may have come before this handler.
    if (added && event.source === 'Remote') changed();
  };

  try {
    await host.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const existing = worksheets.getItemOrNullObject(REGISTRY_SHEET);
      existing.load('id');
      worksheets.onAdded.add(onSheetAdded);
      await context.sync();
      if (!existing.isNullObject) {
        watched.add(existing.id);
        existing.onChanged.add(onSheetChanged);
        await context.sync();
      }
    });
  } catch (e) {
    return { skipped: `Không theo dõi được thay đổi của đồng tác giả (${(e as Error).message}): bấm Đọc lại sổ.`, stop: async () => undefined };
  }
  return {
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
