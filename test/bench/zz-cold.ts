import { benchColdStart } from '/work/main/test/bench/cold-start';
console.table(await benchColdStart());
