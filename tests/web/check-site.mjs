// Opens a site folder written by `dizgi publish` in headless Chromium and checks what a reader
// and a screen reader meet: the page's language, headings in order (no level skipped), every
// image loaded with an alternative text, every link resolving to a file of the folder (a
// #page=N link within the PDF's page count), and no script anywhere.
// Usage: node check-site.mjs SITE-FOLDER EXPECTED-BOOKS
import { launch, verdict } from './lib.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [site, expectedBooks] = process.argv.slice(2);
const failures = [];
const fail = (message) => failures.push(message);

const html = readFileSync(join(site, 'index.html'), 'utf8');
if (/<script/i.test(html)) fail('the page has a script');
if (/(src|href)="(https?:)?\/\//i.test(html)) fail('the page loads an external asset');

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(resolve(site, 'index.html')).href, { waitUntil: 'load' });
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])),
    images: [...document.images].map((img) => ({
      src: img.currentSrc, alt: img.getAttribute('alt'), loaded: img.complete && img.naturalWidth > 0,
      inView: img.loading !== 'lazy',
    })),
    links: [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.href, text: a.textContent.trim() })),
    books: document.querySelectorAll('main article').length,
    tocEntries: document.querySelectorAll('nav ol li a').length,
  }));
  if (facts.lang !== 'tr') fail(`html lang is "${facts.lang}", not "tr"`);
  if (!facts.title) fail('the page has no title');
  if (facts.headings[0] !== 1) fail('the first heading is not an h1');
  for (let i = 1; i < facts.headings.length; ++i) {
    if (facts.headings[i] > facts.headings[i - 1] + 1) fail(`heading h${facts.headings[i]} follows h${facts.headings[i - 1]}`);
  }
  if (String(facts.books) !== expectedBooks) fail(`${facts.books} books on the page, expected ${expectedBooks}`);
  if (facts.tocEntries < 5) fail(`only ${facts.tocEntries} table-of-contents links`);
  // Lazy thumbnails load when scrolled to: bring each into view before judging it.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  for (const img of await page.$$('img')) await img.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  const loaded = await page.evaluate(() => [...document.images].map((img) => ({
    src: img.currentSrc, alt: img.getAttribute('alt'), ok: img.complete && img.naturalWidth > 0 })));
  for (const img of loaded) {
    if (!img.ok) fail(`image did not load: ${img.src}`);
    if (!img.alt) fail(`image without alternative text: ${img.src}`);
  }
  if (loaded.length < Number(expectedBooks)) fail('a book has no cover image');
  const pageCounts = new Map();
  for (const link of facts.links) {
    if (!link.text && !link.href) fail('a link without text');
    const url = new URL(link.href);
    if (url.protocol !== 'file:') { fail(`a link leaves the folder: ${link.href}`); continue; }
    const file = fileURLToPath(url);
    if (!existsSync(file)) { fail(`a link to a missing file: ${link.href}`); continue; }
    const match = /^#page=(\d+)$/.exec(url.hash);
    if (match) {
      if (!pageCounts.has(file)) {
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        pageCounts.set(file, Number(/^Pages:\s+(\d+)/m.exec(info)[1]));
      }
      const n = Number(match[1]);
      if (n < 1 || n > pageCounts.get(file)) fail(`link to page ${n} of ${file}, which has ${pageCounts.get(file)} pages`);
    }
  }
  console.log(`checked ${facts.links.length} links, ${loaded.length} images, ${facts.headings.length} headings`);
} finally {
  await browser.close();
}
verdict(failures);
