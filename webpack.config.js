// Builds the task pane (React + Fluent UI) and the ribbon function file into dist/.
//   npm run build         production build, no certificates needed
//   npm run dev-server    https://localhost:3000 with the Office dev certificates
// test/tools/manifestCheck.ts reads this file (HtmlWebpackPlugin filenames, CopyWebpackPlugin
// patterns) to know which files the manifest may point at, so keep those two plain.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const devServerPort = 3000;

/** @returns {import('webpack').Configuration} */
function buildConfig(mode) {
  const dev = mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
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
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'all' },
        },
      },
    },
    // Office.js comes from Microsoft's CDN with a script tag in each page (it may not be bundled).
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
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
