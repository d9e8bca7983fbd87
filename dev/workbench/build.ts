// Runs the project's webpack configuration for one profile (as `npm run build` does), in process.
import path from 'node:path';
import webpack from 'webpack';

export function buildProfile(
  profile: 'workbench' | 'production',
  options: { quiet?: boolean } = {},
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.resolve(__dirname, '..', '..', 'webpack.config.js'));
  const config = makeConfig({ profile }, { mode: 'production' });
  if (!options.quiet) console.log(`Building the ${profile} bundle (webpack, production mode)…`);
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) {
        return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      }
      resolve();
    });
  });
}

/** The task pane without the Office.js CDN, plus the workbench page. */
export const buildWorkbench = (options: { quiet?: boolean } = {}) =>
  buildProfile('workbench', options);
