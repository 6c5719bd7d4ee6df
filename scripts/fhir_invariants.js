#!/usr/bin/env node
// A second, independent check of the FHIR export: evaluates every invariant
// (constraint) that the HL7 FHIR R5 core StructureDefinitions declare on the
// Bundle, on each resource type in it and on every data type they use
// (bdl-*, cud-*, grp-*, txt-*, ref-*, qty-*, ele-1, dom-*, ...), with the
// FHIRPath engine `fhirpath` (npm, with its R5 model), offline.
//
//   npm install --prefix target/fhir-node fhirpath@5.2.2 hl7.fhir.r5.core@5.0.0
//   node scripts/fhir_invariants.js target/fhir-node bundle.json
//
// Errors (severity "error") fail; warnings (for example dom-6, "a resource
// should have narrative") are listed. An invariant whose expression the engine
// cannot evaluate fails too, so nothing is skipped silently.
"use strict";

const fs = require("fs");
const path = require("path");

// The top-level `or` operands of a FHIRPath expression.
function disjuncts(expr) {
  const out = [];
  let depth = 0;
  let quote = null;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === "`") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && expr.startsWith(" or ", i)) {
      out.push(expr.slice(start, i).trim());
      start = i + 4;
    }
  }
  out.push(expr.slice(start).trim());
  return out;
}

function main() {
  const [nodeDir, bundlePath] = process.argv.slice(2);
  if (!nodeDir || !bundlePath) {
    console.error("usage: fhir_invariants.js <node_modules prefix> <bundle.json>");
    process.exit(2);
  }
  const modules = path.resolve(nodeDir, "node_modules");
  const fhirpath = require(path.join(modules, "fhirpath"));
  const model = require(path.join(modules, "fhirpath", "fhir-context", "r5"));
  const pkg = path.join(modules, "hl7.fhir.r5.core");
  const pkgVersion = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8")).version;

  // Every StructureDefinition of the core package, by type name.
  const sds = {};
  for (const f of fs.readdirSync(pkg)) {
    if (!f.startsWith("StructureDefinition-") || !f.endsWith(".json")) continue;
    const sd = JSON.parse(fs.readFileSync(path.join(pkg, f), "utf8"));
    if (sd.derivation === "specialization" || sd.kind === "primitive-type" || !sd.baseDefinition) {
      if (!sds[sd.type] || sd.derivation === "specialization") sds[sd.type] = sd;
    }
  }

  const bundle = JSON.parse(fs.readFileSync(bundlePath, "utf8"));
  const errors = [];
  const warnings = [];
  const checked = {};

  const options = { traceFn: () => {} };
  function run(resource, expression) {
    return fhirpath.evaluate(resource, expression, { resource, rootResource: bundle }, model, options);
  }

  // Applies the constraints that the type `type` declares (on itself and on
  // its elements) to the values that the FHIRPath `nav` selects in
  // `resource` (`nav` empty: the resource itself).
  function apply(type, nav, where, resource, depth) {
    const sd = sds[type];
    if (!sd || depth > 12) return;
    for (const el of sd.snapshot.element) {
      const segments = el.path.split(".").slice(1).map((s) => s.replace("[x]", ""));
      // Quoted, since element names such as `div` are FHIRPath keywords.
      const path = [nav, ...segments.map((s) => "`" + s + "`")].filter((s) => s).join(".");
      let count;
      try {
        count = path ? run(resource, `${path}.count()`)[0] : 1;
      } catch (e) {
        errors.push(`could not select ${el.path} in ${where}: ${String(e.message).split("\n")[0]}`);
        continue;
      }
      if (!count) continue;
      const label = `${where}${segments.length ? "." + segments.join(".") : ""}`;
      const types = (el.type || []).map((t) => t.code);
      for (const c of el.constraint || []) {
        if (!c.expression) continue;
        checked[c.key] = (checked[c.key] || 0) + count;
        if (types.length === 1 && types[0] === "xhtml" && c.key === "ele-1") {
          // fhirpath does not give xhtml a value for hasValue(); the
          // narrative's own txt-1/txt-2 (htmlChecks()) check its content.
          const divs = run(resource, `${path}`);
          if (!divs.every((d) => typeof d === "string" && d.length > 0)) {
            errors.push(`ele-1 (error) fails at ${label}: an empty div`);
          }
          continue;
        }
        const evaluate = (expr) =>
          path ? run(resource, `${path}.select((${expr}))`) : run(resource, expr);
        let result;
        try {
          result = evaluate(c.expression);
        } catch (e) {
          // fhirpath evaluates both sides of `or`; where one side uses a
          // function it lacks (lowBoundary() on a Quantity, in rng-2), the
          // invariant still holds when another disjunct is true for every value.
          const parts = disjuncts(c.expression);
          const holds =
            parts.length > 1 &&
            parts.some((p) => {
              try {
                const r = evaluate(p);
                return r.length === count && r.every((x) => x === true);
              } catch (_) {
                return false;
              }
            });
          if (!holds) {
            errors.push(`${c.key} could not be evaluated at ${label}: ${String(e.message).split("\n")[0]}`);
          }
          continue;
        }
        if (!result.every((r) => r === true)) {
          const msg = `${c.key} (${c.severity}) fails at ${label}: ${c.human}`;
          (c.severity === "error" ? errors : warnings).push(msg);
        }
      }
      // Data types' own constraints (their elements are not in this snapshot).
      if (segments.length === 0) continue;
      for (const code of types) {
        if (code === "BackboneElement" || code === "Element" || code.startsWith("http://")) continue;
        if (code === "Resource") {
          // Each contained resource against its own type, as its own root.
          for (const r of run(resource, path)) {
            if (r && r.resourceType) apply(r.resourceType, "", `${r.resourceType}/${r.id}`, r, depth + 1);
          }
          continue;
        }
        const tsd = sds[code];
        if (!tsd || tsd.kind !== "complex-type") continue;
        const typed = types.length === 1 ? path : `${path}.ofType(${code})`;
        apply(code, typed, label, resource, depth + 1);
      }
    }
  }

  if (bundle.resourceType !== "Bundle") {
    console.error("not a Bundle");
    process.exit(1);
  }
  apply("Bundle", "", "Bundle", bundle, 0);
  // Resource-level invariants of each entry (dom-*, and the resource's own).
  for (const e of bundle.entry || []) {
    const r = e.resource;
    if (!r || !sds[r.resourceType]) {
      errors.push(`entry ${e.fullUrl}: unknown resource type ${r && r.resourceType}`);
    }
  }

  const keys = Object.keys(checked).sort();
  console.log(
    `FHIRPath invariants (fhirpath ${require(path.join(modules, "fhirpath", "package.json")).version}, hl7.fhir.r5.core ${pkgVersion}): ` +
      `${keys.length} invariants, ${Object.values(checked).reduce((a, b) => a + b, 0)} evaluations: ${keys.join(" ")}`
  );
  for (const w of [...new Set(warnings)]) console.log(`warning: ${w}`);
  for (const e of [...new Set(errors)]) console.log(`error: ${e}`);
  if (errors.length > 0) process.exit(1);
  console.log("ok: no invariant fails");
}

main();
