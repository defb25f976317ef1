// Builds the task pane (React + Fluent UI) and the ribbon function file into dist/.
//   npm run build         production build, no certificates needed
//   npm run dev-server    https://localhost:3000 with the Office dev certificates
// test/tools/manifestCheck.ts reads this file (HtmlWebpackPlugin filenames, CopyWebpackPlugin
// patterns) to know which files the manifest may point at, so keep those two plain.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const devServerPort = 3000;

/**
 * Writes the standalone page's service worker (src/page/serviceWorker.js) to web/sw.js with the list
 * of the page's files (its entry's chunks, their lazy chunks, the page and its icon) and a hash of
 * them as the cache's version. A dozen lines where Workbox's GenerateSW would bring workbox-build
 * and its Babel and Rollup (hundreds of packages) into the build for the same cache-first list.
 */
class PageServiceWorker {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PageServiceWorker', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'PageServiceWorker', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const entry = compilation.entrypoints.get('page');
        if (!entry) return;
        const chunks = new Set();
        for (const chunk of entry.chunks) {
          chunks.add(chunk);
          for (const lazy of chunk.getAllAsyncChunks()) chunks.add(lazy);
        }
        const files = [...chunks].flatMap((c) => [...c.files]).map((f) => `../${f}`);
        const list = ['./', './index.html', '../assets/icon-32.png', ...files].sort();
        const version = require('crypto').createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
        const template = require('fs').readFileSync(path.resolve(__dirname, 'src/page/serviceWorker.js'), 'utf8');
        const code = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__FILES__', JSON.stringify(list));
        compilation.emitAsset('web/sw.js', new sources.RawSource(code));
      });
    });
  }
}

/** @returns {import('webpack').Configuration} */
function buildConfig(mode) {
  const dev = mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The standalone page (dist/web/index.html): the same engine without Office, offline after a first visit.
      page: './src/page/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // ES modules out of TypeScript (tsconfig says commonjs, for Node) so that webpack can
          // tree-shake Fluent UI; type checking is `npm run typecheck`'s job.
          options: { transpileOnly: true, compilerOptions: { module: 'es2022', sourceMap: dev } },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React and Fluent change far less often than our code: their own cacheable file.
          // One for the pane and one for the page: the page's reader and writer must not weigh on the pane's first load.
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: (chunk) => chunk.name === 'taskpane' },
          pageVendor: { test: /[\\/]node_modules[\\/]/, name: 'page-vendor', chunks: (chunk) => chunk.name === 'page' },
        },
      },
    },
    // Office.js comes from Microsoft's CDN with a script tag in each page (it may not be bundled).
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'web/index.html', template: './src/page/page.html', chunks: ['page'] }),
      new PageServiceWorker(),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }] }),
    ],
    // The budget that matters is the gzip size of the first load (350 KB, `npm run bench` measures it);
    // these raw sizes only warn well before it.
    performance: { hints: dev ? false : 'warning', maxAssetSize: 900 * 1024, maxEntrypointSize: 1000 * 1024 },
  };
}

module.exports = (env = {}, argv = {}) => {
  const config = buildConfig(argv.mode);
  if (!env.WEBPACK_SERVE) return config;
  // Only `webpack serve` needs (and may install) the localhost certificates Office trusts.
  const devCerts = require('office-addin-dev-certs');
  return devCerts.getHttpsServerOptions().then((httpsOptions) => ({
    ...config,
    devServer: {
      port: devServerPort,
      server: { type: 'https', options: httpsOptions },
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  }));
};
