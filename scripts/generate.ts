/**
 * Regenerates every view of the sources of truth (the dataset catalogue, the issue-code registries,
 * the built-in profiles): `npm run gen` writes them, `npm run gen:check` fails when one is stale.
 * The code-list copies are checked too when ../shared/reference is present.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAnnex, builtinProfiles, catalogue, catalogueAt, renderAnnexMarkdown } from '@originlink/dataset';
import { renderDatasetReference } from '../packages/dataset/src/generators/dataset-reference.js';
import { renderTypes } from '../packages/dataset/src/generators/typescript-types.js';
import { renderXsd } from '../packages/dataset/src/generators/xsd.js';
import { renderJsonSchema } from '../packages/dataset/src/generators/json-schema.js';
import { renderBuiltinProfiles } from '../packages/dataset/src/profiles/builtin-generator.js';
import { aladiSchemaFiles } from './import-aladi-schema.js';
import { codelistFiles } from './import-codelists.js';
import { renderConfigDoc } from '../packages/cli/src/docs/render-config-doc.js';
import { renderErrorsDoc } from '../packages/cli/src/docs/render-errors-doc.js';
import { renderOpenApi } from '../packages/cli/src/docs/render-openapi.js';
import { writeGenerated, type GeneratedFile } from './lib/generated-file.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => `${root}${path}`;

function profileFiles(): { name: string; text: string }[] {
  const dir = at('packages/dataset/profiles/');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((name) => ({ name, text: readFileSync(`${dir}${name}`, 'utf8') }));
}

async function views(): Promise<GeneratedFile[]> {
  return [
    { path: at('docs/reference/errors.md'), content: renderErrorsDoc() },
    { path: at('docs/reference/configuration.md'), content: renderConfigDoc() },
    { path: at('docs/reference/openapi.json'), content: await renderOpenApi() },
    { path: at('packages/dataset/src/types.generated.ts'), content: renderTypes(catalogue) },
    { path: at('packages/dataset/src/profiles/builtin-profiles.generated.ts'), content: renderBuiltinProfiles(profileFiles()) },
    { path: at('docs/reference/dataset.md'), content: renderDatasetReference(catalogue) },
    { path: at('packages/dataset/schema/eco-document.xsd'), content: renderXsd(catalogue) },
    ...builtinProfiles.map((p) => ({ path: at(`docs/annex/${p.id}.md`), content: renderAnnexMarkdown(buildAnnex(p, catalogueAt(p.datasetVersion as typeof catalogue.version))) })),
    { path: at('packages/dataset/schema/eco-document.schema.json'), content: `${JSON.stringify(renderJsonSchema(catalogue), null, 2)}\n` },
  ];
}

const check = process.argv.includes('--check');
const files = await views();
if (existsSync(at('../shared/reference/codelists'))) files.push(...codelistFiles(), ...aladiSchemaFiles());
else console.log('../shared/reference is absent: code-list copies not checked');
process.exitCode = writeGenerated(files, check);
