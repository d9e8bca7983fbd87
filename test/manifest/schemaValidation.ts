// Validates a manifest against Microsoft's add-in-only manifest XSDs with xmllint compiled to
// WebAssembly: no network, no native xmllint. The main schema imports the others by file name
// (schemaLocation="OfficeAppBasicTypesV1_0.xsd", ...), so they are preloaded under those names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const SCHEMA_DIR = join(__dirname, 'schemas');
const MAIN_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const IMPORTED_SCHEMAS = [
  'OfficeAppBasicTypesV1_0.xsd',
  'MailAppVersionOverridesV1_0.xsd',
  'MailAppVersionOverridesV1_1.xsd',
  'TaskPaneAppVersionOverridesV1_0.xsd',
];

const schemaFile = (fileName: string) => ({
  fileName,
  contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8'),
});

/** Schema errors as "line N: message"; empty when the manifest is valid. */
export async function validateAgainstSchemas(
  xml: string,
  fileName = 'manifest.xml',
): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schemaFile(MAIN_SCHEMA)],
    preload: IMPORTED_SCHEMAS.map(schemaFile),
  });
  if (result.valid) return [];
  // A failed run with no parsed errors must still fail, with xmllint's own words.
  if (result.errors.length === 0)
    return [result.rawOutput.trim() || 'xmllint reported the manifest invalid'];
  return result.errors.map((error) =>
    error.loc ? `line ${error.loc.lineNumber}: ${error.message}` : error.message,
  );
}
