import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const schemaPath = path.join(root, '..', 'shared', 'reference', 'appsscript.schema.json');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));

describe('appsscript.json', () => {
  const schemaTest = fs.existsSync(schemaPath) ? test : test.skip;

  schemaTest('is valid against the SchemaStore manifest schema', () => {
    const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
    delete schema.$schema;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('runs on V8 in Moscow time with Stackdriver logging', () => {
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Europe/Moscow', exceptionLogging: 'STACKDRIVER' });
  });

  test('asks only for the narrow scopes (no full Drive, no all-spreadsheets)', () => {
    const scopes: string[] = manifest.oauthScopes.map((s: string) => s.replace('https://www.googleapis.com/auth/', ''));
    expect(scopes).toEqual(expect.arrayContaining(['spreadsheets.currentonly', 'forms', 'documents', 'drive.file', 'script.container.ui', 'script.scriptapp', 'script.send_mail']));
    expect(scopes).not.toContain('drive');
    expect(scopes).not.toContain('spreadsheets');
  });

  test('enables the advanced Drive service (programme folder, template conversion) and the Docs service (page layout), with no scope beyond documents and drive.file', () => {
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
      { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
    ]);
    const scopes: string[] = manifest.oauthScopes.map((s: string) => s.replace('https://www.googleapis.com/auth/', ''));
    expect(scopes.filter((s) => s.startsWith('drive') || s.startsWith('documents'))).toEqual(['documents', 'drive.file']);
  });
});
