/* Builds the task pane into dist-web/ (dist/ is the CLI's tsc output). */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DefinePlugin } = require('webpack');
const { firstPaintFluent } = require('./scripts/first-paint-fluent');

const DEV_URL = 'https://localhost:3000';
/**
 * Office 2016/2019 retail without WebView2 runs add-ins in EdgeHTML 18 (Microsoft Edge Legacy), which
 * parses ES2017 and no later: every chunk, dependencies included, is lowered to what it runs,
 * regular expressions too (\p{…} escapes, named groups and the s flag are ES2018).
 */
const WEBVIEW_TARGETS = { edge: '18' };
/** The guard runs first and must also run in Internet Explorer 11 (Trident) to say what is needed. */
const GUARD_TARGETS = { ie: '11' };
const GUARD = path.join(__dirname, 'src', 'taskpane', 'guard');

function babel(targets, sourceType) {
  return {
    loader: 'babel-loader',
    options: {
      babelrc: false,
      configFile: false,
      cacheDirectory: true,
      // Dependencies mix ES modules and CommonJS; `unambiguous` keeps each as it is.
      sourceType,
      presets: [['@babel/preset-env', { targets, bugfixes: true, modules: false }]],
      // Shorter ?. and ?? output; nothing here tests document.all. Object spread as Object.assign, which
      // copies symbol keys too (Fluent's slots carry some), instead of a copy of five helpers in every
      // module that spreads. (Assumptions about rest and class fields are not safe: rest would drop
      // symbol keys.)
      assumptions: { noDocumentAll: true, setSpreadProperties: true },
    },
  };
}
const CERTS = path.join(__dirname, 'certs');

/** The manifest points at the dev server; ADDIN_BASE_URL=https://host/path rewrites it for deployment. */
function manifestFor(content) {
  const base = process.env.ADDIN_BASE_URL;
  return base ? content.toString().split(DEV_URL).join(base.replace(/\/$/, '')) : content;
}

function httpsOptions() {
  const key = path.join(CERTS, 'localhost.key');
  const cert = path.join(CERTS, 'localhost.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    throw new Error('No development certificate: run `npm run certs` first (writes certs/).');
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ca: fs.readFileSync(path.join(CERTS, 'ca.crt')) };
}

function tsLoader(dev) {
  return {
    loader: 'ts-loader',
    options: {
      // Types are checked by `npm run typecheck`; ES modules let webpack split chunks and tree-shake.
      // Babel lowers the syntax afterwards, for every chunk alike.
      transpileOnly: true,
      compilerOptions: { module: 'esnext', target: 'es2022', sourceMap: dev },
    },
  };
}

module.exports = (_env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = process.argv.includes('serve');
  return {
    mode: dev ? 'development' : 'production',
    entry: { guard: './src/taskpane/guard/guard.ts', trident: './src/taskpane/guard/trident.ts', taskpane: './src/taskpane/index.tsx' },
    // webpack's own runtime code in ES5, so that the guard's file parses in Internet Explorer 11.
    target: ['web', 'es5'],
    output: {
      path: path.join(__dirname, 'dist-web'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    // The CSP forbids eval, so no eval-based source maps even in development.
    devtool: dev ? 'source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          oneOf: [
            { test: /\.ts$/, include: GUARD, use: [babel(GUARD_TARGETS, 'module'), tsLoader(dev)] },
            { test: /\.tsx?$/, exclude: /node_modules/, use: [babel(WEBVIEW_TARGETS, 'module'), tsLoader(dev)] },
            { test: /\.m?js$/, include: /node_modules/, use: [babel(WEBVIEW_TARGETS, 'unambiguous')] },
          ],
        },
      ],
    },
    plugins: [
      // The light theme and the toolbar buttons' CSS as data (src/taskpane/firstPaint.ts), from the installed Fluent.
      new DefinePlugin(
        (({ firstPaint, themeRest }) => ({ NIANBAO_FIRST_PAINT: JSON.stringify(firstPaint), NIANBAO_LIGHT_THEME_REST: JSON.stringify(themeRest) }))(firstPaintFluent()),
      ),
      // The template places the guard before office.js and the pane after it (inject: false).
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['guard', 'trident', 'taskpane'], inject: false }),
      // The same pane for WPS (its add-in folder, `npm run build:wps`): the same scripts, without office.js.
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane-wps.html', chunks: ['guard', 'trident', 'taskpane'], inject: false, wps: true }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // The manifest's SupportUrl: the user help, served with the pane.
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: manifestFor },
        ],
      }),
    ],
    performance: { hints: dev ? false : 'warning', maxEntrypointSize: 600 * 1024, maxAssetSize: 600 * 1024 },
    devServer: serving
      ? {
          port: 3000,
          server: { type: 'https', options: httpsOptions() },
          hot: false,
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};
