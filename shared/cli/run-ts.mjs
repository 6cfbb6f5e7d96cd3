#!/usr/bin/env node
// Runs a TypeScript file with tsx (used by `npm run bench`).
import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [file, ...rest] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(file), ...rest];
await tsImport(pathToFileURL(resolve(file)).href, import.meta.url);
