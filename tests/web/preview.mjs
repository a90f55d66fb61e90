// Drives `dizgi preview` in headless Chromium: the spreads and the diagnostics are there, a click
// on a diagnostic outlines its block on its page, an edited text reaches the page by itself, and
// a broken book.xml shows its error above the last good pages.
// Usage: node preview.mjs URL BOOK-FOLDER
import { launch, verdict } from './lib.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [url, folder] = process.argv.slice(2);
const failures = [];
const fail = (message) => failures.push(message);
const browser = await launch();
const generation = (page) => page.evaluate(() => Number(document.body.dataset.generation || 0));
async function nextBuild(page, after) {
  await page.waitForFunction((g) => Number(document.body.dataset.generation || 0) > g, after, { timeout: 120000 });
}
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => Number(document.body.dataset.generation || 0) >= 1, null, { timeout: 180000 });
  const status = await (await page.request.get(new URL('/api/status', url).href)).json();
  const figures = await page.locator('figure.page').count();
  if (figures !== status.pages.length || figures < 10) fail(`${figures} pages on screen, the build has ${status.pages.length}`);
  // Facing pages: page 1 alone on the right, then two to a spread.
  const spreads = await page.locator('.spread').count();
  const rectos = status.pages.filter((p) => p.recto).length;
  if (spreads !== rectos) fail(`${spreads} spreads for ${rectos} recto pages`);
  const loaded = await page.evaluate(() => [...document.querySelectorAll('figure.page img')].slice(0, 4)
    .every((img) => img.complete && img.naturalWidth > 0));
  if (!loaded) fail('the first pages did not load');

  // The diagnostic planted in the Sunuş text: listed, and a click outlines its block.
  const item = page.locator('#diagnostics li', { hasText: 'yok-boyle-tablo' });
  if (await item.count() !== 1) fail('the unresolved reference is not in the diagnostics list');
  else {
    await item.click();
    const mark = page.locator('figure.page .mark');
    if (await mark.count() !== 1) fail('a click on the diagnostic outlined nothing');
    else {
      const box = await mark.boundingBox();
      const owner = await mark.evaluate((m) => m.parentElement.id);
      const expected = status.diagnostics.find((d) => d.text.includes('yok-boyle-tablo'));
      if (!box || box.width < 50 || box.height < 2) fail('the outline has no size');
      if (owner !== `sayfa-${expected.page}`) fail(`the outline is on ${owner}, the block is on page ${expected.page}`);
    }
  }

  // An edit reaches the screen by itself: the Sunuş page gets a new image.
  const text = join(folder, 'texts/faaliyet-2025/sunus.md');
  const before = await page.evaluate(() => [...document.querySelectorAll('figure.page img')].map((i) => i.src));
  const g1 = await generation(page);
  const started = Date.now();
  writeFileSync(text, readFileSync(text, 'utf8').replace('\n\n', '\n\nÖnizleme sınaması bu cümleyi ekledi. '));
  await nextBuild(page, g1);
  await page.waitForFunction(() => [...document.querySelectorAll('figure.page img')].every((i) => i.complete));
  const elapsed = Date.now() - started;
  const after = await page.evaluate(() => [...document.querySelectorAll('figure.page img')].map((i) => i.src));
  const changed = after.filter((src, i) => src !== before[i]).length;
  if (changed < 1) fail('no page changed after the text was edited');
  if (changed > 3) fail(`${changed} pages were drawn again for one sentence`);
  const s2 = await (await page.request.get(new URL('/api/status', url).href)).json();
  if (s2.data_reloaded) fail('the data was read again although only a text changed');
  console.log(`edit to screen: ${elapsed} ms (layout ${s2.layout_ms} ms, ${s2.pages_drawn} page(s) drawn in ${s2.render_ms} ms)`);

  // A broken book.xml: the error is shown, the last good pages stay.
  const bookFile = join(folder, 'faaliyet-2025.xml');
  const good = readFileSync(bookFile, 'utf8');
  writeFileSync(bookFile, good.replace('</book>', ''));
  // An editor may be seen halfway through writing: wait for the state, not for one build.
  const failed = await page.waitForFunction(() => document.body.classList.contains('failed'), null, { timeout: 120000 })
    .then(() => true, () => false);
  const error = await page.locator('#error').textContent();
  if (!failed || !error.includes('faaliyet-2025.xml')) fail(`a broken book.xml shows no error naming it: "${error}"`);
  if (await page.locator('figure.page').count() !== figures) fail('the last good pages were not kept');
  writeFileSync(bookFile, good);
  const fixed = await page.waitForFunction(() => !document.body.classList.contains('failed'), null, { timeout: 120000 })
    .then(() => true, () => false);
  if (!fixed) fail('the error stayed after the fix');
} finally {
  await browser.close();
}
verdict(failures);
