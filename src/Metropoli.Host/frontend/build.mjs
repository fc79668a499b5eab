// Front-end build (ADR 0036), run by the web project's build after npm ci and the copies of Bootstrap Italia:
//  1. bundles the few Bootstrap Italia components the pages use (bootstrap-italia.light.js) with esbuild;
//  2. writes fonts.css with each font's URL fingerprinted (?v=SHA-256, the format of asp-append-version), so that
//     fonts are cached for a year like every other fingerprinted asset;
//  3. precompresses the text files under wwwroot/lib (Brotli quality 11 and gzip level 9, beside each file as .br
//     and .gz), which PrecompressedStaticFiles serves to the browsers that accept them.
// Each step skips an output that is current (newer than its inputs; for the compressed copies, made from a file with
// the same SHA-256), so a build with nothing changed costs a fraction of a second.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, statSync, existsSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const wwwroot = join(here, '..', 'wwwroot');
const lib = join(wwwroot, 'lib');
const mtime = (f) => (existsSync(f) ? statSync(f).mtimeMs : 0);
const fresh = (output, inputs) => existsSync(output) && inputs.every((i) => mtime(i) <= mtime(output));

// 1. The JavaScript bundle.
const entry = join(here, 'bootstrap-italia.light.js');
const bundle = join(lib, 'bootstrap-italia', 'js', 'bootstrap-italia.light.min.js');
const biPackage = join(here, '..', '..', '..', 'node_modules', 'bootstrap-italia', 'package.json');
if (!fresh(bundle, [entry, biPackage, fileURLToPath(import.meta.url)])) {
  await build({
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

// 2. fonts.css with fingerprinted font URLs.
const fontsSource = join(here, 'fonts.css');
const fontsOut = join(lib, 'metropoli', 'fonts.css');
const fontUrls = [...readFileSync(fontsSource, 'utf8').matchAll(/url\("(\/lib\/[^"?]+)"\)/g)].map((m) => m[1]);
const fontFiles = fontUrls.map((u) => join(wwwroot, ...u.split('/').filter(Boolean)));
if (!fresh(fontsOut, [fontsSource, ...fontFiles])) {
  const css = readFileSync(fontsSource, 'utf8').replace(/url\("(\/lib\/[^"?]+)"\)/g, (_, url) => {
    const file = join(wwwroot, ...url.split('/').filter(Boolean));
    if (!existsSync(file)) throw new Error(`fonts.css names ${url}, which the build did not copy to ${file}`);
    return `url("${url}?v=${createHash('sha256').update(readFileSync(file)).digest('base64url')}")`;
  });
  mkdirSync(dirname(fontsOut), { recursive: true });
  writeFileSync(fontsOut, css);
}

// 3. Precompressed copies of the text files under wwwroot/lib.
const compressible = /\.(css|js|svg|json|map|txt)$/;
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(join(dir, e.name)) : compressible.test(e.name) && !e.name.startsWith('.') ? [join(dir, e.name)] : []);
// Whether a copy is current is decided by the SHA-256 of its file, recorded in .precompressed.json: file times alone
// could lie (a copied file keeps its source's time, which may be older than the copy made from the previous version).
const manifestFile = join(lib, '.precompressed.json');
const manifest = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
let written = 0;
for (const file of walk(lib)) {
  const data = readFileSync(file);
  const hash = createHash('sha256').update(data).digest('base64url');
  const key = relative(lib, file);
  if (manifest[key] === hash && existsSync(file + '.br') && existsSync(file + '.gz')) continue;
  writeFileSync(file + '.br', brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  writeFileSync(file + '.gz', gzipSync(data, { level: 9 }));
  manifest[key] = hash;
  written++;
}
if (written > 0) writeFileSync(manifestFile, JSON.stringify(manifest, null, 1));
if (written > 0) console.log(`front-end: ${written} file(s) under ${relative(process.cwd(), lib)} precompressed (.br, .gz)`);
