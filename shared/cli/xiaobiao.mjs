#!/usr/bin/env node
// Entry point of the `xiaobiao` command. It runs the TypeScript sources through tsx, so
// `npx xiaobiao …` works straight after `npm install`, with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
