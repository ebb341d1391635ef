/* Builds the task pane into dist-web/ (dist/ is the CLI's tsc output). */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
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

module.exports = (_env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = process.argv.includes('serve');
  return {
    mode: dev ? 'development' : 'production',
    entry: { taskpane: './src/taskpane/index.tsx' },
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
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Types are checked by `npm run typecheck`; ES modules let webpack split chunks and tree-shake.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', target: 'es2019', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
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
