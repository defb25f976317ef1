/**
 * The task pane under test: the real App in Vietnamese with a fixed clock, in front of an Excel host
 * the test can hold back or make fail, and the queries the state tests share. Texts are looked up
 * through paneTexts('vi') (the pane's strings and the report kinds'), never copied, so a change of wording does not break the tests.
 */
import { webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { dayText } from '../../src/taskpane/formValues';
import { paneTexts } from '../helpers/paneTexts';
import type { ExcelHost } from '../../src/workbook/office/host';

export const vi = paneTexts('vi');
/** The pane's clock: the default period is the year before, 2025. */
export const NOW = new Date('2026-11-22T02:00:00Z');
/** How long a generation on the sample may take in jsdom on a slow machine. */
export const SLOW = { timeout: 60_000 };

export interface HostControl {
  host: ExcelHost;
  /** Excel.run calls so far. */
  readonly runs: number;
  /** Excel.run calls held back right now. */
  readonly waiting: number;
  /** Excel.run calls started and not yet settled (held ones included). */
  readonly active: number;
  /** Resolves once no Excel.run has been under way for `ms` (what the pane reads on open is done). */
  quiet(ms?: number): Promise<void>;
  /** From now on, each Excel.run waits before it starts, until released. */
  hold(): void;
  /** Lets the oldest held-back run go; later ones still wait. */
  releaseOne(): void;
  /** Stops holding and lets every held-back run go. */
  release(): void;
  /** From now on, each Excel.run rejects with this error (undefined: runs work again). */
  failWith(error: Error | undefined): void;
}

/**
 * An ExcelHost in front of another (the strict fake) that works normally until the test says
 * otherwise, so anything the pane reads when it opens is not held or failed by accident.
 */
export function controlledHost(inner: ExcelHost): HostControl {
  let held = false;
  let failure: Error | undefined;
  let runs = 0;
  let active = 0;
  let lastSettled = Date.now();
  const queue: Array<() => void> = [];
  const host: ExcelHost = {
    isSetSupported: (name, version) => inner.isSetSupported(name, version),
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      runs++;
      active++;
      try {
        if (held) await new Promise<void>((resolve) => queue.push(resolve));
        if (failure) throw failure;
        return await inner.run(batch);
      } finally {
        active--;
        lastSettled = Date.now();
      }
    },
  };
  return {
    host,
    get runs() {
      return runs;
    },
    get waiting() {
      return queue.length;
    },
    get active() {
      return active;
    },
    quiet: (ms = 500) => {
      // At least `ms` from now, in case the pane has not started its first read yet.
      lastSettled = Math.max(lastSettled, Date.now());
      return waitFor(() => expect(active === 0 && Date.now() - lastSettled >= ms).toBe(true), SLOW);
    },
    hold: () => void (held = true),
    releaseOne: () => queue.shift()?.(),
    release: () => {
      held = false;
      queue.splice(0).forEach((go) => go());
    },
    failWith: (error) => void (failure = error),
  };
}

/**
 * Renders the pane; with a host, waits until whatever it reads on open is done (the workbook scan)
 * and it can generate, so that a test's hold or failure applies to generating only.
 */
export async function renderPane(control?: HostControl): Promise<ReturnType<typeof render>> {
  const view = render(<App strings={vi} theme={webLightTheme} now={() => NOW} {...(control ? { host: control.host } : {})} />);
  if (control) {
    await control.quiet();
    await waitFor(() => expect(isDisabled(generateButton())).toBe(false), SLOW);
  }
  return view;
}

export const generateButton = () => screen.getByRole('button', { name: vi.generate });
export const cancelButton = () => screen.queryByRole('button', { name: vi.cancel });

/** Disabled for the user: the native attribute or aria-disabled (Fluent's disabledFocusable). */
export function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement).disabled || element.getAttribute('aria-disabled') === 'true';
}

/** Chooses "from – to" as the period and types both days (ISO, as the date inputs hold them). */
export function choosePeriod(from: string, to: string): void {
  fireEvent.change(screen.getByLabelText(vi.periodKind), { target: { value: 'custom' } });
  fireEvent.change(screen.getByLabelText(vi.from), { target: { value: from } });
  fireEvent.change(screen.getByLabelText(vi.to), { target: { value: to } });
  // The picker repeats the period it understood.
  screen.getByText(vi.periodLine(dayText(from), dayText(to)));
}

/** Clicks Generate and waits for the result section ("Đã lập báo cáo"). */
export async function generateAndWait(): Promise<HTMLElement> {
  fireEvent.click(generateButton());
  return screen.findByRole('region', { name: vi.resultTitle }, SLOW);
}

/** The figure shown against a term of the result's figures list (dt → dd). */
export function figure(result: HTMLElement, term: string): string {
  const dt = within(result).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

/** The sheet names the result lists under "Trang tính đã ghi". */
export function listedSheets(result: HTMLElement): string[] {
  const list = within(result).getByText(vi.sheets).nextElementSibling as HTMLElement;
  return within(list).queryAllByRole('listitem').map((li) => li.textContent ?? '');
}

/** A number as the pane writes it (Vietnamese grouping). */
export const num = (n: number) => new Intl.NumberFormat(vi.intl).format(n);
