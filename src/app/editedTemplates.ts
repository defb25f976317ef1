import type { TemplateSheet } from '../templates/parse';

/** The list a template row repeats into ("{{#each admission.quarters}}…" → "admission.quarters"). */
function eachListOf(cells: TemplateSheet['cells'][number] | undefined): string | undefined {
  for (const cell of cells ?? []) {
    const match = typeof cell?.value === 'string' ? /\{\{#each\s+([^}\s]+)\s*\}\}/.exec(cell.value) : null;
    if (match) return match[1];
  }
  return undefined;
}

/**
 * A template read back from the workbook has no charts (Excel's charts are not template cells):
 * the built-in template's charts go with it, over the edited template's rows of the same list,
 * moved by as many rows as the user moved that list. A chart whose list the user took out is left out.
 */
function withBuiltinCharts(edited: TemplateSheet, builtin: TemplateSheet): TemplateSheet {
  if (!builtin.charts?.length || edited.charts?.length) return edited;
  const charts = builtin.charts.flatMap((chart) => {
    const list = eachListOf(builtin.cells[chart.dataRow]);
    const moved = list === undefined ? -1 : edited.cells.findIndex((cells) => eachListOf(cells) === list);
    if (moved < 0) return [];
    const shift = moved - chart.dataRow;
    return [{ ...chart, dataRow: moved, anchorRow: Math.max(0, chart.anchorRow + shift) }];
  });
  return charts.length ? { ...edited, charts } : edited;
}

/**
 * The built-in templates, each replaced by the user's edited sheet of its name (which keeps the
 * built-in one's charts), and the names of those replaced.
 */
export function withEditedTemplates(builtin: readonly TemplateSheet[], edited: readonly TemplateSheet[]): { templates: TemplateSheet[]; replaced: string[] } {
  const byName = new Map(edited.map((t) => [t.name, t]));
  const replaced: string[] = [];
  const templates = builtin.map((t) => {
    const found = byName.get(t.name);
    if (!found) return t;
    replaced.push(t.name);
    return withBuiltinCharts(found, t);
  });
  return { templates, replaced };
}
