import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { ROOT } from "./cli.ts";

const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8")) as object;

const outputAjv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(outputAjv);
/** memocap's JSON output schema (JSON Schema 2020-12), strictly compiled. */
export const validateOutput = outputAjv.compile(readJson("schema/memocap-output.schema.json"));

// The official OASIS schema is draft-04 (see test/fixtures/schemas/README.md); its `id` keyword is
// draft-04 syntax that Ajv's strict mode would reject, hence strict: false.
const sarifAjv = new Ajv04.default({ allErrors: true, strict: false });
addFormats.default(sarifAjv);
/** The SARIF 2.1.0 schema. */
export const validateSarif = sarifAjv.compile(readJson("test/fixtures/schemas/sarif-schema-2.1.0.json"));
