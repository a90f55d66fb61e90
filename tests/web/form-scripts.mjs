// Opens a fillable web PDF in PDF.js (pdfjs-dist's viewer with its scripting sandbox, the form
// scripts running) in headless Chromium, types into its fields as a user does and checks what
// the viewer shows and what it would save: a money field typed "1234,5" shows "1.234,50" and
// stores "1234,5"; a number field refuses a letter; a percentage shows "%31,5"; a date picked
// is shown and stored as dd.mm.yyyy.
// Usage: node form-scripts.mjs FORM.pdf
import { launch, verdict } from './lib.mjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [pdf] = process.argv.slice(2);
const failures = [];
const fail = (message) => failures.push(message);
const pdfjs = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', 'pdfjs-dist');
const origin = 'http://dizgi.test';

// The viewer page: pdfjs-dist's PDFViewer with a scripting manager, as its simple-viewer example.
const viewerPage = `<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8"><title>form</title>
<link rel="stylesheet" href="/pdfjs/web/pdf_viewer.css"></head><body>
<div id="container" style="position:absolute;inset:0;overflow:auto"><div id="viewer" class="pdfViewer"></div></div>
<script type="module">
import * as pdfjsLib from '/pdfjs/build/pdf.mjs';
import { EventBus, PDFLinkService, PDFScriptingManager, PDFViewer } from '/pdfjs/web/pdf_viewer.mjs';
pdfjsLib.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.mjs';
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const scriptingManager = new PDFScriptingManager({ eventBus, sandboxBundleSrc: '/pdfjs/build/pdf.sandbox.mjs' });
const viewer = new PDFViewer({ container: document.getElementById('container'), viewer: document.getElementById('viewer'),
                               eventBus, linkService, scriptingManager });
linkService.setViewer(viewer);
scriptingManager.setViewer(viewer);
eventBus.on('sandboxcreated', () => { window.sandboxReady = true; });
const doc = await pdfjsLib.getDocument({ url: '/form.pdf' }).promise;
viewer.setDocument(doc);
linkService.setDocument(doc, null);
window.pdfDocument = doc;
// The widget ids of the fields by their fully qualified names.
window.fieldIds = {};
for (let n = 1; n <= doc.numPages; ++n) {
  for (const a of await (await doc.getPage(n)).getAnnotations()) if (a.fieldName) window.fieldIds[a.fieldName] = a.id;
}
window.fieldsReady = true;
</script></body></html>`;

const types = { '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
                '.pdf': 'application/pdf', '.map': 'application/json' };
const browser = await launch();
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => fail(`page error: ${error.message}`));
  page.on('dialog', (dialog) => dialog.dismiss());  // the viewer's "invalid value" alert
  await page.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    let file = null;
    if (path === '/') return route.fulfill({ body: viewerPage, contentType: 'text/html; charset=utf-8' });
    if (path === '/form.pdf') file = pdf;
    else if (path.startsWith('/pdfjs/') && !path.includes('..')) file = join(pdfjs, path.slice('/pdfjs/'.length));
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    try {
      const ext = path.slice(path.lastIndexOf('.'));
      return route.fulfill({ body: readFileSync(file), contentType: types[ext] || 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: 'not found' });
    }
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => window.fieldsReady && window.sandboxReady, null, { timeout: 60000 });
  const input = async (name) => {
    const id = await page.evaluate((n) => window.fieldIds[n], name);
    if (!id) throw new Error(`no field ${name} in the PDF`);
    const locator = page.locator(`[data-element-id="${id}"]`);
    await locator.scrollIntoViewIfNeeded();
    return { id, locator };
  };
  const stored = (id) => page.evaluate((i) => {
    const v = window.pdfDocument.annotationStorage.getValue(i, {});
    return v.value !== undefined ? String(v.value) : null;
  }, id);
  const typeInto = async (name, text) => {
    const field = await input(name);
    await field.locator.click();
    await field.locator.pressSequentially(text, { delay: 150 });  // each key goes through the sandbox
    await page.keyboard.press('Tab');  // commits: keystroke (willCommit), then format
    await page.waitForTimeout(300);
    return field;
  };

  const money = await typeInto('faaliyet.P1.1.1.harcanan.2025', '1234,5');
  const shown = await money.locator.inputValue();
  if (shown !== '1.234,50') fail(`money typed "1234,5" shows "${shown}", not "1.234,50"`);
  const kept = await stored(money.id);
  if (kept !== '1234,5') fail(`money typed "1234,5" is stored as "${kept}", not "1234,5"`);

  const number = await typeInto('gosterge.PG1.1.1.gerceklesme.2025', '12a,5');
  const typed = await number.locator.inputValue();
  if (typed !== '12,5') fail(`a number field typed "12a,5" shows "${typed}", not "12,5" (the letter refused)`);
  const typedKept = await stored(number.id);
  if (typedKept !== '12,5') fail(`a number typed "12a,5" is stored as "${typedKept}", not "12,5"`);

  const percent = await typeInto('faaliyet.P1.1.1.fiziki_gerceklesme.2025', '31,5');
  const percentShown = await percent.locator.inputValue();
  if (percentShown !== '%31,5') fail(`percentage typed "31,5" shows "${percentShown}", not "%31,5"`);

  // PDF.js gives a field with a date format a date picker; the date picked is shown and stored
  // as dd.mm.yyyy, the form pdfform reads.
  const date = await input('birim.27.tarih');
  await date.locator.click();
  await date.locator.fill('2025-12-31');
  await date.locator.press('Enter');  // commits
  await (await input('imza.adi_soyadi')).locator.click();  // leaves the field
  await page.waitForTimeout(500);
  const dateShown = await date.locator.inputValue();
  if (dateShown !== '31.12.2025') fail(`the date picked shows "${dateShown}", not "31.12.2025"`);
  const dateKept = await stored(date.id);
  if (dateKept !== '31.12.2025') fail(`the date picked is stored as "${dateKept}", not "31.12.2025"`);
} finally {
  await browser.close();
}
verdict(failures);
