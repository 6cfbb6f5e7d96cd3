// The two screens the app can open on are separate chunks: a first run parses only the set-up
// page, a school's PC only the workspace (parsing one 2 MB bundle was most of a cold start).
import { lazy } from 'react';
import { loadSetup, loadWorkspace } from './first-screen-hint';

export { rememberFirstScreen } from './first-screen-hint';

export const SetupPage = lazy(() => loadSetup().then((m) => ({ default: m.SetupPage })));
export const Workspace = lazy(() => loadWorkspace().then((m) => ({ default: m.Workspace })));
