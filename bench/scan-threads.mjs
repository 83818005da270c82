// `memocap scan` through the API with a given number of analysing threads: node bench/scan-threads.mjs TREE THREADS
import { scan } from "../dist/src/scan.js";

const [tree, threads] = process.argv.slice(2);
const result = await scan({ paths: [tree], threads: Number(threads) });
console.log(JSON.stringify({ files: result.filesScanned, parsed: result.filesParsed, sites: result.sites.length }));
