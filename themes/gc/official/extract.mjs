#!/usr/bin/env node
// Extracts the gc theme's official files (the Government of Canada signature, the Canada
// wordmark, the Lato and Noto Sans fonts, the colour and size tokens, and their licences) from
// the GC Design System packages pinned in ../package-lock.json, into ../static/gcds/.
//
//   node themes/gc/official/extract.mjs           write the files (after changing a version)
//   node themes/gc/official/extract.mjs --check   compare the committed files with the packages,
//                                                 byte for byte; exit 1 on any difference
//
// Each package is fetched with `npm pack` (its tarball alone, none of its dependencies), and its
// sha512 is checked against the lockfile before anything is read from it. Building a site never
// runs this: the extracted files are committed.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const theme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(theme, "static", "gcds");

// [package, file inside the package, destination under static/gcds/]
const kFiles = [
  ["@gcds-core/components", "dist/collection/components/gcds-signature/assets/sig-blk-en.svg", "identity/sig-blk-en.svg"],
  ["@gcds-core/components", "dist/collection/components/gcds-signature/assets/sig-blk-fr.svg", "identity/sig-blk-fr.svg"],
  ["@gcds-core/components", "dist/collection/components/gcds-signature/assets/wmms-spl-en.svg", "identity/wmms-spl-en.svg"],
  ["@gcds-core/components", "dist/collection/components/gcds-signature/assets/wmms-spl-fr.svg", "identity/wmms-spl-fr.svg"],
  ["@gcds-core/fonts", "fonts/lato/gcds-lato.woff2", "fonts/lato/gcds-lato.woff2"],
  ["@gcds-core/fonts", "fonts/lato/gcds-lato-italic.woff2", "fonts/lato/gcds-lato-italic.woff2"],
  ["@gcds-core/fonts", "fonts/lato/LICENSE.txt", "fonts/lato/LICENSE.txt"],
  ["@gcds-core/fonts", "fonts/noto-sans/gcds-noto-sans-regular.woff2", "fonts/noto-sans/gcds-noto-sans-regular.woff2"],
  ["@gcds-core/fonts", "fonts/noto-sans/gcds-noto-sans-regular-italic.woff2", "fonts/noto-sans/gcds-noto-sans-regular-italic.woff2"],
  ["@gcds-core/fonts", "fonts/noto-sans/gcds-noto-sans-bold.woff2", "fonts/noto-sans/gcds-noto-sans-bold.woff2"],
  ["@gcds-core/fonts", "fonts/noto-sans/gcds-noto-sans-bold-italic.woff2", "fonts/noto-sans/gcds-noto-sans-bold-italic.woff2"],
  ["@gcds-core/fonts", "fonts/noto-sans/LICENSE.txt", "fonts/noto-sans/LICENSE.txt"],
  ["@gcds-core/tokens", "build/web/css/global.css", "tokens/global.css"],
  ["@gcds-core/tokens", "build/web/css/components/signature.css", "tokens/components/signature.css"],
  ["@gcds-core/tokens", "LICENSE", "tokens/LICENSE"],
];

function pinned() {
  const lock = JSON.parse(fs.readFileSync(path.join(theme, "package-lock.json"), "utf8"));
  const packages = {};
  for (const name of new Set(kFiles.map(([p]) => p))) {
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry || !entry.integrity) throw new Error(`${name} is not pinned in package-lock.json`);
    packages[name] = entry;
  }
  return packages;
}

// Fetches one pinned tarball, checks it against the lockfile and unpacks it; returns its folder.
function unpack(name, entry, work) {
  const out = execFileSync("npm", ["pack", `${name}@${entry.version}`, "--json", "--pack-destination", work],
                           { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const tarball = path.join(work, JSON.parse(out)[0].filename);
  const sha = "sha512-" + createHash("sha512").update(fs.readFileSync(tarball)).digest("base64");
  if (sha !== entry.integrity) throw new Error(`${name}@${entry.version}: ${sha} is not the lockfile's ${entry.integrity}`);
  const dir = path.join(work, name.replace("/", "__"));
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["xzf", tarball, "-C", dir]);
  return path.join(dir, "package");
}

function provenance(packages) {
  const lines = [
    "# Provenance of the gc theme's official files",
    "",
    "Extracted unchanged, byte for byte, by `themes/gc/official/extract.mjs` from the GC Design System",
    "packages pinned in `themes/gc/package-lock.json`; `extract.mjs --check` compares them again.",
    "Do not edit these files: change the version in `themes/gc/package.json`, run",
    "`npm install --package-lock-only` in `themes/gc/`, then `node themes/gc/official/extract.mjs`.",
    "",
    "| package | version | licence | integrity |",
    "|---|---|---|---|",
  ];
  for (const [name, entry] of Object.entries(packages))
    lines.push(`| \`${name}\` | ${entry.version} | ${entry.license} | \`${entry.integrity}\` |`);
  lines.push("", "| file | from |", "|---|---|");
  for (const [name, from, to] of kFiles) lines.push(`| \`${to}\` | \`${name}\`: \`${from}\` |`);
  lines.push("| `favicon.svg` | made by extract.mjs: the flag path of `identity/wmms-spl-en.svg`, red on white |");
  lines.push("", "`@gcds-core/components` declares the MIT licence in its package.json and ships no licence file;",
             "its copyright holder is the Canadian Digital Service, as in `tokens/LICENSE`. The signature and",
             "the wordmark are also governed by the Federal Identity Program: use them only on a",
             "Government of Canada site.", "");
  return lines.join("\n");
}

// The packages ship no favicon: the theme's is the flag of the official wordmark (its fip_flag path,
// unchanged) in the flag's red, on a white square.
function favicon(wordmark) {
  const flag = wordmark.toString("utf8").match(/<path class="fip_flag" d="([^"]+)"/);
  if (!flag) throw new Error("the wordmark has no fip_flag path to make the favicon from");
  return Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="121.2 -5.05 22.9 22.9">' +
    '<rect x="121.2" y="-5.05" width="22.9" height="22.9" fill="#fff"/>' +
    `<path fill="#eb2d37" d="${flag[1]}"/></svg>\n`);
}

function main() {
  const check = process.argv.includes("--check");
  const packages = pinned();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gc-official-"));
  try {
    const roots = {};
    for (const [name, entry] of Object.entries(packages)) roots[name] = unpack(name, entry, work);
    const wanted = kFiles.map(([name, from, to]) => [to, fs.readFileSync(path.join(roots[name], from))]);
    wanted.push(["favicon.svg", favicon(wanted.find(([to]) => to === "identity/wmms-spl-en.svg")[1])]);
    wanted.push(["PROVENANCE.md", Buffer.from(provenance(packages))]);
    let differences = 0;
    for (const [to, bytes] of wanted) {
      const dest = path.join(target, to);
      if (check) {
        const same = fs.existsSync(dest) && Buffer.compare(fs.readFileSync(dest), bytes) === 0;
        if (!same) console.error(`differs from the package: themes/gc/static/gcds/${to}`);
        differences += same ? 0 : 1;
      } else {
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, bytes);
      }
    }
    if (check && differences) process.exit(1);
    console.log(`${wanted.length} files ${check ? "identical to" : "extracted from"} the pinned packages`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
