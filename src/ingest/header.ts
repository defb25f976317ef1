import type { SheetKind } from '../domain/records';
import { foldKey } from '../domain/text';
import { aliasIndex, KIND_DEFS, type KindDef } from './kinds';
import { cellText, columnIndex, filledTopRows, isBlank, type SheetGrid } from './grid';
import { keepShape } from './keepShape';
import { repairText } from './legacyText';

/** Header text as matched: legacy TCVN3/VNI headers ("Hä vµ tªn") are read as the Unicode they mean. */
function headerText(value: unknown): string {
  return repairText(cellText(value as never).trim()).text;
}

/** A column mapped to a field. `qualifier` is the sex of a split birth-date column or the year of a dated header. */
export interface ColumnMapping {
  field: string;
  col: number;
  header: string;
  qualifier?: 'male' | 'female' | number;
}

export interface HeaderGuess {
  kind: SheetKind;
  /** 0–1: all required fields found gives 0.7, each further field 0.1 up to 1. */
  confidence: number;
  /** First and last header row, 0-based grid rows. */
  headerTop: number;
  headerBottom: number;
  mapping: ColumnMapping[];
  /** Columns that matched a field already taken by an earlier column. */
  duplicates: ColumnMapping[];
  /** Folded header labels, to recognise the header when it is repeated further down. */
  labels: string[];
  /** Each column's header as shown (two-row headers joined), by grid column: what a user picks a column by. */
  columns: string[];
  /** A required field's column and its folded upper label: the quick test for a repeated header. */
  keyCol: number;
  keyLabel: string;
}

/** How far down a header may sit below title rows. */
export const HEADER_SCAN_ROWS = 40;
const YEAR = /\b(1[89]\d\d|2[01]\d\d)\b/;
const SEX_SUFFIX: Array<[string, 'male' | 'female']> = [[' nam', 'male'], [' nu', 'female']];

type LabelMatch = { field: string; qualifier?: 'male' | 'female' | number };

export function matchLabel(def: KindDef, folded: string): LabelMatch | undefined {
  if (!folded) return undefined;
  const index = aliasIndex(def);
  const exact = index.exact.get(folded);
  if (exact) return { field: exact };
  // "Ngày sinh" over "Nam" | "Nữ": the column's date is the birth date, and its sex.
  for (const [suffix, sex] of SEX_SUFFIX) {
    if (folded.endsWith(suffix) && index.exact.get(folded.slice(0, -suffix.length)) === 'birthDate') return { field: 'birthDate', qualifier: sex };
  }
  // The first year prefix the label starts with, then its year: the regular expression runs only on such labels.
  for (const [prefix, field] of index.yearPrefixes) {
    if (!folded.startsWith(prefix)) continue;
    const year = YEAR.exec(folded);
    if (year) return { field, qualifier: Number(year[1]) };
    break;
  }
  for (const [spaced, field] of index.spacedPrefixesByFirst.get(folded.charCodeAt(0)) ?? []) {
    if (folded.startsWith(spaced)) return { field };
  }
  return undefined;
}

/**
 * What header detection works out once per sheet: each top-row cell's header text (legacy text
 * repaired), each folded label and each label's match per kind. detectHeader reads every top row
 * as the upper and as the lower row of a header, against every kind: without this it repaired,
 * folded and matched the same cells up to a dozen times.
 */
class LabelMemo {
  private readonly textsByRow = new Map<unknown[], string[]>();
  private readonly folds = new Map<string, string>();
  private readonly matches = new Map<KindDef, Map<string, LabelMatch | undefined>>();

  constructor(private readonly width: number) {}

  /** headerText of each cell of `row`, up to the scan width. */
  texts(row: unknown[]): string[] {
    let texts = this.textsByRow.get(row);
    if (!texts) {
      texts = [];
      for (let c = 0; c < this.width; c++) texts.push(headerText(row[c]));
      this.textsByRow.set(row, texts);
    }
    return texts;
  }

  fold(text: string): string {
    let folded = this.folds.get(text);
    if (folded === undefined) {
      folded = foldKey(text);
      this.folds.set(text, folded);
    }
    return folded;
  }

  match(def: KindDef, folded: string): LabelMatch | undefined {
    let byLabel = this.matches.get(def);
    if (!byLabel) {
      byLabel = new Map();
      this.matches.set(def, byLabel);
    }
    if (byLabel.has(folded)) return byLabel.get(folded);
    const hit = matchLabel(def, folded);
    byLabel.set(folded, hit);
    return hit;
  }
}

// See keepShape: its class outlives the sheets it reads.
keepShape(new LabelMemo(0));

/**
 * Candidate labels of each column for a header of one or two rows. Two-row headers combine the
 * upper cell with the one below ("Biên chế" + "Năm 2015", "Ngày sinh" + "Nữ"); without merge
 * information an empty upper cell borrows the nearest upper text to its left under which every
 * column has a lower label.
 */
function columnLabels(memo: LabelMemo, top: unknown[], sub: unknown[] | undefined, width: number): Array<{ candidates: string[]; display: string }> {
  const out: Array<{ candidates: string[]; display: string }> = [];
  const uppers = memo.texts(top);
  const lowers = sub ? memo.texts(sub) : undefined;
  for (let c = 0; c < width; c++) {
    const upper = uppers[c];
    if (!sub || !lowers) {
      out.push({ candidates: [memo.fold(upper)], display: upper });
      continue;
    }
    const lower = lowers[c];
    let parent = upper;
    if (!parent && lower) {
      for (let k = c - 1; k >= 0; k--) {
        if (isBlank(sub[k] as never)) break;
        const t = uppers[k];
        if (t) {
          parent = t;
          break;
        }
      }
    }
    if (!lower || lower === parent) out.push({ candidates: [memo.fold(parent)], display: parent });
    else if (!parent) out.push({ candidates: [memo.fold(lower)], display: lower });
    else out.push({ candidates: [memo.fold(parent + ' ' + lower), memo.fold(lower), memo.fold(parent)], display: `${parent} / ${lower}` });
  }
  return out;
}

/** The user's choice of column for a field: a header text or a column letter (`--map unit=E`). */
export interface MappingOverride {
  field: string;
  header: string;
  /** Only this sheet; all sheets when absent. */
  sheet?: string;
}

/** `col` is the sheet's column index (a letter in an override names a sheet column, wherever the used range starts). */
function overrideFor(overrides: readonly MappingOverride[], def: KindDef, label: { candidates: string[]; display: string }, col: number): { field: string } | undefined {
  for (const o of overrides) {
    if (!def.fields.some((f) => f.key === o.field)) continue;
    const wanted = o.header.trim();
    if (/^[A-Z]{1,3}$/.test(wanted) ? columnIndex(wanted) === col : foldKey(wanted) === foldKey(label.display) || label.candidates.includes(foldKey(wanted))) return { field: o.field };
  }
  return undefined;
}

function mapColumns(memo: LabelMemo, def: KindDef, labels: Array<{ candidates: string[]; display: string }>, overrides: readonly MappingOverride[] = [], firstColumn = 0): { mapping: ColumnMapping[]; duplicates: ColumnMapping[] } {
  const mapping: ColumnMapping[] = [];
  const duplicates: ColumnMapping[] = [];
  const taken = new Set<string>();
  const overridden = new Set(overrides.map((o) => o.field));
  // Overridden fields are placed first, so that the automatic match cannot take them.
  labels.forEach((label, col) => {
    const forced = overrideFor(overrides, def, label, col + firstColumn);
    if (forced && !taken.has(forced.field + ':')) {
      taken.add(forced.field + ':');
      mapping.push({ field: forced.field, col, header: label.display });
    }
  });
  labels.forEach((label, col) => {
    if (mapping.some((m) => m.col === col)) return;
    for (const candidate of label.candidates) {
      const hit = memo.match(def, candidate);
      if (hit && overridden.has(hit.field) && taken.has(hit.field + ':')) continue;
      if (!hit) continue;
      const entry: ColumnMapping = { field: hit.field, col, header: label.display, ...(hit.qualifier !== undefined ? { qualifier: hit.qualifier } : {}) };
      const slot = hit.field + ':' + (hit.qualifier ?? '');
      if (taken.has(slot)) duplicates.push(entry);
      else {
        taken.add(slot);
        mapping.push(entry);
      }
      return;
    }
  });
  return { mapping, duplicates };
}

/** Required fields of a kind, as groups of which one field must be present. */
export function requiredGroups(def: KindDef): string[][] {
  const groups = def.fields.filter((f) => f.required).map((f) => [f.key]);
  // Units need a quota column: a dated one or "Biên chế hiện giao".
  if (def.kind === 'units') for (const g of groups) if (g[0] === 'quota') g.push('currentQuota');
  return groups;
}

export function confidenceOf(def: KindDef, mapping: readonly ColumnMapping[]): number {
  const fields = new Set(mapping.map((m) => m.field));
  // One matching cell is no header: a merged title row ("ĐẢNG BỘ THÀNH PHỐ …") can look like one.
  if (fields.size < 2) return 0;
  const groups = requiredGroups(def);
  if (!groups.every((g) => g.some((f) => fields.has(f)))) return 0;
  const required = new Set(groups.flat());
  const extra = [...fields].filter((f) => !required.has(f)).length;
  return Math.min(1, 0.7 + 0.1 * extra);
}

/** Required fields weigh 3, others 1; a split or dated field counts once per column (Nam and Nữ both). */
function score(def: KindDef, mapping: readonly ColumnMapping[]): number {
  const required = new Set(requiredGroups(def).flat());
  let total = 0;
  for (const m of mapping) total += required.has(m.field) ? 3 : 1;
  return total;
}

/**
 * Finds the header: tries every row in the first rows, as a one-row or a two-row header, against
 * every sheet kind (or only `onlyKind`), and keeps the best-scoring guess that has all required fields.
 */
export function detectHeader(grid: SheetGrid, onlyKind?: SheetKind, overrides: readonly MappingOverride[] = []): HeaderGuess | undefined {
  const top = filledTopRows(grid, HEADER_SCAN_ROWS + 1);
  let width = 0;
  for (const row of top) width = Math.max(width, row.length);
  // One object literal, not a copy of one without its score: a copy's hidden class dies between
  // two reports, and the row loop compiled against it with it (see keepShape).
  let best: HeaderGuess | undefined;
  let bestScore = 0;
  const memo = new LabelMemo(width);
  const defs = onlyKind ? KIND_DEFS.filter((d) => d.kind === onlyKind) : KIND_DEFS;
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, top.length); r++) {
    if (top[r].every((v) => isBlank(v))) continue;
    for (const span of [1, 2]) {
      if (span === 2 && r + 1 >= top.length) continue;
      const labels = columnLabels(memo, top[r], span === 2 ? top[r + 1] : undefined, width);
      for (const def of defs) {
        const { mapping, duplicates } = mapColumns(memo, def, labels, overrides, grid.origin?.col ?? 0);
        const confidence = confidenceOf(def, mapping);
        if (confidence === 0) continue;
        const s = score(def, mapping);
        // A two-row header must earn its second row: on a tie the one-row reading wins.
        const better = !best || s > bestScore || (s === bestScore && span < best.headerBottom - best.headerTop + 1);
        if (better) {
          const upper = (col: number) => labels[col].candidates[labels[col].candidates.length - 1];
          const required = new Set(requiredGroups(def).flat());
          const key = mapping.find((m) => required.has(m.field) && upper(m.col)) ?? mapping[0];
          bestScore = s;
          best = {
            kind: def.kind, confidence, headerTop: r, headerBottom: r + span - 1, mapping, duplicates,
            labels: labels.map((l) => l.candidates[l.candidates.length - 1]).filter(Boolean),
            columns: labels.map((l) => l.display),
            keyCol: key.col, keyLabel: upper(key.col),
          };
        }
      }
    }
  }
  return best;
}
