// End to end, in Debian's headless Chromium: a secretariat officer logs in,
// edits an annotation on the item's own page, switches the meeting to the
// hybrid format, publishes with an update notice, and a delegate sees the
// update on the public page in French and in Arabic; officers working in
// French and in Arabic edit an item in their language, at 1,280 pixels
// without sideways scrolling, and look at the draft as the public will.
// Screenshots go to build/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { logIn as logInAt, newPage, scrollsSideways, shots, startWorld, stopWorld } from './harness.js';

let world, base, browser;

const logIn = (page, name = 'officer') => logInAt(page, base, name);

before(async () => {
  const editor = ['editor', 'CTOC/COP/WG.7'];
  world = await startWorld({ officer: editor, agent: editor, muwazzaf: editor });
  ({ base, browser } = world);
});

after(() => stopWorld(world));

test('an officer edits, re-plans for hybrid and publishes; delegates see the update in French and Arabic', async () => {
  const errors = [];
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await newPage(context, errors);
  page.on('dialog', (dialog) => dialog.accept());  // edit.js asks before removing anything

  // The public page before: in person.
  await page.goto(`${base}/fr/meetings/1`);
  await page.screenshot({ path: path.join(shots, '1-public-fr-before.png'), fullPage: true });
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');

  await logIn(page);

  // Edit the annotation of item 2 in French, on the item's own page beside English.
  await page.goto(`${base}/edit/meetings/1`);
  await Promise.all([page.waitForNavigation(), page.click('ol#item-tree a[href="/edit/meetings/1/items/2"]')]);
  await page.selectOption('form#with-language select[name="with"]', 'fr');  // edit.js shows the page at once
  await page.waitForSelector('form#item-form textarea[name="annotation.fr"]');
  const annotation = 'Annotation modifiée par le secrétariat : les délégations sont invitées à se préparer.';
  const item = page.locator('form#item-form');
  await item.locator('textarea[name="annotation.fr"]').fill(annotation);
  await Promise.all([page.waitForNavigation(), item.getByRole('button', { name: 'Save item' }).click()]);
  assert.match(await page.textContent('p#saved'), /Saved as version/);
  assert.equal(await page.locator('form#item-form textarea[name="annotation.fr"]').inputValue(), annotation);
  await page.screenshot({ path: path.join(shots, '2-item-page-after-annotation.png'), fullPage: true });

  // Switch to hybrid from the organization of work: the preview shows the re-planned timetable and its changes.
  await page.goto(`${base}/edit/meetings/1/organization`);
  await page.selectOption('form#format-form select[name="format"]', 'hybrid');
  await Promise.all([page.waitForNavigation(), page.locator('form#format-form').getByRole('button', { name: 'Preview' }).click()]);
  const preview = await page.textContent('body');
  assert.match(preview, /moves from/);
  await page.screenshot({ path: path.join(shots, '3-hybrid-preview.png'), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.locator('form#save-plan button[type="submit"]').click()]);

  // Publish with an update notice in French and Arabic.
  await page.goto(`${base}/edit/meetings/1/publish`);
  const noticeFr = "La réunion se tiendra en format hybride ; l'organisation des travaux a été révisée.";
  const noticeAr = 'سيُعقد الاجتماع بصيغة مختلطة؛ وقد نُقِّح تنظيم الأعمال.';
  await page.fill('form#publish-form textarea[name="notice.fr"]', noticeFr);
  await page.fill('form#publish-form textarea[name="notice.ar"]', noticeAr);
  await Promise.all([page.waitForNavigation(), page.locator('form#publish-form button[type="submit"]').click()]);
  assert.match(await page.textContent('p#saved'), /is public now/);
  await page.screenshot({ path: path.join(shots, '4-overview-after-publish.png'), fullPage: true });

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

// Each editor speaks a language: the pages follow it, and the item's page
// shows the item in it beside a second language of the editor's choice.
async function editInLanguage({ user, lang, other, itemKey, title, shot }) {
  const errors = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await newPage(context, errors);
  await logIn(page, user);
  await page.goto(`${base}/edit/meetings/1`);
  await Promise.all([page.waitForNavigation(), page.selectOption('form#ui-language select[name="lang"]', lang)]);
  assert.equal(await page.getAttribute('html', 'lang'), lang);
  assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
  assert.equal(await scrollsSideways(page), false, `the overview in ${lang} fits 1,280 px`);
  await page.screenshot({ path: path.join(shots, `${shot}-overview.png`), fullPage: true });

  await page.goto(`${base}/edit/meetings/1/items/${itemKey}?with=${other}`);
  assert.equal(await page.getAttribute('html', 'lang'), lang, 'the language is kept (cookie)');
  const form = page.locator('form#item-form');
  const field = form.locator(`input[name="title.${lang}"]`);
  assert.equal(await field.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
  assert.equal(await form.locator(`textarea[name="annotation.${other}"]`).count(), 1, 'the second language beside it');
  await field.fill(title);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').click()]);
  assert.equal(await page.locator(`form#item-form input[name="title.${lang}"]`).inputValue(), title);
  assert.equal(await page.locator('p#saved').count(), 1);
  assert.equal(await scrollsSideways(page), false, `the item page in ${lang} fits 1,280 px`);
  await page.screenshot({ path: path.join(shots, `${shot}-item.png`), fullPage: true });

  // The pages with the longest lists fit too.
  for (const tail of ['/items', '/documents', '/bureau', '/organization', '/publish']) {
    await page.goto(`${base}/edit/meetings/1${tail}`);
    assert.equal(await scrollsSideways(page), false, `${tail} in ${lang} fits 1,280 px`);
    await page.screenshot({ path: path.join(shots, `${shot}${tail.replace('/', '-')}.png`), fullPage: true });
  }

  // The draft as the public will see it, with the edit, before publishing.
  await page.goto(`${base}/edit/meetings/1`);
  await Promise.all([page.waitForNavigation(), page.click(`a.preview[hreflang="${lang}"]`)]);
  assert.match(page.url(), new RegExp(`/edit/meetings/1/preview/${lang}$`));
  assert.equal(await page.locator('div#draft-banner').count(), 1);
  assert.ok((await page.textContent('body')).includes(title), 'the preview shows the unpublished edit');
  assert.equal(await scrollsSideways(page), false, `the preview in ${lang} fits 1,280 px`);
  await page.screenshot({ path: path.join(shots, `${shot}-preview.png`), fullPage: true });
  const pdf = await page.request.get(base + await page.getAttribute(`a[href$=".${lang}.pdf"]`, "href"));
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const docx = await page.request.get(base + await page.getAttribute(`a[href$=".${lang}.docx"]`, "href"));
  assert.equal(docx.status(), 200);

  // The public page still shows the published version.
  const published = await page.request.get(`${base}/${lang}/meetings/1`);
  assert.ok(!(await published.text()).includes(title), 'the public page does not show the draft');
  assert.deepEqual(errors, [], 'no console errors (a CSP violation would be one)');
  await context.close();
}

test('an officer working in French edits an item in French and previews the draft', async () => {
  await editInLanguage({ user: 'agent', lang: 'fr', other: 'en', itemKey: '3', title: 'Questions diverses révisées par le secrétariat', shot: '7-fr' });
});

test('an officer working in Arabic edits an item in Arabic, right to left, and previews the draft', async () => {
  await editInLanguage({ user: 'muwazzaf', lang: 'ar', other: 'fr', itemKey: '4', title: 'عنوان منقّح للبند الرابع من جدول الأعمال', shot: '8-ar' });
});

test('a refused form comes back on its own page with the text kept', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page);
  await page.goto(`${base}/edit/meetings/1/items/2?with=fr`);
  const text = 'Voir la note [^inexistante].';
  await page.fill('form#item-form textarea[name="annotation.fr"]', text);
  await Promise.all([page.waitForNavigation(), page.locator('form#item-form button[type="submit"]').click()]);
  assert.equal(await page.locator('form#item-form textarea[name="annotation.fr"]').inputValue(), text);
  assert.equal(await page.getAttribute('form#item-form textarea[name="annotation.fr"]', 'aria-invalid'), 'true');
  const alert = await page.textContent('div#form-error');
  assert.match(alert, /item 2, annotation \(French\)/);
  assert.doesNotMatch(await page.content(), /items\[1\]/);
  await page.screenshot({ path: path.join(shots, '9-refused-form.png'), fullPage: true });
  await context.close();
});
