import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const SCHEMA_DIR = fileURLToPath(new URL('../../../schema', import.meta.url));

/** The SDL from schema/, one file per domain module, base first so others can extend it. */
export function loadSchemaSource(): string {
  const files = readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((file) => readFileSync(path.join(SCHEMA_DIR, file), 'utf8')).join('\n');
}
