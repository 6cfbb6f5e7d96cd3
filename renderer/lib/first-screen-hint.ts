// Which screen the app is likely to open on, and the loaders of the two screens' chunks. No
// imports: main.tsx reads this before any of the app's script has been fetched, so the likely
// screen's chunk downloads and parses alongside the app shell instead of after it.
export type FirstScreen = 'setup' | 'workspace';

const KEY = 'xiaobiao:first-screen';

export const loadSetup = () => import('../features/setup/setup-page');
export const loadWorkspace = () => import('../features/workspace/workspace');

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage blocked (privacy settings): a hint only, nothing depends on it
  }
}

/** The screen the last start showed (a hint; with none, the set-up page of a first run). */
export function lastFirstScreen(): FirstScreen {
  return storage()?.getItem(KEY) === 'workspace' ? 'workspace' : 'setup';
}

export function rememberFirstScreen(screen: FirstScreen): void {
  const s = storage();
  if (s && s.getItem(KEY) !== screen) s.setItem(KEY, screen);
}

/** Starts fetching and parsing the likely first screen; a wrong guess costs one extra chunk. */
export function preloadFirstScreen(screen: FirstScreen = lastFirstScreen()): Promise<unknown> {
  return (screen === 'workspace' ? loadWorkspace() : loadSetup()).catch(() => undefined);
}
