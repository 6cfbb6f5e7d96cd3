// The consolidation functions the bureau screens call, in one place: the core helper's pure
// modules (shared/consolidate/), shared with the CLI, so a file gets the same verdict on screen
// as from `xiaobiao consolidate`. The bureau's registry as the contract's Registry is built here.
import type { Registry, RegistrySchool, BureauProfile } from '../../../shared/consolidate/types';

export { verifyReport } from '../../../shared/consolidate/verify';
export { receiveAction, reportDiff, type CellChange } from '../../../shared/consolidate/versions';
export { factRows } from '../../../shared/consolidate/facts';
export { registryFromVerdict } from '../../../shared/consolidate/registry';

/** The registry as the consolidation modules take it (the records' own fields only). */
export function registryOf(bureau: BureauProfile, schools: readonly RegistrySchool[]): Registry {
  return {
    bureau,
    schools: schools.map((s) => ({
      code: s.code, name: s.name, type: s.type, sponsor: s.sponsor, township: s.township, urbanRural: s.urbanRural,
      ...(s.puhui !== undefined ? { puhui: s.puhui } : {}),
    })),
  };
}
