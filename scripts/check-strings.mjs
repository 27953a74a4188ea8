// Fails when a component shows people words that are not in the message catalogues
// (messages/<language>/*.json, issue 12): every word on a screen must be translatable.
//
// What counts as a hard-coded string, in .ts and .tsx files under src/app and
// src/components (tests excluded):
// - JSX text with a letter in it (`<p>Cancel</p>`, `<b>KES</b>`);
// - a string in a JSX attribute people read or hear (aria-label, title, placeholder, alt,
//   label, ...);
// - any other string literal or template that reads like words: a capitalised word followed
//   by another word ("Waiting for agent", `Sent to ${phone}`).
// A line may opt out with a comment `i18n-ignore: <why>` on it or the line above (a brand
// name, a currency code). Usage: node scripts/check-strings.mjs [dir-or-file ...]
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOTS =
  process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["src/app", "src/components"];
const SPOKEN_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "aria-roledescription",
  "title",
  "placeholder",
  "alt",
  "label",
]);
const LETTER = /\p{L}/u;
const WORDS = /\p{Lu}\p{Ll}+[ \u00a0]+[\p{L}\d]/u;

function filesUnder(entry) {
  if (statSync(entry).isFile()) return [entry];
  return readdirSync(entry, { recursive: true })
    .map((name) => path.join(entry, String(name)))
    .filter(
      (file) =>
        /\.tsx?$/.test(file) && !/\.(test|spec)\.tsx?$/.test(file) && !file.endsWith(".d.ts"),
    );
}

function ignored(lines, line) {
  return [lines[line], lines[line - 1]].some((text) => text?.includes("i18n-ignore:"));
}

export function findHardCoded(file) {
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found = [];
  const report = (node, words) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    if (!ignored(lines, line))
      found.push({ file, line: line + 1, words: words.trim().slice(0, 80) });
  };
  const visit = (node) => {
    if (ts.isJsxText(node)) {
      if (LETTER.test(node.text)) report(node, node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(source);
      const value = node.initializer;
      if (
        value &&
        ts.isStringLiteral(value) &&
        SPOKEN_ATTRIBUTES.has(name) &&
        LETTER.test(value.text)
      ) {
        report(value, value.text);
        return;
      }
      if (value && ts.isStringLiteral(value)) return; // className, data-testid, href, ...
    } else if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      return;
    } else if (ts.isCallExpression(node) && isDirective(node)) {
      return;
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (WORDS.test(node.text) && !isDirectiveString(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("…");
      if (WORDS.test(literal)) report(node, literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `"use client"` and the like. */
function isDirectiveString(node) {
  return ts.isExpressionStatement(node.parent) && /^use (client|server)$/.test(node.text);
}

/** Calls whose strings are not shown to people: class names, test ids, logging keys. */
function isDirective(node) {
  const callee = node.expression.getText();
  return callee === "require" || callee === "console.log" || callee === "console.error";
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const found = ROOTS.flatMap(filesUnder).flatMap(findHardCoded);
  for (const f of found) console.log(`${f.file}:${f.line}: ${JSON.stringify(f.words)}`);
  if (found.length > 0) {
    console.error(
      `\n${found.length} hard-coded strings: move them to messages/ (or mark the line "i18n-ignore: <why>").`,
    );
    process.exit(1);
  }
  console.log("check-strings: no hard-coded strings in", ROOTS.join(", "));
}
