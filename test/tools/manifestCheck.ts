/**
 * Offline check of manifest.xml (`office-addin-manifest validate` asks an online service).
 * Catches the mistakes that make Office refuse or half-load an add-in: malformed XML, elements
 * out of schema order, a non-GUID Id, plain-http URLs, URLs on our dev host naming files the
 * build does not emit, and resid references with no resource.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Where the manifest expects the built files (webpack dev server, and the paths under dist/). */
export const DEV_ORIGIN = 'https://localhost:3000';

/** Children of OfficeApp in the order the appforoffice 1.1 schema requires (task pane add-ins). */
export const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'AllowSnapshot',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
] as const;

const REQUIRED_IN_OFFICE_APP = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];

/**
 * Order of known children inside the add-in command elements (VersionOverrides schema). Children
 * not listed are not judged here; repeated children (Control, bt:Image…) may follow each other.
 */
const NESTED_ORDER: Record<string, readonly string[]> = {
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins', 'VersionOverrides'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

/** Elements whose DefaultValue (and Override Value) is a URL. */
const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

interface Element {
  name: string; // as written, with its prefix ("bt:Image")
  local: string; // without the prefix ("Image")
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElements(nodes: OrderedNode[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const kids = node[name] as OrderedNode[];
    out.push({
      name,
      local: name.replace(/^.*:/, ''),
      attrs: node[':@'] ?? {},
      children: toElements(kids),
      text: kids
        .filter((k) => '#text' in k)
        .map((k) => String(k['#text']))
        .join('')
        .trim(),
    });
  }
  return out;
}

function parse(xml: string): Element[] {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  return toElements(parser.parse(xml) as OrderedNode[]);
}

function* walk(el: Element, path: string[] = []): Generator<[Element, string[]]> {
  const here = [...path, el.name];
  yield [el, here];
  for (const child of el.children) yield* walk(child, here);
}

/** "<OfficeApp>/<IconUrl>" style, with the id of resources so that the reader finds the line. */
function describe(el: Element, path: string[]): string {
  const id = el.attrs.id ? ` id="${el.attrs.id}"` : '';
  return `${path.slice(0, -1).join('/')}/${el.name}${id}`.replace(/^\//, '');
}

function checkOrder(parent: Element, order: readonly string[], strict: boolean, where: string): string[] {
  const problems: string[] = [];
  let last = -1;
  let lastName = '';
  const seen = new Set<string>();
  for (const child of parent.children) {
    const rank = order.indexOf(child.local);
    if (rank < 0) {
      if (strict) problems.push(`${where}: unexpected element <${child.name}>`);
      continue;
    }
    if (rank < last) problems.push(`${where}: <${child.name}> must come before <${lastName}>`);
    if (strict && seen.has(child.local)) problems.push(`${where}: <${child.name}> appears more than once`);
    seen.add(child.local);
    if (rank >= last) {
      last = rank;
      lastName = child.name;
    }
  }
  return problems;
}

function checkUrl(value: string, where: string, fileExists: (urlPath: string) => boolean): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [`${where}: "${value}" is not an absolute URL`];
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:') problems.push(`${where}: "${value}" must use https`);
  if (url.host === new URL(DEV_ORIGIN).host) {
    const path = decodeURIComponent(url.pathname);
    if (!fileExists(path)) problems.push(`${where}: "${value}" names ${path}, which the build does not produce`);
  }
  return problems;
}

/**
 * Problems found in the manifest text, as sentences; none means it passed.
 * `fileExists('/taskpane.html')` says whether the build serves that path at DEV_ORIGIN.
 */
export function checkManifest(xml: string, fileExists: (urlPath: string) => boolean): string[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`XML is not well-formed (line ${valid.err.line}, column ${valid.err.col}): ${valid.err.msg}`];

  const roots = parse(xml);
  const root = roots[0];
  if (roots.length !== 1 || root.name !== 'OfficeApp') return ['the root element must be <OfficeApp>'];

  const problems: string[] = [];
  if (root.attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1')
    problems.push('OfficeApp: xmlns must be http://schemas.microsoft.com/office/appforoffice/1.1');
  if (root.attrs['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp: xsi:type must be TaskPaneApp');

  problems.push(...checkOrder(root, OFFICE_APP_ORDER, true, 'OfficeApp'));
  const present = new Set(root.children.map((c) => c.local));
  for (const name of REQUIRED_IN_OFFICE_APP) if (!present.has(name)) problems.push(`OfficeApp: <${name}> is missing`);

  const id = root.children.find((c) => c.local === 'Id')?.text;
  if (id !== undefined && !GUID.test(id)) problems.push(`OfficeApp/Id: "${id}" is not a GUID`);

  const resourceIds = new Set<string>();
  const resids: [string, string][] = [];
  for (const [el, path] of walk(root)) {
    const where = describe(el, path);
    const order = NESTED_ORDER[el.local];
    if (order && el !== root) problems.push(...checkOrder(el, order, false, where));
    if (path.some((p) => p.endsWith('Resources')) && el.attrs.id) resourceIds.add(el.attrs.id);
    if (el.attrs.resid) resids.push([el.attrs.resid, where]);

    // URL values: the known URL elements (and their Overrides), AppDomains, and anything else that looks like one.
    const urlOwner = el.local === 'Override' ? path[path.length - 2]?.replace(/^.*:/, '') : el.local;
    const isUrlElement = URL_ELEMENTS.has(urlOwner ?? '');
    for (const [attr, value] of Object.entries(el.attrs)) {
      if (attr === 'xmlns' || attr.startsWith('xmlns:')) continue;
      const isUrlAttr = isUrlElement && (attr === 'DefaultValue' || attr === 'Value');
      if (isUrlAttr || LOOKS_LIKE_URL.test(value)) problems.push(...checkUrl(value, `${where} ${attr}`, fileExists));
    }
    if (el.text && (el.local === 'AppDomain' || LOOKS_LIKE_URL.test(el.text))) problems.push(...checkUrl(el.text, where, fileExists));
  }
  for (const [resid, where] of resids)
    if (!resourceIds.has(resid)) problems.push(`${where}: resid "${resid}" has no resource with that id`);

  return problems;
}

// ---------------------------------------------------------------------------------------------
// What the webpack build emits, read from webpack.config.js without running webpack.

interface CopyPattern {
  from: string;
  to?: string;
  context?: string;
}

/** Files matched by a copy pattern: a file, a directory (recursively) or a `*`/`?` glob in the last segment. */
function copySources(pattern: CopyPattern, context: string): { file: string; base: string }[] {
  const from = resolve(context, pattern.from);
  if (!/[*?[\]{}]/.test(pattern.from)) {
    if (!existsSync(from)) return [];
    if (statSync(from).isFile()) return [{ file: from, base: dirname(from) }];
    const files: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, entry.name);
        if (entry.isDirectory()) visit(p);
        else files.push(p);
      }
    };
    visit(from);
    return files.map((file) => ({ file, base: from }));
  }
  const dir = dirname(from);
  const glob = basename(from);
  if (/[*?[\]{}]/.test(dir) || /[[\]{}]/.test(glob))
    throw new Error(`buildOutputFiles: copy pattern "${pattern.from}" is too clever; use a file, a folder or dir/*.ext`);
  const re = new RegExp(`^${glob.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && re.test(e.name))
    .map((e) => ({ file: join(dir, e.name), base: dir }));
}

function copyTarget(to: string | undefined, file: string, base: string): string {
  const rel = relative(base, file).split(sep).join('/');
  if (!to) return rel;
  if (/\[(name|ext)\]/.test(to)) {
    const ext = extname(file);
    return to.replace(/\[name\]/g, basename(file, ext)).replace(/\[ext\]/g, ext);
  }
  return `${to.replace(/\/$/, '')}/${rel}`;
}

/**
 * URL paths ("/taskpane.html", "/assets/icon-32.png") that a production build serves: the pages
 * of the HtmlWebpackPlugins and the files the CopyWebpackPlugin patterns match on disk now.
 * Script bundles carry content hashes and are left out (the manifest never names them).
 */
export function buildOutputFiles(rootDir: string): Set<string> {
  const root = resolve(rootDir);
  const load = createRequire(join(root, 'webpack.config.js')); // resolves the plugins the config itself uses
  const HtmlWebpackPlugin = load('html-webpack-plugin') as new (...args: never[]) => { userOptions?: { filename?: unknown } };
  const CopyWebpackPlugin = load('copy-webpack-plugin') as new (...args: never[]) => { patterns?: (string | CopyPattern)[] };
  const exported = load('./webpack.config.js') as unknown;
  const config = (typeof exported === 'function' ? exported({}, { mode: 'production' }) : exported) as {
    context?: string;
    plugins?: unknown[];
  };
  const context = config.context ?? root;
  const files = new Set<string>();
  for (const plugin of config.plugins ?? []) {
    if (plugin instanceof HtmlWebpackPlugin) {
      const filename = plugin.userOptions?.filename ?? 'index.html';
      if (typeof filename !== 'string') throw new Error('buildOutputFiles: HtmlWebpackPlugin filename must be a string');
      files.add(`/${filename.replace(/^\.?\//, '')}`);
    } else if (plugin instanceof CopyWebpackPlugin) {
      for (const raw of plugin.patterns ?? []) {
        const pattern = typeof raw === 'string' ? { from: raw } : raw;
        const base = pattern.context ? resolve(context, pattern.context) : context;
        for (const { file, base: b } of copySources(pattern, base)) files.add(`/${copyTarget(pattern.to, file, b)}`);
      }
    }
  }
  return files;
}
