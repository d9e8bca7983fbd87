// webpack 5 build of the add-in, in two profiles:
//   production  the bundle Outlook loads: taskpane.html references Office.js on Microsoft's CDN (the
//               store requires it) and manifest.xml is emitted with the configured host (ADDIN_ORIGIN).
//   workbench   the same task pane without the CDN script (nothing outside this machine is reachable),
//               plus the workbench page that hosts it beside a sample mailbox (npm start).
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { loadBuildConfig } = require('./build/config');
const { metaCsp } = require('./build/csp');

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2020',
  },
};

module.exports = (env = {}, argv = {}) => {
  const profile = env.profile || 'workbench';
  const mode = argv.mode || 'production';
  const config = loadBuildConfig(profile);
  const isProduction = profile === 'production';
  const outDir = path.resolve(__dirname, 'dist', profile);
  // The production pages carry their Content-Security-Policy in a meta tag (we do not control the
  // host's headers); the workbench server sends it as a header instead (dev/workbench/start.ts).
  const csp = isProduction ? metaCsp(config, { officeJs: true }) : '';

  const entry = {
    taskpane: './src/taskpane/index.tsx',
    review: './src/review/index.tsx',
  };
  const pages = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['taskpane'],
      templateParameters: { officeJs: isProduction, csp },
    }),
    // The head teacher's review as a full page (issue #5): same code, signed in the same way.
    new HtmlWebpackPlugin({
      filename: 'review.html',
      template: './src/review/review.html',
      chunks: ['review'],
      templateParameters: { csp },
    }),
  ];
  if (!isProduction) {
    entry.workbench = './dev/workbench/page/workbench.ts';
    pages.push(
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './dev/workbench/page/workbench.html',
        chunks: ['workbench'],
      }),
    );
  }
  const authDialog = path.resolve(__dirname, 'src/auth/dialog/authDialog.ts');
  if (require('node:fs').existsSync(authDialog)) {
    entry.authDialog = authDialog;
    pages.push(
      new HtmlWebpackPlugin({
        filename: 'auth-dialog.html',
        template: './src/auth/dialog/auth-dialog.html',
        chunks: ['authDialog'],
        templateParameters: { officeJs: isProduction, csp },
      }),
    );
  }

  const plugins = [
    new webpack.DefinePlugin({
      __CG_CONFIG__: JSON.stringify(config),
      __CG_WORKBENCH__: JSON.stringify(!isProduction),
    }),
    ...pages,
    new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }] }),
  ];
  if (isProduction) {
    const { ManifestPlugin } = require('./build/manifest');
    plugins.push(new ManifestPlugin({ origin: process.env.ADDIN_ORIGIN }));
  }

  const addin = {
    name: 'addin',
    mode,
    entry,
    devtool: mode === 'production' ? 'source-map' : 'eval-cheap-module-source-map',
    output: {
      path: outDir,
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        {
          // The Graph client's index re-exports upload tasks, the chaos handler and more that the
          // add-in never uses; its modules have no import-time side effects, so let webpack drop them.
          test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          use: { loader: 'swc-loader', options: swcOptions },
        },
      ],
    },
    plugins,
    performance: { hints: false },
    devServer: {
      port: 3000,
      server: 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: outDir },
    },
  };
  return [addin, handlerBundle({ profile, mode, config, isProduction, outDir, csp })];
};

/**
 * The event handlers' runtime (issue 12), a compilation of its own: classic Outlook on Windows runs
 * `launchevent.js` in a JavaScript-only runtime that loads that one file and nothing else, so every
 * module is bundled into it (no split chunks, no webpack runtime chunk, no dynamic import), at a
 * fixed name the manifest gives. Web, new Outlook and Mac load `launchevent.html`, which references
 * Office.js and the same file. Sources: learn.microsoft.com/office/dev/add-ins/outlook/
 * troubleshoot-event-based-and-spam-reporting-add-ins ("all event-handling JavaScript code must be
 * bundled into this JavaScript file"), .../testing/runtimes (JavaScript-only runtime: no DOM, no
 * local storage, no cookies). Built after the add-in (dependencies), whose `clean` empties outDir.
 * The workbench build adds its stand-in for Office.js before the handlers (dev/workbench/runtime).
 */
function handlerBundle({ profile, mode, config, isProduction, outDir, csp }) {
  const entry = { launchevent: './src/launchevent/launchevent.ts' };
  const chunks = ['launchevent'];
  if (!isProduction) {
    entry.officeRuntimeShim = './dev/workbench/runtime/officeRuntimeShim.ts';
    chunks.unshift('officeRuntimeShim');
  }
  return {
    name: 'handlers',
    dependencies: ['addin'],
    mode,
    entry,
    // Source maps as separate files: the JavaScript-only runtime loads launchevent.js alone.
    devtool: mode === 'production' ? 'source-map' : false,
    target: ['web', 'es2017'],
    output: { path: outDir, filename: '[name].js', clean: false },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      // Everything in one file: a dynamic import() would become a second file the runtime cannot load.
      parser: { javascript: { dynamicImportMode: 'eager' } },
      rules: [
        {
          test: /[\\/]node_modules[\\/]@microsoft[\\/]microsoft-graph-client[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: { ...swcOptions, jsc: { ...swcOptions.jsc, target: 'es2017' } },
          },
        },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new webpack.DefinePlugin({
        __CG_CONFIG__: JSON.stringify(config),
        __CG_WORKBENCH__: JSON.stringify(!isProduction),
      }),
      new HtmlWebpackPlugin({
        filename: 'launchevent.html',
        template: './src/launchevent/launchevent.html',
        chunks,
        chunksSortMode: 'manual',
        templateParameters: { officeJs: isProduction, csp, profile },
      }),
    ],
    performance: { hints: false },
  };
}
