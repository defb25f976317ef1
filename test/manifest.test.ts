import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOutputFiles, checkManifest } from './tools/manifestCheck';

const root = join(__dirname, '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
const built = buildOutputFiles(root);
const fileExists = (urlPath: string): boolean => built.has(urlPath);

/** The real manifest with one change; fails loudly if the text to change is not there. */
function broken(from: string, to: string): string {
  expect(manifest).toContain(from);
  return manifest.replace(from, to);
}

describe('buildOutputFiles (read from webpack.config.js)', () => {
  test('lists the two pages and the copied icons', () => {
    for (const path of ['/taskpane.html', '/commands.html', ...[16, 32, 64, 80, 128].map((s) => `/assets/icon-${s}.png`)])
      expect(built).toContain(path);
  });

  test('does not copy the samples folder', () => {
    expect([...built].filter((p) => p.includes('samples'))).toEqual([]);
  });
});

describe('checkManifest', () => {
  test('the real manifest passes', () => {
    expect(checkManifest(manifest, fileExists)).toEqual([]);
  });

  test('malformed XML', () => {
    const problems = checkManifest(broken('</ProviderName>', ''), fileExists);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^XML is not well-formed \(line \d+, column \d+\): /);
  });

  test('elements out of schema order', () => {
    const xml = broken('<Id>cbdce08f-8ad1-4fde-b74f-8e74b452f6da</Id>\n  <Version>1.0.0.0</Version>', '<Version>1.0.0.0</Version>\n  <Id>cbdce08f-8ad1-4fde-b74f-8e74b452f6da</Id>');
    expect(checkManifest(xml, fileExists)).toEqual(['OfficeApp: <Id> must come before <Version>']);
  });

  test('an element the schema does not know, and a required one missing', () => {
    const xml = broken('<Permissions>ReadWriteDocument</Permissions>', '<Permission>ReadWriteDocument</Permission>');
    expect(checkManifest(xml, fileExists)).toEqual(['OfficeApp: unexpected element <Permission>', 'OfficeApp: <Permissions> is missing']);
  });

  test('order inside the add-in commands', () => {
    const xml = broken(
      '<FunctionFile resid="Commands.Url"/>\n          <ExtensionPoint',
      '<ExtensionPoint',
    ).replace('</ExtensionPoint>', '</ExtensionPoint>\n          <FunctionFile resid="Commands.Url"/>');
    expect(checkManifest(xml, fileExists)).toEqual([
      'OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor: <FunctionFile> must come before <ExtensionPoint>',
    ]);
  });

  test('an Id that is not a GUID', () => {
    const xml = broken('<Id>cbdce08f-8ad1-4fde-b74f-8e74b452f6da</Id>', '<Id>tochuc-addin</Id>');
    expect(checkManifest(xml, fileExists)).toEqual(['OfficeApp/Id: "tochuc-addin" is not a GUID']);
  });

  test('a plain-http URL', () => {
    const xml = broken('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>', '<IconUrl DefaultValue="http://localhost:3000/assets/icon-32.png"/>');
    expect(checkManifest(xml, fileExists)).toEqual(['OfficeApp/IconUrl DefaultValue: "http://localhost:3000/assets/icon-32.png" must use https']);
  });

  test('a plain-http URL in a resource', () => {
    const xml = broken('DefaultValue="https://localhost:3000/commands.html"', 'DefaultValue="http://localhost:3000/commands.html"');
    expect(checkManifest(xml, fileExists)).toEqual([
      'OfficeApp/VersionOverrides/Resources/bt:Urls/bt:Url id="Commands.Url" DefaultValue: "http://localhost:3000/commands.html" must use https',
    ]);
  });

  test('an icon the build does not produce', () => {
    const xml = broken('<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"/>', '<bt:Image id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-96.png"/>');
    expect(checkManifest(xml, fileExists)).toEqual([
      'OfficeApp/VersionOverrides/Resources/bt:Images/bt:Image id="Icon.80x80" DefaultValue: "https://localhost:3000/assets/icon-96.png" names /assets/icon-96.png, which the build does not produce',
    ]);
  });

  test('a page the build does not produce, seen through fileExists', () => {
    const problems = checkManifest(manifest, (p) => p !== '/commands.html' && fileExists(p));
    expect(problems).toEqual([
      'OfficeApp/VersionOverrides/Resources/bt:Urls/bt:Url id="Commands.Url" DefaultValue: "https://localhost:3000/commands.html" names /commands.html, which the build does not produce',
    ]);
  });

  test('a resid with no resource', () => {
    const xml = broken('<Label resid="TaskpaneButton.Label"/>\n                  <Supertip>', '<Label resid="TaskpaneButton.Caption"/>\n                  <Supertip>');
    expect(checkManifest(xml, fileExists)).toEqual([
      'OfficeApp/VersionOverrides/Hosts/Host/DesktopFormFactor/ExtensionPoint/OfficeTab/Group/Control/Label: resid "TaskpaneButton.Caption" has no resource with that id',
    ]);
  });
});
