"use strict";
/**
 * Run with `node --expose-gc collectable.cjs '<cases as JSON>'`: for each case, makes an instance,
 * calls its memoized member once, drops it, and reports whether the garbage collector could
 * reclaim it (a FinalizationRegistry callback ran). Prints one JSON array of booleans.
 *
 * A case: { file, className, constructorArgs, member, args, getter }.
 */
const cases = JSON.parse(process.argv[2]);

async function collected(testCase) {
  const module = require(testCase.file);
  let done = false;
  const registry = new FinalizationRegistry(() => {
    done = true;
  });
  (() => {
    const instance = new module[testCase.className](...testCase.constructorArgs);
    const result = testCase.getter ? instance[testCase.member] : instance[testCase.member](...testCase.args);
    if (result && typeof result.catch === "function") result.catch(() => {});
    registry.register(instance, testCase.member);
  })();
  for (let round = 0; round < 30 && !done; round++) {
    globalThis.gc();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return done;
}

(async () => {
  const results = [];
  for (const testCase of cases) results.push(await collected(testCase));
  process.stdout.write(JSON.stringify(results));
})();
