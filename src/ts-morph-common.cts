/**
 * @ts-morph/common (the lib files TypeScript needs, carried as text), through CommonJS: an ESM
 * named import would make Node's ESM loader lex its 3 MB bundle for export names on every run.
 */
import common = require("@ts-morph/common");
export = common;
