// build/config.js: a school's mail.urgentKeywords that still lists the old default words gets a
// plain warning at build time (issue 14: the built-in lexicon reads those words in context).
import path from 'node:path';

interface ConfigModule {
  urgentKeywordWarnings(config: unknown): string[];
  loadBuildConfig(
    profile: string,
    env?: Record<string, string>,
  ): { mail: { urgentKeywords: string[] } };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { urgentKeywordWarnings, loadBuildConfig } = require(
  path.join(__dirname, '../../../build/config.js'),
) as ConfigModule;

test("the old default words are named in a warning; the school's own extra words are not", () => {
  const [warning, ...more] = urgentKeywordWarnings({
    mail: { urgentKeywords: ['FGM', ' Missing ', 'police', 3] },
  });
  expect(more).toEqual([]);
  expect(warning).toContain(
    '" Missing ", "police" matched on their own would flag ordinary complaints',
  );
  expect(warning).not.toContain('FGM');
  expect(urgentKeywordWarnings({ mail: { urgentKeywords: ['FGM'] } })).toEqual([]);
  expect(urgentKeywordWarnings({ mail: {} })).toEqual([]);
  expect(urgentKeywordWarnings(undefined)).toEqual([]);
});

test('the shipped profiles have no school words (the lexicon is built in) and build without a warning', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  for (const profile of ['workbench', 'production']) {
    expect(loadBuildConfig(profile, {}).mail.urgentKeywords).toEqual([]);
  }
  expect(warn).not.toHaveBeenCalled();
  warn.mockRestore();
});
