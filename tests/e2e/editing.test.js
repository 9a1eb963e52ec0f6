// End to end, in Debian's headless Chromium: a secretariat officer logs in,
// edits an annotation, switches the meeting to the hybrid format, publishes
// with an update notice, and a delegate sees the update on the public page
// in French and in Arabic. Screenshots go to build/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const build = process.env.PLENARY_BUILD ?? path.join(root, 'build');
const plenary = path.join(build, 'plenary');
const shots = path.join(build, 'e2e');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const password = 'a long enough password';

let work, server, base, browser;

function addUser(db, name, role, body) {
  const args = ['user', 'add', name, '--role', role, '--db', db, '--password-stdin'];
  if (body) args.push('--body', body);
  execFileSync(plenary, args, { input: password + '\n' });
}

// Starts `plenary serve` on a free port and resolves with its address.
function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(plenary, ['serve', '--db', db, '--listen', '127.0.0.1:0',
                                  '--load', path.join(root, 'examples/ctoc-wg7-2022/meeting.toml')]);
    let output = '';
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + output)), 20000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: match[1] });
      }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
}

// A page that fails the test on any console error, such as a Content
// Security Policy violation.
async function newPage(context, errors) {
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  return page;
}

before(async () => {
  assert.ok(existsSync(plenary), `build plenary first (${plenary})`);
  assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (Debian package chromium)`);
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), 'plenary-e2e-'));
  const db = path.join(work, 'plenary.sqlite');
  addUser(db, 'officer', 'editor', 'CTOC/COP/WG.7');
  ({ child: server, base } = await startServer(db));
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test('an officer edits, re-plans for hybrid and publishes; delegates see the update in French and Arabic', async () => {
  const errors = [];
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await newPage(context, errors);
  page.on('dialog', (dialog) => dialog.accept());  // edit.js asks before removing anything

  // The public page before: in person.
  await page.goto(`${base}/fr/meetings/1`);
  await page.screenshot({ path: path.join(shots, '1-public-fr-before.png'), fullPage: true });
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');

  // Log in.
  await page.goto(`${base}/login`);
  await page.fill('input[name="name"]', 'officer');
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  assert.match(page.url(), /\/edit\//);

  // Edit the annotation of item 2 in French.
  await page.goto(`${base}/edit/meetings/1`);
  const annotation = 'Annotation modifiée par le secrétariat : les délégations sont invitées à se préparer.';
  const item = page.locator('form#item-2');
  await item.locator('textarea[name="annotation.fr"]').fill(annotation);
  await Promise.all([page.waitForNavigation(), item.getByRole('button', { name: 'Save item' }).click()]);
  assert.equal(await page.locator('form#item-2 textarea[name="annotation.fr"]').inputValue(), annotation);
  await page.screenshot({ path: path.join(shots, '2-editor-after-annotation.png'), fullPage: true });

  // Switch to hybrid: the preview shows the re-planned organization of work and its changes.
  await page.selectOption('form#format-form select[name="format"]', 'hybrid');
  await Promise.all([page.waitForNavigation(), page.locator('form#format-form').getByRole('button', { name: 'Preview' }).click()]);
  const preview = await page.textContent('body');
  assert.match(preview, /moves from/);
  await page.screenshot({ path: path.join(shots, '3-hybrid-preview.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.locator('form#save-plan button[type="submit"]').click()]);

  // Publish with an update notice in French and Arabic.
  const noticeFr = "La réunion se tiendra en format hybride ; l'organisation des travaux a été révisée.";
  const noticeAr = 'سيُعقد الاجتماع بصيغة مختلطة؛ وقد نُقِّح تنظيم الأعمال.';
  await page.fill('form#publish-form textarea[name="notice.fr"]', noticeFr);
  await page.fill('form#publish-form textarea[name="notice.ar"]', noticeAr);
  await Promise.all([page.waitForNavigation(), page.locator('form#publish-form button[type="submit"]').click()]);
  await page.screenshot({ path: path.join(shots, '4-editor-after-publish.png'), fullPage: true });

  // A delegate, without a login, reads the page in French...
  const delegate = await newPage(await browser.newContext({ viewport: { width: 1200, height: 900 } }), errors);
  await delegate.goto(`${base}/fr/meetings/1`);
  const french = await delegate.textContent('body');
  assert.ok(french.includes(noticeFr), 'the French notice is on the French page');
  assert.ok(french.includes(annotation), 'the edited annotation is on the French page');
  assert.match(french, /hybride/i);
  await delegate.screenshot({ path: path.join(shots, '5-public-fr-after.png'), fullPage: true });

  // ... and in Arabic, right to left, switching language with the switcher.
  await Promise.all([delegate.waitForNavigation(), delegate.click('a[hreflang="ar"]')]);
  assert.match(delegate.url(), /\/ar\/meetings\/1$/);
  assert.equal(await delegate.getAttribute('html', 'dir'), 'rtl');
  assert.ok((await delegate.textContent('body')).includes(noticeAr), 'the Arabic notice is on the Arabic page');
  await delegate.screenshot({ path: path.join(shots, '6-public-ar-after.png'), fullPage: true });

  assert.deepEqual(errors, [], 'no console errors (a CSP violation would be one)');
  await context.close();
});

test('the public never sees the editing pages', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/edit/meetings/1`);
  assert.match(page.url(), /\/login/);
  await context.close();
});
