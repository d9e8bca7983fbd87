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

  return {
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
};
