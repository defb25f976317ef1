/**
 * Mutation fuzzer of the CLI over real workbooks: whatever the file, the CLI keeps its promise.
 *
 * `npx tsx test/tools/fuzz.ts [--seed 20261207] [--cases 250] [--seconds 170] [--jobs 2] [--timeout 20] [--case 17,42] [--dry] [--verbose]`
 *
 * Each case takes one real workbook (the bundled sample assets/samples/mong-cai.xlsx, or one of the
 * small files of test/fixtures/hostile), applies one to three mutations drawn from a PRNG seeded by
 * the seed and the case's number, and runs the CLI on the result as a user would, one process per
 * command: `inspect`, `report reduction --period 2019 --out …` and, for every other case,
 * `report partyQuarterly --period 2021-Q2 --json`. The promise checked for every command:
 * - it exits 0, 1 or 2 (no other code, no signal: a V8 fatal error aborts);
 * - nothing on stderr that a crash prints: no stack frame ("    at …"), no "TypeError: …" dump, no
 *   V8 fatal error or heap report;
 * - with exit 2, stderr is one line (docs/reports.md, 3. The command line: exit codes);
 * - it ends within the timeout (killed after it, a hang);
 * - the input file is unchanged (sha256 before and after);
 * - no internal error: src/cli/main.ts answers an unexpected exception with one line "Lỗi trong
 *   tochuc, không do tệp của bạn: …" and exit 2, which keeps the letter of the promise but is a
 *   crash all the same. The command is run again with TOCHUC_DEBUG=1 to save its stack.
 *
 * The mutations, in three stages:
 * - XML: a part is inflated (fflate), its text changed — DOCTYPE with entities (nested, external,
 *   parameter, undefined), deep nesting, huge attribute values, `_xFFFF_` escapes, characters XML
 *   forbids or bytes UTF-8 forbids, unclosed or mismatched tags, cut text, absurd cell and row
 *   addresses (`r="ZZZZZZ1"`, `r="A99999999"`), negative or huge style indexes, t="s" with absurd
 *   indexes, odd cell types and numbers, absurd dimensions, merges and column ranges, duplicated or
 *   reordered rows, broken workbook, relationships, content types, shared strings and styles, other
 *   encodings, CDATA and comments, other namespaces, absurd formulas — and the parts zipped again
 *   by the small writer below (fflate's zipSync cannot write two entries of one name);
 * - zip: entries duplicated, renamed (backslashes, "../", case), dropped, reordered, with an unknown
 *   compression method, the encryption or data-descriptor flag, junk before or after, or a part
 *   padded with tens of megabytes of spaces (a small zip bomb);
 * - bytes: the file truncated, bytes flipped, a chunk spliced, or a size, offset or count field of a
 *   local header, a central directory entry or the end record set to an absurd value.
 * A case's mutations depend only on the seed and its number: the case list is the same on every run,
 * and only the time bound (`--seconds`, a safety net: the commands still running then are killed and
 * their cases left out, no new case starts) can make a run stop short of `--cases`. Cases run `--jobs` at a time.
 *
 * Every failing case is saved under test-output/fuzz/seed-<seed>/case-<n>/: the mutated workbook
 * (input.xlsx, which the CLI can be run on directly), case.json (the base file, each mutation
 * described, each failing command with its exit and stderr). `--case n` runs that case alone again;
 * `--dry` prints the cases' mutations without running them; `--verbose` each command's exit and first stderr line.
 * The summary groups failures by kind, command and first error line; the exit code is 1 when any
 * case failed.
 */
import { spawn } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { deflateSync, unzipSync } from 'fflate';
import { crc32 } from './corpus/damage';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'cli', 'tochuc.js');
const OUT_DIR = path.join(ROOT, 'test-output', 'fuzz');

/** The inputs and how often each is drawn: the sample (a real office's book, every sheet kind) most, then small hostile fixtures. */
const INPUTS: Array<[string, number]> = [
  ['assets/samples/mong-cai.xlsx', 8],
  ['test/fixtures/hostile/01-empty-workbook.xlsx', 1],
  ['test/fixtures/hostile/04-sparse-row-1048576.xlsx', 1],
  ['test/fixtures/hostile/06-merged-header.xlsx', 2],
  ['test/fixtures/hostile/07-formula-errors.xlsx', 2],
  ['test/fixtures/hostile/08-hyperlinks.xlsx', 2],
  ['test/fixtures/hostile/12-duplicate-person.xlsx', 2],
  ['test/fixtures/hostile/13-dates-1899-2100.xlsx', 2],
];

// ───────────────────────────── seeded choices ─────────────────────────────

/** mulberry32: small, fast, and the same sequence on every platform. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer from lo to hi, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  weighted<T>(xs: ReadonlyArray<readonly [T, number]>): T {
    let x = this.next() * xs.reduce((n, [, w]) => n + w, 0);
    for (const [v, w] of xs) if ((x -= w) < 0) return v;
    return xs[xs.length - 1][0];
  }
}

/** The case's own generator: the seed and the case number mixed (splitmix32), so that case n is the same whatever ran before it. */
function caseRng(seed: number, n: number): Rng {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return new Rng((h ^ (h >>> 16)) >>> 0);
}

// ───────────────────────────── zip parts ─────────────────────────────

interface Part {
  name: string;
  data: Uint8Array;
  /** Whether the bytes written are deflated (otherwise stored as they are). */
  deflate: boolean;
  /** The compression method written in the headers: 8 or 0 as `deflate` says, unless a mutation labels it otherwise. */
  method: number;
  flags: number;
}

interface Zipped {
  parts: Part[];
  /** Bytes before the first local header (a self-extractor's stub) and after the end record. */
  prefix?: Uint8Array;
  suffix?: Uint8Array;
}

/**
 * A zip as Excel writes one (local headers, central directory, end record), but of any parts:
 * names may repeat, methods may be unknown. Deflate at level 1: the fuzzer's time goes to the CLI.
 */
function writeZip({ parts, prefix = new Uint8Array(0), suffix = new Uint8Array(0) }: Zipped): Uint8Array {
  const chunks: Buffer[] = [Buffer.from(prefix)];
  const central: Buffer[] = [];
  let offset = prefix.length;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.deflate ? Buffer.from(deflateSync(p.data, { level: 1 })) : Buffer.from(p.data);
    const method = p.method;
    const crc = crc32(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags | 0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(p.flags | 0x800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(p.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length & 0xffff, 8);
  end.writeUInt16LE(parts.length & 0xffff, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end, Buffer.from(suffix)]);
}

/** A base workbook's parts, in their order, read once. */
function readParts(file: string): Part[] {
  return Object.entries(unzipSync(fs.readFileSync(file))).map(([name, data]) => ({ name, data, deflate: !name.endsWith('/'), method: name.endsWith('/') ? 0 : 8, flags: 0 }));
}

// ───────────────────────────── XML mutations ─────────────────────────────

const utf8 = new TextDecoder('utf-8');
const enc = new TextEncoder();

interface Found {
  at: number;
  text: string;
  groups: string[];
}

/** Up to 100,000 matches of `re` (global), with their offsets. */
function findAll(xml: string, re: RegExp): Found[] {
  const out: Found[] = [];
  for (const m of xml.matchAll(re)) {
    out.push({ at: m.index ?? 0, text: m[0], groups: m.slice(1) });
    if (out.length >= 100_000) break;
  }
  return out;
}

const splice = (s: string, at: number, remove: number, insert: string) => s.slice(0, at) + insert + s.slice(at + remove);
const short = (s: string) => (s.length > 60 ? `${JSON.stringify(s.slice(0, 40))}… (${s.length.toLocaleString('en')} chars)` : JSON.stringify(s));

/** Where text can go: the content of a random text-bearing element (<t>, <v>, <f>), else just after the root's start tag. */
function textSpot(rng: Rng, xml: string): { at: number; len: number; what: string } {
  const nodes = findAll(xml, /<(t|v|f)(?:\s[^>]*)?>([^<]*)<\/\1>/g);
  if (nodes.length) {
    const n = rng.pick(nodes);
    const open = n.text.indexOf('>') + 1;
    return { at: n.at + open, len: n.groups[1].length, what: `<${n.groups[0]}> at ${n.at}` };
  }
  return { at: rootContentStart(xml), len: 0, what: 'root content' };
}

/** The offset just after the root element's start tag (after the declaration and any DOCTYPE). */
function rootContentStart(xml: string): number {
  const m = /<(?![?!])[^>]*>/.exec(xml);
  return m ? m.index + m[0].length : 0;
}

/** Where a DOCTYPE goes: after the XML declaration, or at the start. */
function prologEnd(xml: string): number {
  const m = /^\uFEFF?\s*<\?xml[^>]*\?>/.exec(xml);
  return m ? m[0].length : 0;
}

type XmlResult = { xml: string | Uint8Array; what: string } | undefined;
interface XmlMutation {
  name: string;
  /** Which parts it applies to. */
  parts: RegExp;
  weight: number;
  apply: (rng: Rng, xml: string) => XmlResult;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const ANY_XML = /\.(xml|rels)$/;

/** A random `<c …>` start tag (or empty element) of a sheet, with the match. */
function randomCell(rng: Rng, xml: string, filter?: RegExp): Found | undefined {
  const cells = findAll(xml, /<c\b[^>]*?(?:\/>|>(?:(?!<\/c>)[\s\S])*?<\/c>)/g).filter((c) => !filter || filter.test(c.text));
  return cells.length ? rng.pick(cells) : undefined;
}

/** Sets (or adds) attribute `name` of the start tag at the beginning of `el`. */
function setAttr(el: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=)("[^"]*"|'[^']*')`);
  if (re.test(el)) return el.replace(re, `$1"${value}"`);
  return el.replace(/^<([\w:]+)/, `<$1 ${name}="${value}"`);
}

const ABSURD_CELL_REFS = ['ZZZZZZ1', 'XFE1', 'XFD1048577', 'A99999999', 'A0', 'A-1', '0', '', '1A', 'a1', '$A$1', 'A1:B2', 'A 1', 'AAAAAAAAAAAAAAAAAAAAAAAAA1', 'A1e5', `A${'9'.repeat(30)}`, 'Ａ１', 'A١', 'ZZZZZZ99999999', 'A4294967297', 'XFD1048576', '-A1'];
const ABSURD_ROW_REFS = ['0', '-1', '1048577', '99999999999', '1.5', 'x', '4294967297', '', ' 7', '1e6', '9007199254740993'];
const ABSURD_INDEXES = ['-1', '-2147483649', '65535', '65536', '99999999', '4294967296', '1.5', 'abc', '', '1e3', '0x1', ' 2', 'NaN', '9'.repeat(400)];
const ABSURD_NUMBERS = ['1e308', '-1e308', '1e309', 'NaN', 'Infinity', '-Infinity', '-0', '1e-320', '0x1F', '  12  ', '12,5', '2958466', '2958465.9999999', '-693594', '99999999999999999999', '', '1.2.3', '٣', '१२', '1_000'];

const XML_MUTATIONS: XmlMutation[] = [
  {
    name: 'doctype', parts: ANY_XML, weight: 3,
    apply: (rng, xml) => {
      const kind = rng.pick(['laughs', 'external', 'parameter', 'undefined', 'quadratic', 'dtdOnly'] as const);
      const spot = textSpot(rng, xml);
      let dtd = '';
      let ref = '';
      if (kind === 'laughs') {
        const depth = rng.int(3, 9);
        dtd = '<!ENTITY e0 "lol">' + Array.from({ length: depth }, (_, k) => `<!ENTITY e${k + 1} "${`&e${k};`.repeat(10)}">`).join('');
        ref = `&e${depth};`;
      } else if (kind === 'external') {
        dtd = `<!ENTITY x SYSTEM "${rng.pick(['file:///etc/passwd', 'file:///dev/zero', 'http://127.0.0.1:9/x', '/dev/urandom'])}">`;
        ref = '&x;';
      } else if (kind === 'parameter') {
        dtd = '<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;';
      } else if (kind === 'undefined') {
        ref = rng.pick(['&nope;', '&', '&amp', '&#;', '&#x;', '&lt']);
      } else if (kind === 'quadratic') {
        dtd = `<!ENTITY a "${'x'.repeat(rng.int(10_000, 100_000))}">`;
        ref = '&a;'.repeat(rng.int(100, 2000));
      } else {
        dtd = '<!ELEMENT worksheet ANY><!ATTLIST c r CDATA "ZZZZZZ1">';
      }
      const withRef = ref ? splice(xml, spot.at, spot.len, ref) : xml;
      const out = kind === 'undefined' ? withRef : splice(withRef, prologEnd(withRef), 0, `<!DOCTYPE r [${dtd}]>`);
      return { xml: out, what: `DOCTYPE ${kind}${ref ? `, ${short(ref)} in ${spot.what}` : ''}` };
    },
  },
  {
    name: 'deepNesting', parts: ANY_XML, weight: 2,
    apply: (rng, xml) => {
      const depth = rng.pick([1000, 10_000, 100_000, 1_000_000]);
      const closed = rng.chance(0.7);
      const rows = findAll(xml, /<(row|si|sheetData|sheets|Relationships|Types|cellXfs)\b[^>]*[^/]>/g);
      const at = rows.length ? (() => { const r = rng.pick(rows); return r.at + r.text.length; })() : rootContentStart(xml);
      const tag = rng.pick(['a', 'c', 'row', 'r', 'x:y']);
      return { xml: splice(xml, at, 0, `<${tag}>`.repeat(depth) + (closed ? `</${tag}>`.repeat(depth) : '')), what: `${depth.toLocaleString('en')} nested <${tag}>${closed ? '' : ' never closed'} at ${at}` };
    },
  },
  {
    name: 'hugeAttribute', parts: ANY_XML, weight: 2,
    apply: (rng, xml) => {
      const len = rng.pick([65_536, 1_000_000, 8_000_000]);
      const tags = findAll(xml, /<(?![?!/])[\w:]+\b[^>]*>/g);
      if (!tags.length) return undefined;
      const tag = rng.pick(tags);
      const attrs = findAll(tag.text, /\s([\w:]+)="[^"]*"/g);
      const value = rng.pick(['A', '9', 'é', ' ']).repeat(len);
      const replace = attrs.length > 0 && rng.chance(0.6);
      const name = replace ? rng.pick(attrs).groups[0] : 'x';
      return { xml: splice(xml, tag.at, tag.text.length, setAttr(tag.text, name, value)), what: `attribute ${name}= of ${short(tag.text)} at ${tag.at} set to ${short(value)}` };
    },
  },
  {
    name: 'escapes', parts: /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/, weight: 2,
    apply: (rng, xml) => {
      const spot = textSpot(rng, xml);
      const esc = rng.pick(['_xFFFF_', '_xFFFE_', '_xD800_', '_xDFFF_', '_xD83D__xDE00_', '_x0000_', '_x0008_', '_x001B_', '_x_', '_xGGGG_', '_x00410042_', '_x005F_xFFFF_', '_XFFFF_']);
      const times = rng.pick([1, 1, 3, 10_000]);
      const at = spot.at + rng.int(0, spot.len);
      return { xml: splice(xml, at, 0, esc.repeat(times)), what: `${esc} ×${times} in ${spot.what}` };
    },
  },
  {
    name: 'invalidChars', parts: ANY_XML, weight: 3,
    apply: (rng, xml) => {
      const spot = textSpot(rng, xml);
      const at = spot.at + rng.int(0, spot.len);
      const refs = ['&#0;', '&#1;', '&#xFFFE;', '&#xFFFF;', '&#xD800;', '&#x110000;', '&#99999999999;', '&#x1F;', '&#65;&#x1EA0;'];
      if (rng.chance(0.4)) {
        const ref = rng.pick(refs);
        return { xml: splice(xml, at, 0, ref), what: `character reference ${ref} in ${spot.what}` };
      }
      const bytes: Array<[string, number[]]> = [
        ['NUL', [0]], ['U+0001', [1]], ['U+000B', [0x0b]], ['U+FFFE', [0xef, 0xbf, 0xbe]], ['U+FFFF', [0xef, 0xbf, 0xbf]],
        ['lone surrogate D800', [0xed, 0xa0, 0x80]], ['byte FF', [0xff]], ['overlong NUL C0 80', [0xc0, 0x80]],
        ['cut sequence E1 BB', [0xe1, 0xbb]], ['stray continuation 80', [0x80]], ['5-byte F8 88 80 80 80', [0xf8, 0x88, 0x80, 0x80, 0x80]],
      ];
      const [label, b] = rng.pick(bytes);
      const head = enc.encode(xml.slice(0, at));
      const tail = enc.encode(xml.slice(at));
      const times = rng.pick([1, 1, 100]);
      const ins = new Uint8Array(b.length * times).map((_, i) => b[i % b.length]);
      const out = new Uint8Array(head.length + ins.length + tail.length);
      out.set(head, 0);
      out.set(ins, head.length);
      out.set(tail, head.length + ins.length);
      return { xml: out, what: `raw ${label} ×${times} in ${spot.what}` };
    },
  },
  {
    name: 'unclosed', parts: ANY_XML, weight: 3,
    apply: (rng, xml) => {
      const kind = rng.pick(['dropClose', 'cut', 'strayClose', 'strayOpen', 'mismatch', 'unquoted', 'duplicateAttr', 'rawLt'] as const);
      if (kind === 'cut') {
        const at = rng.int(0, xml.length - 1);
        return { xml: xml.slice(0, at), what: `text cut at ${at} of ${xml.length}` };
      }
      if (kind === 'dropClose' || kind === 'mismatch') {
        const closes = findAll(xml, /<\/[\w:]+>/g);
        if (!closes.length) return undefined;
        const c = rng.pick(closes);
        const into = kind === 'dropClose' ? '' : rng.pick(['</v>', '</c>', '</row>', '</zz>', '</>']);
        return { xml: splice(xml, c.at, c.text.length, into), what: `${c.text} at ${c.at} ${into ? `→ ${into}` : 'removed'}` };
      }
      if (kind === 'unquoted' || kind === 'duplicateAttr') {
        const attrs = findAll(xml, /\s([\w:]+)="([^"]*)"/g);
        if (!attrs.length) return undefined;
        const a = rng.pick(attrs);
        const into = kind === 'unquoted' ? ` ${a.groups[0]}=${a.groups[1] || 'x'}` : `${a.text} ${a.groups[0]}="${rng.pick(['B1', '1', '', 'ZZZZZZ1'])}"`;
        return { xml: splice(xml, a.at, a.text.length, into), what: `${short(a.text.trim())} at ${a.at} → ${short(into.trim())}` };
      }
      const spot = textSpot(rng, xml);
      const ins = kind === 'strayClose' ? rng.pick(['</row>', '</sheetData>', '</c>', '</si>']) : kind === 'strayOpen' ? rng.pick(['<c r="A1">', '<row r="1">', '<si>', '<v>']) : rng.pick(['<', 'a < b', '<1>', '<!', '<![CDATA[']);
      return { xml: splice(xml, spot.at, 0, ins), what: `${short(ins)} inserted in ${spot.what}` };
    },
  },
  {
    name: 'address', parts: SHEET, weight: 6,
    apply: (rng, xml) => {
      if (rng.chance(0.65)) {
        const c = randomCell(rng, xml);
        if (!c) return undefined;
        const ref = rng.chance(0.15) ? undefined : rng.pick(ABSURD_CELL_REFS);
        const el = ref === undefined ? c.text.replace(/\sr="[^"]*"/, '') : setAttr(c.text, 'r', ref);
        return { xml: splice(xml, c.at, c.text.length, el), what: `cell ${short(c.text.slice(0, 40))} at ${c.at}: r ${ref === undefined ? 'removed' : `→ ${short(ref)}`}` };
      }
      const rows = findAll(xml, /<row\b[^>]*>/g);
      if (!rows.length) return undefined;
      const r = rng.pick(rows);
      const what = rng.pick(['r', 'spans'] as const);
      const value = what === 'r' ? rng.pick(ABSURD_ROW_REFS) : rng.pick(['1:99999999', '5:1', '0:0', 'x', '1:16385']);
      return { xml: splice(xml, r.at, r.text.length, setAttr(r.text, what, value)), what: `${short(r.text)} at ${r.at}: ${what} → ${short(value)}` };
    },
  },
  {
    name: 'styleIndex', parts: SHEET, weight: 3,
    apply: (rng, xml) => {
      const c = randomCell(rng, xml);
      if (!c) return undefined;
      const s = rng.pick(ABSURD_INDEXES);
      return { xml: splice(xml, c.at, c.text.length, setAttr(c.text, 's', s)), what: `cell ${short(c.text.slice(0, 40))} at ${c.at}: s → ${short(s)}` };
    },
  },
  {
    name: 'sharedIndex', parts: SHEET, weight: 4,
    apply: (rng, xml) => {
      const c = randomCell(rng, xml, /<v>/);
      if (!c) return undefined;
      const index = rng.pick(ABSURD_INDEXES);
      const el = setAttr(c.text, 't', 's').replace(/<v>[^<]*<\/v>/, `<v>${index}</v>`);
      return { xml: splice(xml, c.at, c.text.length, el), what: `cell ${short(c.text.slice(0, 40))} at ${c.at}: t="s" with index ${short(index)}` };
    },
  },
  {
    name: 'cellType', parts: SHEET, weight: 2,
    apply: (rng, xml) => {
      const c = randomCell(rng, xml);
      if (!c) return undefined;
      const t = rng.pick(['d', 'b', 'e', 'str', 'inlineStr', 'z', '', 'S', 'n', 'shared']);
      let el = setAttr(c.text, 't', t);
      const v = t === 'd' ? rng.pick(['2021-13-45', 'x', '99999-01-01T00:00:00', '', '-0001-01-01', '2021-02-29T25:61:61Z']) : t === 'b' ? rng.pick(['7', 'true', '']) : undefined;
      if (v !== undefined) el = /<v>/.test(el) ? el.replace(/<v>[^<]*<\/v>/, `<v>${v}</v>`) : el.replace(/\/>$/, `><v>${v}</v></c>`);
      return { xml: splice(xml, c.at, c.text.length, el), what: `cell ${short(c.text.slice(0, 40))} at ${c.at}: t → ${short(t)}${v !== undefined ? `, v ${short(v)}` : ''}` };
    },
  },
  {
    name: 'number', parts: SHEET, weight: 2,
    apply: (rng, xml) => {
      const c = randomCell(rng, xml, /<v>/);
      if (!c) return undefined;
      const v = rng.pick(ABSURD_NUMBERS);
      const el = c.text.replace(/\st="[^"]*"/, rng.chance(0.5) ? '' : ' t="n"').replace(/<v>[^<]*<\/v>/, `<v>${v}</v>`);
      return { xml: splice(xml, c.at, c.text.length, el), what: `cell ${short(c.text.slice(0, 40))} at ${c.at}: number ${short(v)}` };
    },
  },
  {
    name: 'ranges', parts: SHEET, weight: 3,
    apply: (rng, xml) => {
      const kind = rng.pick(['dimension', 'merge', 'manyMerges', 'cols', 'hyperlink', 'autoFilter'] as const);
      const ref = rng.pick(['A1:XFD1048576', 'A1:ZZZZZZ99999999', '', 'B2:A1', 'A0:A0', 'XFD1048576', 'A1:A1048576', 'A1:XFD1', '1:1', 'A:A', 'A1:B2:C3', 'A1 B2']);
      const end = xml.lastIndexOf('</sheetData>');
      if (kind === 'dimension') {
        const d = /<dimension\b[^>]*\/>/.exec(xml);
        const el = `<dimension ref="${ref}"/>`;
        return d ? { xml: splice(xml, d.index, d[0].length, el), what: `dimension → ${short(ref)}` } : { xml: splice(xml, rootContentStart(xml), 0, el), what: `dimension ${short(ref)} added` };
      }
      if (kind === 'cols') {
        const col = rng.pick(['<col min="1" max="99999999" width="9"/>', '<col min="5" max="1" width="9"/>', '<col min="0" max="0" width="-1"/>', '<col min="1" max="16384" width="1e308" hidden="1"/>']);
        const at = /<sheetData\b/.exec(xml)?.index ?? rootContentStart(xml);
        return { xml: splice(xml, at, 0, `<cols>${col}</cols>`), what: `cols ${col} added` };
      }
      if (end < 0) return undefined;
      const after = end + '</sheetData>'.length;
      if (kind === 'manyMerges') {
        const n = rng.pick([1000, 50_000]);
        const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="${rng.chance(0.5) ? `A${i + 1}:M${i + 1}` : 'A1:XFD1048576'}"/>`).join('');
        return { xml: splice(xml.replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, ''), after, 0, `<mergeCells count="${n}">${merges}</mergeCells>`), what: `${n} merges (overlapping, some over the whole grid)` };
      }
      if (kind === 'hyperlink') return { xml: splice(xml, after, 0, `<hyperlinks><hyperlink ref="${ref}" location="'x'!A1"/></hyperlinks>`), what: `hyperlink ref ${short(ref)}` };
      if (kind === 'autoFilter') return { xml: splice(xml, after, 0, `<autoFilter ref="${ref}"/>`), what: `autoFilter ref ${short(ref)}` };
      const existing = /<mergeCells\b[^>]*>/.exec(xml);
      if (existing) return { xml: splice(xml, existing.index + existing[0].length, 0, `<mergeCell ref="${ref}"/>`), what: `merge ${short(ref)} added` };
      return { xml: splice(xml, after, 0, `<mergeCells count="${rng.pick(['1', '4294967295', '-1'])}"><mergeCell ref="${ref}"/></mergeCells>`), what: `merge ${short(ref)}` };
    },
  },
  {
    name: 'rows', parts: SHEET, weight: 2,
    apply: (rng, xml) => {
      const rows = findAll(xml, /<row\b[^>]*>[\s\S]*?<\/row>/g);
      if (!rows.length) return undefined;
      const r = rng.pick(rows);
      const kind = rng.pick(['duplicate', 'earlier', 'reverse'] as const);
      if (kind === 'duplicate') {
        const n = rng.pick([2, 100, 5000]);
        return { xml: splice(xml, r.at, 0, r.text.repeat(n - 1)), what: `row at ${r.at} (${short(r.text.slice(0, 30))}) ×${n}, same r` };
      }
      if (kind === 'earlier') {
        const into = setAttr(r.text.replace(/(<c\b[^>]*?\sr=")([A-Z]+)\d+"/g, '$1$21"'), 'r', '1');
        return { xml: splice(xml, r.at, r.text.length, into), what: `row at ${r.at} renumbered 1 (after later rows), its cells too` };
      }
      const i = rows.indexOf(r);
      const window = rows.slice(i, i + rng.int(2, 50));
      const from = window[0].at;
      const to = window[window.length - 1].at + window[window.length - 1].text.length;
      return { xml: splice(xml, from, to - from, window.map((w) => w.text).reverse().join('')), what: `${window.length} rows from ${from} in reverse order` };
    },
  },
  {
    name: 'workbook', parts: /^xl\/workbook\.xml$/, weight: 3,
    apply: (rng, xml) => {
      const sheets = findAll(xml, /<sheet\b[^>]*\/>/g);
      const kind = rng.pick(['duplicate', 'name', 'rid', 'sheetId', 'noSheets', 'date1904', 'definedName', 'hidden'] as const);
      if (kind === 'date1904') {
        const v = rng.pick(['1', 'true', 'yes', '2']);
        const pr = /<workbookPr\b[^>]*\/>/.exec(xml);
        return pr ? { xml: splice(xml, pr.index, pr[0].length, setAttr(pr[0], 'date1904', v)), what: `date1904="${v}"` } : { xml: splice(xml, rootContentStart(xml), 0, `<workbookPr date1904="${v}"/>`), what: `workbookPr date1904="${v}" added` };
      }
      if (kind === 'definedName') {
        const body = rng.pick(['x'.repeat(100_000), `'DS'!$A$1:$XFD$1048576`, '#REF!', `'${'a'.repeat(300)}'!A1`]);
        const at = xml.indexOf('</workbook>');
        if (at < 0) return undefined;
        return { xml: splice(xml, at, 0, `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="99999">${body}</definedName></definedNames>`), what: `definedName ${short(body)}` };
      }
      if (kind === 'noSheets') return { xml: xml.replace(/<sheet\b[^>]*\/>/g, ''), what: 'every <sheet> removed' };
      if (!sheets.length) return undefined;
      const s = rng.pick(sheets);
      if (kind === 'duplicate') return { xml: splice(xml, s.at, 0, s.text), what: `${short(s.text)} twice` };
      if (kind === 'hidden') return { xml: xml.replace(/<sheet\b/g, '<sheet state="veryHidden"'), what: 'every sheet veryHidden' };
      const attr = kind === 'name' ? 'name' : kind === 'rid' ? 'r:id' : 'sheetId';
      const v = kind === 'name' ? rng.pick(['', 'a'.repeat(300), 'x/y:z*?[]', sheets[0].text.match(/name="([^"]*)"/)?.[1] ?? 'Sheet1', 'History']) : kind === 'rid' ? rng.pick(['rId999', '', 'rId1']) : rng.pick(['0', '-1', '4294967296', 'x']);
      return { xml: splice(xml, s.at, s.text.length, setAttr(s.text, attr, v)), what: `${short(s.text)}: ${attr} → ${short(v)}` };
    },
  },
  {
    name: 'rels', parts: /\.rels$/, weight: 2,
    apply: (rng, xml) => {
      const rels = findAll(xml, /<Relationship\b[^>]*\/>/g);
      if (!rels.length) return undefined;
      const r = rng.pick(rels);
      const kind = rng.pick(['target', 'remove', 'duplicateId', 'external'] as const);
      if (kind === 'remove') return { xml: splice(xml, r.at, r.text.length, ''), what: `${short(r.text)} removed` };
      if (kind === 'external') return { xml: splice(xml, r.at, r.text.length, setAttr(r.text, 'TargetMode', 'External')), what: `${short(r.text)} TargetMode="External"` };
      if (kind === 'duplicateId') {
        const other = rng.pick(rels);
        const id = /Id="([^"]*)"/.exec(other.text)?.[1] ?? 'rId1';
        return { xml: splice(xml, r.at, r.text.length, setAttr(r.text, 'Id', id)), what: `${short(r.text)}: Id → ${id}` };
      }
      const target = rng.pick(['../../../../etc/passwd', '/xl/worksheets/none.xml', 'http://127.0.0.1:9/x.xml', 'worksheets\\sheet1.xml', 'worksheets/sheet1.xml#x', '', 'worksheets/%73heet1.xml', 'worksheets/sheet1.xml', '/dev/zero', 'worksheets/', '.']);
      return { xml: splice(xml, r.at, r.text.length, setAttr(r.text, 'Target', target)), what: `${short(r.text)}: Target → ${short(target)}` };
    },
  },
  {
    name: 'contentTypes', parts: /^\[Content_Types\]\.xml$/, weight: 1,
    apply: (rng, xml) => {
      const overrides = findAll(xml, /<(Override|Default)\b[^>]*\/>/g);
      const kind = rng.pick(['remove', 'garbage', 'empty', 'strict'] as const);
      if (kind === 'empty') return { xml: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', what: 'no content types' };
      if (kind === 'strict') return { xml: xml.replace(/application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/, 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'), what: 'workbook as macro-enabled' };
      if (!overrides.length) return undefined;
      const o = rng.pick(overrides);
      if (kind === 'remove') return { xml: splice(xml, o.at, o.text.length, ''), what: `${short(o.text)} removed` };
      return { xml: splice(xml, o.at, o.text.length, setAttr(o.text, 'ContentType', 'x/y')), what: `${short(o.text)}: ContentType → x/y` };
    },
  },
  {
    name: 'sharedStrings', parts: /^xl\/sharedStrings\.xml$/, weight: 3,
    apply: (rng, xml) => {
      const si = findAll(xml, /<si>[\s\S]*?<\/si>/g);
      const kind = rng.pick(['count', 'remove', 'runs', 'long', 'empty', 'nested', 'phonetic'] as const);
      if (kind === 'count') {
        const v = rng.pick(['4294967295', '-1', 'x', '0', '99999999999']);
        return { xml: xml.replace(/(<sst\b[^>]*?)\s(count|uniqueCount)="[^"]*"/, `$1 $2="${v}"`), what: `sst count → ${v}` };
      }
      if (!si.length) return undefined;
      const s = rng.pick(si);
      if (kind === 'remove') {
        const n = rng.pick([1, 1, 50]);
        const i = si.indexOf(s);
        const gone = si.slice(i, i + n);
        const to = gone[gone.length - 1].at + gone[gone.length - 1].text.length;
        return { xml: splice(xml, s.at, to - s.at, ''), what: `${gone.length} <si> removed from index ${i} (later indexes shift)` };
      }
      const into = kind === 'runs' ? `<si>${'<r><rPr><b/></rPr><t>ạ</t></r>'.repeat(rng.pick([1000, 100_000]))}</si>`
        : kind === 'long' ? `<si><t>${rng.pick(['Nguyễn ', 'x', '1']).repeat(rng.pick([5000, 40_000, 2_000_000]))}</t></si>`
          : kind === 'empty' ? rng.pick(['<si/>', '<si></si>', '<si><t/></si>', '<si><r/></si>'])
            : kind === 'nested' ? '<si><t>a<b>c</b>d</t><t>second</t></si>'
              : `<si><t>Nguyễn Văn A</t><rPh sb="0" eb="1"><t>${'ふ'.repeat(10_000)}</t></rPh></si>`;
      return { xml: splice(xml, s.at, s.text.length, into), what: `<si> at index ${si.indexOf(s)} → ${short(into)}` };
    },
  },
  {
    name: 'styles', parts: /^xl\/styles\.xml$/, weight: 2,
    apply: (rng, xml) => {
      const kind = rng.pick(['formatCode', 'numFmtId', 'count', 'noXfs', 'manyXfs'] as const);
      if (kind === 'formatCode') {
        const code = rng.pick(['', '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', 'd'.repeat(10_000), '[Red][<0]0;;;@', '"', '\\', 'yyyy-mm-dd;@;@;@;@;@', '[h]:mm:ss', 'dd/mm/yyyy'.repeat(1000), '[$-42A]d/m/yyyy']);
        const id = rng.pick(['164', '14', '-1', '99999999']);
        const fmt = `<numFmt numFmtId="${id}" formatCode="${code}"/>`;
        const at = /<numFmts\b[^>]*>/.exec(xml);
        const withFmt = at ? splice(xml, at.index + at[0].length, 0, fmt) : splice(xml, rootContentStart(xml), 0, `<numFmts count="1">${fmt}</numFmts>`);
        const xf = findAll(withFmt, /<xf\b[^>]*?numFmtId="[^"]*"/g);
        if (!xf.length) return { xml: withFmt, what: `numFmt ${id} ${short(code)}` };
        const x = rng.pick(xf);
        return { xml: splice(withFmt, x.at, x.text.length, x.text.replace(/numFmtId="[^"]*"/, `numFmtId="${id}" applyNumberFormat="1"`)), what: `numFmt ${id} ${short(code)} used by an xf` };
      }
      if (kind === 'numFmtId') {
        const xf = findAll(xml, /numFmtId="[^"]*"/g);
        if (!xf.length) return undefined;
        const x = rng.pick(xf);
        const id = rng.pick(['-1', '999999', 'x', '', '4294967296']);
        return { xml: splice(xml, x.at, x.text.length, `numFmtId="${id}"`), what: `a numFmtId → ${short(id)}` };
      }
      if (kind === 'count') return { xml: xml.replace(/(<cellXfs\b[^>]*?)count="[^"]*"/, `$1count="${rng.pick(['4294967295', '0', '-1'])}"`), what: 'cellXfs count absurd' };
      if (kind === 'noXfs') return { xml: xml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, '<cellXfs count="0"/>'), what: 'cellXfs emptied' };
      const n = 100_000;
      return { xml: xml.replace(/<cellXfs\b([^>]*)>/, `<cellXfs$1>${'<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'.repeat(n)}`), what: `${n} xfs added at the start of cellXfs (every index shifts)` };
    },
  },
  {
    name: 'encoding', parts: ANY_XML, weight: 2,
    apply: (rng, xml) => {
      const kind = rng.pick(['declaration', 'bom', 'utf16', 'none', 'second', 'leadingSpace'] as const);
      const decl = /^\uFEFF?\s*<\?xml[^>]*\?>/.exec(xml);
      const body = decl ? xml.slice(decl[0].length) : xml;
      if (kind === 'declaration') {
        const d = rng.pick(['<?xml version="1.0" encoding="UTF-16"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="windows-1258"?>', '<?xml version="1.1"?>', '<?xml version="2.0"?>', '<?xml version="1.0" standalone="maybe"?>', '<?xml encoding="x"?>']);
        return { xml: d + body, what: `declaration ${d}` };
      }
      if (kind === 'none') return { xml: body, what: 'no XML declaration' };
      if (kind === 'second') return { xml: splice(xml, rootContentStart(xml), 0, '<?xml version="1.0" encoding="UTF-8"?>'), what: 'a second XML declaration inside the root' };
      if (kind === 'leadingSpace') return { xml: '\n  ' + xml, what: 'white space before the declaration' };
      if (kind === 'bom') {
        const b = rng.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]]);
        const rest = enc.encode(xml.replace(/^\uFEFF/, ''));
        const out = new Uint8Array(b.length + rest.length);
        out.set(b, 0);
        out.set(rest, b.length);
        return { xml: out, what: `byte order mark ${b.map((x) => x.toString(16)).join(' ')} prepended` };
      }
      // The whole part in UTF-16LE with its BOM and a matching declaration: well-formed XML that few readers expect.
      const text = '\uFEFF<?xml version="1.0" encoding="UTF-16"?>' + body;
      return { xml: new Uint8Array(Buffer.from(text, 'utf16le')), what: 'part transcoded to UTF-16LE with BOM' };
    },
  },
  {
    name: 'markup', parts: /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/, weight: 2,
    apply: (rng, xml) => {
      const spot = textSpot(rng, xml);
      const content = xml.slice(spot.at, spot.at + spot.len);
      const into = rng.pick([
        `<![CDATA[${content}]]>`, `${content}<!-- chú thích -->`, `<!--x-->${content}`, `${content}<?pi data?>`, `&amp;${content}&lt;`,
        `<foo:bar xmlns:foo="urn:x"/>${content}`, `${content}<![CDATA[]]>`, `<extLst>${'<ext uri="x"/>'.repeat(1000)}</extLst>${content}`,
      ]);
      return { xml: splice(xml, spot.at, spot.len, into), what: `${spot.what} → ${short(into)}` };
    },
  },
  {
    name: 'namespace', parts: ANY_XML, weight: 1,
    apply: (rng, xml) => {
      const kind = rng.pick(['strict', 'remove', 'bogus', 'prefixRoot'] as const);
      if (kind === 'strict') return { xml: xml.replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main'), what: 'Strict namespace' };
      if (kind === 'remove') return { xml: xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, ''), what: 'every namespace declaration removed' };
      if (kind === 'bogus') return { xml: xml.replace(/\sxmlns="[^"]*"/, ' xmlns="urn:nothing"'), what: 'default namespace urn:nothing' };
      const root = /<(?![?!])([\w]+)\b/.exec(xml);
      if (!root) return undefined;
      return { xml: xml.replace(new RegExp(`<${root[1]}\\b`), `<x:${root[1]} xmlns:x="urn:other"`), what: `root <${root[1]}> given another prefix, its end tag not` };
    },
  },
  {
    name: 'formula', parts: SHEET, weight: 2,
    apply: (rng, xml) => {
      const c = randomCell(rng, xml);
      if (!c) return undefined;
      const f = rng.pick([
        `<f>${'('.repeat(100_000)}1${')'.repeat(100_000)}</f>`, '<f t="shared" si="4294967295" ref="A1:XFD1048576"/>', '<f t="shared" si="0"/>',
        '<f t="array" ref="ZZZZZZ1:A0">1</f>', '<f>SUM(A1:XFD1048576)</f>', `<f>${'A1+'.repeat(20_000)}1</f>`, '<f t="dataTable" ref="A1:B2" dt2D="1" r1="ZZZZZZ1"/>',
      ]);
      const plain = c.text.replace(/<f\b[^>]*(?:\/>|>[^<]*<\/f>)/, '');
      const el = plain.endsWith('/>') ? plain.replace(/\/>$/, `>${f}</c>`) : plain.replace(/^(<c\b[^>]*>)/, `$1${f}`);
      return { xml: splice(xml, c.at, c.text.length, el), what: `cell at ${c.at}: ${short(f)}` };
    },
  },
];

// ───────────────────────────── zip and byte mutations ─────────────────────────────

interface ZipMutation {
  name: string;
  weight: number;
  apply: (rng: Rng, zip: Zipped) => string | undefined;
}

const ESSENTIAL = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/[^/]+\.xml)$/;
const filesOf = (zip: Zipped) => zip.parts.filter((p) => !p.name.endsWith('/'));
const essentialOf = (zip: Zipped) => filesOf(zip).filter((p) => ESSENTIAL.test(p.name));

const ZIP_MUTATIONS: ZipMutation[] = [
  {
    name: 'duplicate', weight: 3,
    apply: (rng, zip) => {
      const p = rng.pick(essentialOf(zip));
      const kind = rng.pick(['same', 'empty', 'other', 'cut'] as const);
      const other = rng.pick(filesOf(zip));
      const data = kind === 'same' ? p.data : kind === 'empty' ? new Uint8Array(0) : kind === 'other' ? other.data : p.data.slice(0, p.data.length >> 1);
      const copy: Part = { ...p, data };
      const first = rng.chance(0.5);
      zip.parts.splice(zip.parts.indexOf(p) + (first ? 0 : 1), 0, copy);
      return `entry ${p.name} twice, the ${first ? 'first' : 'second'} ${kind === 'same' ? 'identical' : kind === 'empty' ? 'empty' : kind === 'other' ? `holding ${other.name}` : 'cut in half'}`;
    },
  },
  {
    name: 'rename', weight: 3,
    apply: (rng, zip) => {
      const p = rng.pick(essentialOf(zip));
      const old = p.name;
      const kind = rng.pick(['backslash', 'upper', 'slash', 'dot', 'parent', 'trailing', 'nul', 'long', 'swap'] as const);
      if (kind === 'swap') {
        const q = rng.pick(essentialOf(zip));
        [p.name, q.name] = [q.name, p.name];
        return `entries ${old} and ${q.name === old ? p.name : q.name} swap names`;
      }
      p.name = kind === 'backslash' ? old.replace(/\//g, '\\') : kind === 'upper' ? old.toUpperCase() : kind === 'slash' ? `/${old}` : kind === 'dot' ? `./${old}` : kind === 'parent' ? `../${old}` : kind === 'trailing' ? `${old} ` : kind === 'nul' ? `${old}\0.txt` : `${'d/'.repeat(150)}${old}`;
      return `entry ${old} renamed ${JSON.stringify(p.name.slice(0, 80))}`;
    },
  },
  {
    name: 'drop', weight: 2,
    apply: (rng, zip) => {
      const p = rng.pick(essentialOf(zip));
      zip.parts.splice(zip.parts.indexOf(p), 1);
      return `entry ${p.name} removed`;
    },
  },
  {
    name: 'method', weight: 2,
    apply: (rng, zip) => {
      const p = rng.pick(essentialOf(zip));
      const kind = rng.pick(['unknown', 'storedDeflated', 'deflateStored'] as const);
      if (kind === 'unknown') {
        p.method = rng.pick([1, 6, 9, 12, 14, 93, 95, 98, 99, 65535]);
        return `entry ${p.name} deflated, labelled compression method ${p.method}`;
      }
      if (kind === 'storedDeflated') {
        p.method = 0;
        return `entry ${p.name} deflated but labelled stored`;
      }
      p.deflate = false;
      p.method = 8;
      return `entry ${p.name} stored but labelled deflate`;
    },
  },
  {
    name: 'flags', weight: 1,
    apply: (rng, zip) => {
      const p = rng.pick(essentialOf(zip));
      const bit = rng.pick([1, 8, 64, 0x2000]);
      p.flags |= bit;
      return `entry ${p.name} general-purpose flag 0x${bit.toString(16)} (${{ 1: 'encrypted', 8: 'data descriptor', 64: 'strong encryption', 0x2000: 'masked header' }[bit]})`;
    },
  },
  {
    name: 'order', weight: 1,
    apply: (rng, zip) => {
      for (let i = zip.parts.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [zip.parts[i], zip.parts[j]] = [zip.parts[j], zip.parts[i]];
      }
      return 'entries shuffled';
    },
  },
  {
    name: 'junk', weight: 1,
    apply: (rng, zip) => {
      const junk = new Uint8Array(rng.pick([1, 1024, 70_000])).map(() => rng.int(0, 255));
      if (rng.chance(0.5)) zip.prefix = junk;
      else zip.suffix = junk;
      return `${junk.length} random bytes ${zip.prefix === junk ? 'before the first entry' : 'after the end record'}`;
    },
  },
  {
    name: 'padding', weight: 1,
    apply: (rng, zip) => {
      const sheets = filesOf(zip).filter((p) => SHEET.test(p.name));
      if (!sheets.length) return undefined;
      const p = rng.pick(sheets);
      const mb = rng.pick([8, 32, 96]);
      const text = utf8.decode(p.data);
      const at = Math.max(0, text.indexOf('<sheetData'));
      const head = enc.encode(text.slice(0, at));
      const tail = enc.encode(text.slice(at));
      const out = new Uint8Array(head.length + mb * 1024 * 1024 + tail.length);
      out.set(head, 0);
      out.fill(0x20, head.length, head.length + mb * 1024 * 1024);
      out.set(tail, out.length - tail.length);
      p.data = out;
      return `entry ${p.name} padded with ${mb} MB of spaces (inflates ~1000:1)`;
    },
  },
];

/** Fields of the zip records, by offset within their record: [name, offset, bytes]. */
const LOCAL_FIELDS: Array<[string, number, number]> = [['method', 8, 2], ['flags', 6, 2], ['crc', 14, 4], ['compressed size', 18, 4], ['size', 22, 4], ['name length', 26, 2], ['extra length', 28, 2]];
const CENTRAL_FIELDS: Array<[string, number, number]> = [['method', 10, 2], ['flags', 8, 2], ['compressed size', 20, 4], ['size', 24, 4], ['name length', 28, 2], ['extra length', 30, 2], ['comment length', 32, 2], ['disk', 34, 2], ['local header offset', 42, 4]];
const END_FIELDS: Array<[string, number, number]> = [['disk', 4, 2], ['entries on disk', 8, 2], ['entries', 10, 2], ['directory size', 12, 4], ['directory offset', 16, 4], ['comment length', 20, 2]];

function signatures(bytes: Uint8Array, sig: number): number[] {
  const out: number[] = [];
  const b0 = sig & 0xff, b1 = (sig >>> 8) & 0xff, b2 = (sig >>> 16) & 0xff, b3 = sig >>> 24;
  for (let i = 0; i + 4 <= bytes.length; i++) if (bytes[i] === b0 && bytes[i + 1] === b1 && bytes[i + 2] === b2 && bytes[i + 3] === b3) out.push(i);
  return out;
}

type ByteMutation = { name: string; weight: number; apply: (rng: Rng, b: Uint8Array) => { bytes: Uint8Array; what: string } | undefined };

const BYTE_MUTATIONS: ByteMutation[] = [
  {
    name: 'truncate', weight: 3,
    apply: (rng, b) => {
      const where = rng.pick(['tail', 'any', 'head'] as const);
      const at = where === 'tail' ? Math.max(0, b.length - rng.int(1, 200)) : where === 'head' ? rng.int(0, 64) : rng.int(0, b.length - 1);
      return { bytes: b.slice(0, at), what: `truncated at ${at} of ${b.length}` };
    },
  },
  {
    name: 'flip', weight: 3,
    apply: (rng, b) => {
      const out = b.slice();
      const n = rng.pick([1, 2, 8, 32]);
      const at: number[] = [];
      for (let i = 0; i < n; i++) {
        const p = rng.int(0, out.length - 1);
        out[p] = rng.pick([0, 0xff, out[p] ^ rng.int(1, 255)]);
        at.push(p);
      }
      return { bytes: out, what: `${n} bytes changed at ${at.slice(0, 8).join(', ')}${n > 8 ? ', …' : ''}` };
    },
  },
  {
    name: 'splice', weight: 1,
    apply: (rng, b) => {
      const len = rng.int(1, Math.min(4096, b.length));
      const from = rng.int(0, b.length - len);
      const to = rng.int(0, b.length);
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, to), 0);
      out.set(b.subarray(from, from + len), to);
      out.set(b.subarray(to), to + len);
      return { bytes: out, what: `${len} bytes from ${from} inserted again at ${to}` };
    },
  },
  {
    name: 'header', weight: 4,
    apply: (rng, b) => {
      const kind = rng.weighted([['local', 3], ['central', 3], ['end', 2]] as const);
      const [sig, fields] = kind === 'local' ? [0x04034b50, LOCAL_FIELDS] : kind === 'central' ? [0x02014b50, CENTRAL_FIELDS] : [0x06054b50, END_FIELDS];
      const at = signatures(b, sig);
      if (!at.length) return undefined;
      const rec = rng.pick(at);
      const [field, off, size] = rng.pick(fields);
      if (rec + off + size > b.length) return undefined;
      const out = b.slice();
      const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
      const old = size === 2 ? view.getUint16(rec + off, true) : view.getUint32(rec + off, true);
      const max = size === 2 ? 0xffff : 0xffffffff;
      const value = rng.pick([0, 1, max, (old + 1) & max, (old - 1) & max, (old * 2) & max, rng.int(0, max), 0x7fffffff & max]);
      if (size === 2) view.setUint16(rec + off, value, true);
      else view.setUint32(rec + off, value, true);
      return { bytes: out, what: `${kind} record at ${rec}: ${field} ${old} → ${value}` };
    },
  },
];

// ───────────────────────────── cases ─────────────────────────────

interface FuzzCase {
  n: number;
  base: string;
  mutations: string[];
  bytes: Uint8Array;
  commands: string[][];
}

const partsCache = new Map<string, Part[]>();

/** Case n of the seed: its base file, its mutations (XML, then zip, then bytes) and the commands run on it. */
function makeCase(seed: number, n: number): FuzzCase {
  const rng = caseRng(seed, n);
  const base = rng.weighted(INPUTS);
  const count = rng.weighted([[1, 55], [2, 30], [3, 15]] as const);
  const stages = Array.from({ length: count }, () => rng.weighted([['xml', 55], ['zip', 20], ['bytes', 25]] as const)).sort((a, b) => ['xml', 'zip', 'bytes'].indexOf(a) - ['xml', 'zip', 'bytes'].indexOf(b));
  const mutations: string[] = [];
  let bytes: Uint8Array = fs.readFileSync(path.join(ROOT, base));
  if (stages.some((s) => s !== 'bytes')) {
    if (!partsCache.has(base)) partsCache.set(base, readParts(path.join(ROOT, base)));
    const zip: Zipped = { parts: partsCache.get(base)!.map((p) => ({ ...p })) };
    for (const stage of stages) {
      for (let attempt = 0; attempt < 20; attempt++) {
        if (stage === 'xml') {
          const m = rng.weighted(XML_MUTATIONS.map((x) => [x, x.weight] as const));
          const targets = filesOf(zip).filter((p) => m.parts.test(p.name));
          if (!targets.length) continue;
          // Sheets most (the cells live there), then shared strings, then the rest.
          const part = rng.weighted(targets.map((p) => [p, SHEET.test(p.name) ? 6 / targets.filter((t) => SHEET.test(t.name)).length : /sharedStrings/.test(p.name) ? 2 : 1] as const));
          const r = m.apply(rng, utf8.decode(part.data));
          if (!r) continue;
          part.data = typeof r.xml === 'string' ? enc.encode(r.xml) : r.xml;
          mutations.push(`xml ${m.name} in ${part.name}: ${r.what}`);
          break;
        }
        if (stage === 'zip') {
          const m = rng.weighted(ZIP_MUTATIONS.map((x) => [x, x.weight] as const));
          if (!essentialOf(zip).length) break;
          const what = m.apply(rng, zip);
          if (!what) continue;
          mutations.push(`zip ${m.name}: ${what}`);
          break;
        }
        if (stage === 'bytes') break;
      }
    }
    bytes = writeZip(zip);
  }
  for (const stage of stages) {
    if (stage !== 'bytes') continue;
    for (let attempt = 0; attempt < 20; attempt++) {
      const m = rng.weighted(BYTE_MUTATIONS.map((x) => [x, x.weight] as const));
      const r = m.apply(rng, bytes);
      if (!r) continue;
      bytes = r.bytes;
      mutations.push(`bytes ${m.name}: ${r.what}`);
      break;
    }
  }
  const commands = [['inspect'], ['report', 'reduction', '--period', '2019', '--out', 'OUT'], ...(rng.chance(0.5) ? [['report', 'partyQuarterly', '--period', '2021-Q2', '--json']] : [])];
  return { n, base, mutations, bytes, commands };
}

// ───────────────────────────── running the CLI ─────────────────────────────

interface CommandRun {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
  timedOut: boolean;
  /** Killed at the fuzzer's own time bound, not its timeout: no verdict. */
  cut: boolean;
  /** For an internal error: the stderr of the same command run again with TOCHUC_DEBUG=1 (its stack). */
  debugStderr?: string;
}

const STDERR_CAP = 64 * 1024;

/**
 * One CLI process; killed after `timeoutMs`, or at `deadline` (performance.now() time) if that comes
 * first. `debug`: with TOCHUC_DEBUG=1, under which src/cli/main.ts lets an internal error's stack out.
 */
function runCommand(args: string[], timeoutMs: number, deadline = Infinity, debug = false): Promise<CommandRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const env = { ...process.env };
    if (debug) env.TOCHUC_DEBUG = '1';
    else delete env.TOCHUC_DEBUG;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    let cut = false;
    child.stdout.on('data', () => undefined);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < STDERR_CAP) stderr += d;
    });
    const bound = deadline - t0 < timeoutMs;
    const timer = setTimeout(() => {
      if (bound) cut = true;
      else timedOut = true;
      child.kill('SIGKILL');
    }, Math.max(0, Math.min(timeoutMs, deadline - t0)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ args, code, signal, stderr, ms: Math.round(performance.now() - t0), timedOut, cut });
    });
  });
}

interface Failure {
  command: string;
  kind: string;
  /** What groups it with others: the kind, the command and the first error line (numbers as N) or top frame. */
  signature: string;
  detail: string;
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The one line src/cli/main.ts prints for an error it did not expect (exit 2, no stack): a crash it caught. */
const INTERNAL_ERROR = 'Lỗi trong tochuc';

/**
 * What broke the promise in one command's run (none: an empty list). An internal error is a failure
 * too, though it keeps the letter of the promise (exit 2, one line): it is a crash caught at the top.
 */
function check(run: CommandRun, inputChanged: boolean): Failure[] {
  const command = run.args[0] === 'report' ? `report ${run.args[1]}` : run.args[0];
  const failures: Failure[] = [];
  const err = run.stderr;
  const lines = err.trimEnd().split('\n');
  const errorLine = lines.find((l) => /^(?:Uncaught )?(?:[A-Z]\w*)?Error\b.*?:|FATAL ERROR|Fatal (?:JavaScript|process)|JavaScript heap out of memory/.test(l.trim()));
  const frame = lines.find((l) => /^\s+at\s/.test(l));
  const norm = (s: string) => s.trim().replace(/\S*tochuc-fuzz-\S*/g, '<input>').replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 160);
  const add = (kind: string, detail: string) => failures.push({ command, kind, detail, signature: `${kind} · ${command} · ${errorLine ? norm(errorLine) : kind === 'timeout' ? '' : norm(lines[0] ?? '')}${frame ? ` · ${frame.trim().replace(/^at\s+/, '').replace(/\(?(?:[^()\s]*[/\\])?([^/\\():]+)(?::\d+){1,2}\)?$/, '($1)')}` : ''}` });
  if (run.timedOut) add('timeout', `killed after ${run.ms} ms`);
  else if (run.signal) add(`signal ${run.signal}`, `ended by ${run.signal}`);
  else if (run.code !== 0 && run.code !== 1 && run.code !== 2) add(`exit ${run.code}`, `exit code ${run.code}`);
  if (frame) add('stack trace', frame.trim());
  if (errorLine && !frame) add(/FATAL|Fatal|heap/.test(errorLine) ? 'V8 fatal' : 'JS error', errorLine.trim());
  if (run.code === 2 && !run.timedOut && lines.filter((l) => l.trim()).length !== 1) add('exit 2 not one line', `${lines.filter((l) => l.trim()).length} lines on stderr`);
  if (inputChanged) add('input changed', 'sha256 of the input differs after the run');
  const internal = lines.find((l) => l.includes(INTERNAL_ERROR));
  if (internal) {
    const debugLines = (run.debugStderr ?? '').split('\n');
    const debugError = debugLines.find((l) => /^(?:Uncaught )?(?:[A-Z]\w*)?Error\b.*?:/.test(l.trim()));
    const debugFrame = debugLines.find((l) => /^\s+at\s/.test(l) && !/node:internal|node_modules/.test(l));
    const where = debugFrame ? ` · ${debugFrame.trim().replace(/^at\s+/, '').replace(/\(?(?:[^()\s]*[/\\])?([^/\\():]+)(?::\d+){1,2}\)?$/, '($1)')}` : '';
    failures.push({ command, kind: 'internal error', detail: `${internal.trim().slice(0, 300)}${debugError ? ` — with TOCHUC_DEBUG=1: ${debugError.trim().slice(0, 200)}` : ''}`, signature: `internal error · ${command} · ${norm(debugError ?? internal.slice(internal.indexOf(INTERNAL_ERROR)))}${where}` });
  }
  return failures;
}

interface CaseResult {
  fuzzCase: FuzzCase;
  runs: CommandRun[];
  failures: Failure[];
}

async function runCase(fuzzCase: FuzzCase, workDir: string, timeoutMs: number, deadline: number): Promise<CaseResult | undefined> {
  const dir = fs.mkdtempSync(path.join(workDir, `case-${fuzzCase.n}-`));
  const input = path.join(dir, 'input.xlsx');
  fs.writeFileSync(input, fuzzCase.bytes);
  const before = sha256(input);
  const runs: CommandRun[] = [];
  const failures: Failure[] = [];
  try {
    for (const c of fuzzCase.commands) {
      const args = c.map((a) => (a === 'OUT' ? path.join(dir, 'report.xlsx') : a));
      args.splice(c[0] === 'report' ? 2 : 1, 0, '--input', input);
      const run = await runCommand(args, timeoutMs, deadline);
      if (run.cut) return undefined;
      if (run.stderr.includes(INTERNAL_ERROR)) {
        const debug = await runCommand(args, timeoutMs, deadline, true);
        if (debug.cut) return undefined;
        run.debugStderr = debug.stderr;
      }
      runs.push(run);
      failures.push(...check(run, sha256(input) !== before));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { fuzzCase, runs, failures };
}

function saveFailure(seed: number, r: CaseResult): string {
  const dir = path.join(OUT_DIR, `seed-${seed}`, `case-${r.fuzzCase.n}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'input.xlsx'), r.fuzzCase.bytes);
  fs.writeFileSync(path.join(dir, 'case.json'), JSON.stringify({
    seed, case: r.fuzzCase.n, base: r.fuzzCase.base, mutations: r.fuzzCase.mutations,
    reproduce: `npx tsx test/tools/fuzz.ts --seed ${seed} --case ${r.fuzzCase.n}`,
    failures: r.failures,
    // The commands as they ran, on the saved input (the case's own temporary folder is gone).
    runs: r.runs.map((run) => ({ command: `node src/cli/tochuc.js ${run.args.map((a) => (a.endsWith(`${path.sep}input.xlsx`) ? path.relative(ROOT, path.join(dir, 'input.xlsx')) : a.endsWith(`${path.sep}report.xlsx`) ? '/tmp/report.xlsx' : a)).join(' ')}`, code: run.code, signal: run.signal, timedOut: run.timedOut, ms: run.ms, stderr: run.stderr.slice(0, 8000), ...(run.debugStderr !== undefined ? { stderrWithTochucDebug: run.debugStderr.slice(0, 8000) } : {}) })),
  }, null, 2));
  return path.relative(ROOT, dir);
}

// ───────────────────────────── main ─────────────────────────────

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const seed = Number(option(args, '--seed', '20261207'));
  // 250 cases: about 0.8 s of CPU each (sampled over 80 cases), so about 100 s on the 2-core CI machine
  // when nothing hangs; --seconds is the safety net that keeps the step under 3 minutes.
  const cases = Number(option(args, '--cases', '250'));
  const seconds = Number(option(args, '--seconds', '170'));
  const jobs = Number(option(args, '--jobs', '2'));
  const timeoutMs = Number(option(args, '--timeout', '20')) * 1000;
  const verbose = args.includes('--verbose');
  const only = option(args, '--case', '').split(',').filter(Boolean).map(Number);
  if (![seed, cases, seconds, jobs, timeoutMs].every(Number.isFinite)) throw new Error('fuzz: --seed, --cases, --seconds, --jobs and --timeout take numbers');
  const list = only.length ? only : Array.from({ length: cases }, (_, i) => i);
  if (args.includes('--dry')) {
    // The case list alone: what each case would run on, without running it.
    for (const n of list) {
      const c = makeCase(seed, n);
      console.log(`case ${n}: ${c.base} (${c.bytes.length.toLocaleString('en')} bytes), ${c.commands.length} commands; ${c.mutations.join(' | ')}`);
    }
    return 0;
  }
  const saveDir = path.join(OUT_DIR, `seed-${seed}`);
  if (!only.length) fs.rmSync(saveDir, { recursive: true, force: true });
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-fuzz-'));
  console.log(`fuzz: seed ${seed}, ${list.length} cases${only.length ? ` (${only.join(', ')})` : ''}, ${jobs} at a time, ${timeoutMs / 1000} s a command, new cases until ${seconds} s`);

  // One run first, alone: the CLI builds its bundle on the first run after a source change (src/cli/tochuc.js).
  await runCommand(['--help'], 120_000);
  const t0 = performance.now();
  // A hard bound: a command still running then is killed and its case left out (neither passed nor failed).
  const deadline = t0 + seconds * 1000;
  const results: CaseResult[] = [];
  let next = 0;
  let stoppedEarly = false;
  const worker = async () => {
    while (next < list.length) {
      if (performance.now() >= deadline) {
        stoppedEarly = true;
        return;
      }
      const n = list[next++];
      const r = await runCase(makeCase(seed, n), workDir, timeoutMs, deadline);
      if (!r) {
        stoppedEarly = true;
        return;
      }
      results.push(r);
      if (verbose) for (const run of r.runs) console.log(`case ${n} ${run.args.filter((a) => !a.includes(path.sep)).join(' ')}: ${run.timedOut ? 'timeout' : run.code ?? run.signal} in ${run.ms} ms ${JSON.stringify(run.stderr.trim().split('\n')[0].slice(0, 160))}`);
      if (r.failures.length) {
        const where = saveFailure(seed, r);
        console.log(`case ${n} FAILED (${r.fuzzCase.base}; ${r.fuzzCase.mutations.join(' | ')}): ${[...new Set(r.failures.map((f) => `${f.command}: ${f.kind}`))].join(', ')} → ${where}`);
      } else if (results.length % 25 === 0) {
        console.log(`  ${results.length} cases, ${Math.round((performance.now() - t0) / 1000)} s`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const elapsed = Math.round((performance.now() - t0) / 100) / 10;
  const failed = results.filter((r) => r.failures.length).sort((a, b) => a.fuzzCase.n - b.fuzzCase.n);
  const commands = results.reduce((n, r) => n + r.runs.length, 0);
  const codes = results.flatMap((r) => r.runs.map((x) => (x.timedOut ? 'timeout' : String(x.code ?? x.signal))));
  const byCode = Object.entries(codes.reduce<Record<string, number>>((o, c) => ({ ...o, [c]: (o[c] ?? 0) + 1 }), {})).map(([c, k]) => `${c}: ${k}`).join(', ');
  console.log(`\nfuzz: seed ${seed}, ${results.length} of ${list.length} cases run (${commands} commands; exits ${byCode}) in ${elapsed} s${stoppedEarly ? ` — stopped at the ${seconds} s bound, the cases not finished by then left out` : ''}; ${failed.length} failed`);
  if (failed.length) {
    const groups = new Map<string, { cases: number[]; example: Failure }>();
    for (const r of failed) for (const f of r.failures) {
      const g = groups.get(f.signature) ?? { cases: [], example: f };
      if (!g.cases.includes(r.fuzzCase.n)) g.cases.push(r.fuzzCase.n);
      groups.set(f.signature, g);
    }
    console.log(`distinct failures (${groups.size}), saved under ${path.relative(ROOT, saveDir)}/case-<n>/:`);
    for (const [sig, g] of [...groups].sort((a, b) => b[1].cases.length - a[1].cases.length)) console.log(`  ${sig}\n      cases ${g.cases.slice(0, 12).join(', ')}${g.cases.length > 12 ? `, … (${g.cases.length})` : ''}; e.g. ${g.example.detail}`);
    fs.mkdirSync(saveDir, { recursive: true });
    fs.writeFileSync(path.join(saveDir, 'summary.json'), JSON.stringify({ seed, planned: list.length, run: results.length, seconds: elapsed, failed: failed.map((r) => ({ case: r.fuzzCase.n, base: r.fuzzCase.base, mutations: r.fuzzCase.mutations, failures: r.failures.map((f) => f.signature) })) }, null, 2));
  }
  return failed.length ? 1 : 0;
}

export { check, makeCase, writeZip };

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.stack : e);
      process.exitCode = 2;
    },
  );
}
