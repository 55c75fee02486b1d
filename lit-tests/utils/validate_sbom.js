// validate_sbom.js - validates ExitBar's SBOMs with independent validators
// SPDX-License-Identifier: Apache-2.0
//
// Usage: node validate_sbom.js cyclonedx FILE
//        node validate_sbom.js spdx SCHEMA FILE
// Prints "valid: FILE" and exits 0, or prints each problem and exits 1.
// CycloneDX: the CycloneDX project's own JsonStrictValidator (1.5). SPDX:
// ajv against the official 2.3 schema, plus what that schema leaves lax
// (dates, SPDXIDs, licence expressions, checksums, filesAnalyzed) and the
// dependency graph's references in both formats.
'use strict';
const fs = require('fs');

const problems = [];
const problem = (m) => problems.push(m);

function finish(file) {
  if (problems.length) {
    problems.forEach((p) => console.log('invalid: ' + p));
    process.exit(1);
  }
  console.log('valid: ' + file);
}

async function cyclonedx(file) {
  const { Spec, Validation } = require('@cyclonedx/cyclonedx-library');
  const text = fs.readFileSync(file, 'utf8');
  const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot5);
  const errors = await validator.validate(text);
  if (errors !== null) problem('schema: ' + JSON.stringify(errors, null, 1));
  const bom = JSON.parse(text);
  const refs = new Set([bom.metadata.component['bom-ref']]);
  (bom.components || []).forEach((c) => {
    if (refs.has(c['bom-ref'])) problem('duplicate bom-ref ' + c['bom-ref']);
    refs.add(c['bom-ref']);
    if (c.purl && !/^pkg:[a-z0-9.+-]+\//.test(c.purl)) problem('bad purl ' + c.purl);
  });
  (bom.dependencies || []).forEach((d) => {
    if (!refs.has(d.ref)) problem('dependency of unknown ref ' + d.ref);
    (d.dependsOn || []).forEach((r) => {
      if (!refs.has(r)) problem(d.ref + ' depends on unknown ref ' + r);
    });
  });
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(bom.metadata.timestamp))
    problem('timestamp ' + bom.metadata.timestamp);
  finish(file);
}

function spdx(schemaFile, file) {
  const Ajv = require('ajv');
  const addFormats = require('ajv-formats');
  const parse = require('spdx-expression-parse');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validate(doc)) problem('schema: ' + ajv.errorsText(validate.errors));

  if (doc.spdxVersion !== 'SPDX-2.3') problem('spdxVersion ' + doc.spdxVersion);
  if (doc.dataLicense !== 'CC0-1.0') problem('dataLicense ' + doc.dataLicense);
  if (doc.SPDXID !== 'SPDXRef-DOCUMENT') problem('document SPDXID ' + doc.SPDXID);
  // 6.5: an absolute URI without '#'.
  let ns;
  try { ns = new URL(doc.documentNamespace); } catch (e) { ns = null; }
  if (!ns || doc.documentNamespace.includes('#'))
    problem('documentNamespace ' + doc.documentNamespace);
  // 6.9: YYYY-MM-DDThh:mm:ssZ, UTC.
  const created = doc.creationInfo && doc.creationInfo.created;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(created || '') ||
      isNaN(Date.parse(created)))
    problem('created ' + created);
  (doc.creationInfo.creators || []).forEach((c) => {
    if (!/^(Person|Organization|Tool): \S/.test(c)) problem('creator ' + c);
  });

  const ids = new Set(['SPDXRef-DOCUMENT']);
  const idOk = (id) => /^SPDXRef-[A-Za-z0-9.-]+$/.test(id);
  const license = (where, value) => {
    if (value === undefined || value === 'NOASSERTION' || value === 'NONE') return;
    try { parse(value); } catch (e) { problem(where + ': licence expression ' + value); }
  };
  const files = new Map();
  (doc.files || []).forEach((f) => {
    if (!idOk(f.SPDXID)) problem('SPDXID ' + f.SPDXID);
    if (ids.has(f.SPDXID)) problem('duplicate SPDXID ' + f.SPDXID);
    ids.add(f.SPDXID);
    files.set(f.SPDXID, f);
    // 8.4: every file has a SHA1 checksum.
    if (!(f.checksums || []).some((c) => c.algorithm === 'SHA1' && /^[0-9a-f]{40}$/.test(c.checksumValue)))
      problem(f.SPDXID + ': no SHA1 checksum');
    license(f.SPDXID, f.licenseConcluded);
  });
  (doc.packages || []).forEach((p) => {
    if (!idOk(p.SPDXID)) problem('SPDXID ' + p.SPDXID);
    if (ids.has(p.SPDXID)) problem('duplicate SPDXID ' + p.SPDXID);
    ids.add(p.SPDXID);
    license(p.SPDXID, p.licenseConcluded);
    license(p.SPDXID, p.licenseDeclared);
    if (p.supplier && !/^(Person: |Organization: |NOASSERTION$)/.test(p.supplier))
      problem(p.SPDXID + ': supplier ' + p.supplier);
    // 7.8/7.9: analysed files need a verification code; unanalysed, none.
    const analysed = p.filesAnalyzed !== false;
    if (analysed && !p.packageVerificationCode)
      problem(p.SPDXID + ': filesAnalyzed without packageVerificationCode');
    if (!analysed && (p.hasFiles || p.packageVerificationCode))
      problem(p.SPDXID + ': files listed but filesAnalyzed is false');
    (p.hasFiles || []).forEach((f) => {
      if (!files.has(f)) problem(p.SPDXID + ': hasFiles names unknown ' + f);
    });
    (p.externalRefs || []).forEach((r) => {
      if (r.referenceType === 'purl' && !/^pkg:[a-z0-9.+-]+\//.test(r.referenceLocator))
        problem(p.SPDXID + ': purl ' + r.referenceLocator);
    });
  });
  (doc.relationships || []).forEach((r) => {
    for (const id of [r.spdxElementId, r.relatedSpdxElement])
      if (!ids.has(id) && id !== 'NONE' && id !== 'NOASSERTION')
        problem('relationship names unknown ' + id);
  });
  if (!(doc.relationships || []).some((r) => r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES'))
    problem('the document DESCRIBES nothing');
  finish(file);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'cyclonedx') cyclonedx(args[0]).catch((e) => { console.log('error: ' + e); process.exit(2); });
else if (mode === 'spdx') spdx(args[0], args[1]);
else { console.log('usage: validate_sbom.js cyclonedx FILE | spdx SCHEMA FILE'); process.exit(2); }
