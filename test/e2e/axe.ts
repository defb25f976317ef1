import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AxeResults, ElementContext, ImpactValue, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * The accessibility audit of the browser tests (the task pane's, test/e2e/taskpane.e2e.ts, and the
 * standalone page's, test/e2e/page.e2e.ts): axe-core in each main state, every finding written to a
 * JSON report, and any serious or critical violation failing the run at its end.
 */


/**
 * axe-core's own build, injected into the page as a script (never bundled: a devDependency the pane
 * does not import). Read once.
 */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2 A and AA, and Deque's best practices (landmarks, headings, …). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** What fails the run; moderate and minor ones are written to axe.json and logged. */
const AXE_BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];
/**
 * The whole document (the pane and Fluent's portals) but Tabster's dummy inputs: the empty <i
 * tabindex="0" aria-hidden="true" data-tabster-dummy> that Fluent's focus manager puts around the
 * tab list (arrow-key navigation) to catch Tab and hand focus straight on. aria-hidden-focus flags
 * them (serious), a false positive: they are meant to be focusable and hidden from screen readers,
 * which would otherwise announce them, and they never keep focus (Fluent UI closed it "by design",
 * microsoft/fluentui#27517; Tabster asks checkers to skip them, microsoft/tabster#288). Excluding
 * them leaves the rule on for every other element. docs/decisions.md, "The add-in".
 */
const AXE_EXCLUDE = ['[data-tabster-dummy]'];
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: AXE_TAGS },
  // Only the violations and what axe could not decide are wanted in full.
  resultTypes: ['violations', 'incomplete'],
  // The frames on the page are office.js's hidden ones (its telemetry page), not the pane.
  iframes: false,
};

interface AxeFinding {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  nodes: number;
  /** The first few elements: their CSS selectors and opening HTML. */
  targets: string[];
  html: string[];
  /** axe's reason for the first element. */
  why: string;
}

interface AxeState {
  state: string;
  width: number;
  violations: AxeFinding[];
  /** What axe could not decide (e.g. contrast over a gradient): to look at, never failing. */
  incomplete: AxeFinding[];
}

function findings(results: readonly Result[]): AxeFinding[] {
  return results.map((r) => ({
    id: r.id,
    impact: r.impact,
    help: r.help,
    nodes: r.nodes.length,
    targets: r.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    html: r.nodes.slice(0, 5).map((n) => n.html.slice(0, 300)),
    why: r.nodes[0]?.failureSummary ?? '',
  }));
}

/** The states audited in one run, their findings, and the verdict at the end. */
export class AxeAudit {
  private readonly states: AxeState[] = [];

  constructor(private readonly log: (line: string) => void) {}

  /**
   * Runs axe-core on the page as it is (the whole document: the page and Fluent's portals) and
   * records the state's violations by rule; assertClean fails the run on a serious or critical one.
   */
  async audit(page: Page, state: string): Promise<void> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
    // Not halfway through a transition (an accordion opening): axe would see overlaps and faded text.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
    const t0 = Date.now();
    const results = await page.evaluate(async ({ exclude, options }) => {
      const axe = (window as unknown as { axe: { run(context: ElementContext, options: RunOptions): Promise<AxeResults> } }).axe;
      const r = await axe.run({ exclude: exclude.map((selector) => [selector]) }, options);
      // Only what is needed crosses back (the check data is large). No named function in here:
      // tsx would wrap it in a helper (__name) that the page does not have.
      const [violations, incomplete] = [r.violations, r.incomplete].map((list) => list.map((x) => ({ ...x, nodes: x.nodes.map((n) => ({ ...n, any: [], all: [], none: [] })) })));
      return { violations, incomplete };
    }, { exclude: AXE_EXCLUDE, options: AXE_OPTIONS });
    const entry: AxeState = { state, width: page.viewportSize()?.width ?? 0, violations: findings(results.violations), incomplete: findings(results.incomplete) };
    this.states.push(entry);
    const list = (xs: AxeFinding[]) => xs.map((v) => `${v.id} (${v.impact}, ${v.nodes})`).join(', ') || 'none';
    this.log(`axe ${state}: ${list(entry.violations)}; incomplete: ${list(entry.incomplete)} [${Date.now() - t0} ms]`);
  }

  /** Writes `file` (test-output/e2e/axe*.json): every state audited so far, every impact. */
  write(file: string): void {
    const count = (xs: AxeFinding[]) => xs.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v.id]: (acc[v.id] ?? 0) + v.nodes }), {});
    const byImpact = (xs: AxeFinding[]) => xs.reduce<Record<string, number>>((acc, v) => ({ ...acc, [String(v.impact)]: (acc[String(v.impact)] ?? 0) + v.nodes }), {});
    const report = {
      axeVersion: (JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'), 'utf8')) as { version: string }).version,
      tags: AXE_TAGS,
      blocking: AXE_BLOCKING,
      states: this.states.map((s) => ({ state: s.state, width: s.width, byImpact: byImpact(s.violations), rules: count(s.violations), incompleteRules: count(s.incomplete), violations: s.violations, incomplete: s.incomplete })),
    };
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  }

  /** Fails on any serious or critical violation of any state audited. */
  assertClean(): void {
    const blocking = this.states.flatMap((s) => s.violations.filter((v) => AXE_BLOCKING.includes(v.impact ?? null)).map((v) => `${s.state}: ${v.id} (${v.impact}) ${v.help}: ${v.targets.slice(0, 3).join(' | ')}${v.nodes > 3 ? ` … (${v.nodes} in all)` : ''}`));
    assert.deepEqual(blocking, [], `axe-core found serious or critical violations (test-output/e2e/axe*.json):\n  ${blocking.join('\n  ')}`);
  }
}
