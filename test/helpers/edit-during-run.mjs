/**
 * Preloaded into a memocap run (`node --import`) to play a person who edits or deletes files while
 * memocap works on them. MEMOCAP_TEST_EDITS is a JSON list of { file, action, moment }: action
 * "edit" or "delete"; moment "before-reread" (just before fix reads the file again to rewrite it,
 * after the scan read it) or "before-write" (just before the last content check ahead of the write).
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const edits = JSON.parse(process.env.MEMOCAP_TEST_EDITS ?? "[]");
const opens = new Map();
const done = new Set();

function actOn(path, moment) {
  const edit = edits.find((candidate) => candidate.file === String(path) && candidate.moment === moment);
  if (!edit || done.has(edit)) return;
  done.add(edit);
  if (edit.action === "delete") fs.unlinkSync(edit.file);
  else fs.appendFileSync(edit.file, "// edited meanwhile\n");
}

const { open, readFile } = fs.promises;
const { openSync } = fs;
// The scan opens a file once to read it; the rewrite opens it a second time (either call may do it).
function countOpen(path) {
  const count = (opens.get(String(path)) ?? 0) + 1;
  opens.set(String(path), count);
  if (count === 2) actOn(path, "before-reread");
}
fs.promises.open = async function (path, ...rest) {
  countOpen(path);
  return open.call(this, path, ...rest);
};
fs.openSync = function (path, ...rest) {
  countOpen(path);
  return openSync.call(this, path, ...rest);
};
// The write reads the file whole to compare it with what was analysed.
fs.promises.readFile = async function (path, ...rest) {
  actOn(path, "before-write");
  return readFile.call(this, path, ...rest);
};
syncBuiltinESMExports();
