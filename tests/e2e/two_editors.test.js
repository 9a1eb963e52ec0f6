// Two officers on one meeting at once, each in a browser of their own: edits
// to different items both land; when both change the same title, the one
// who saves second sees both texts side by side, loses nothing, and sends
// theirs again. The second officer works in French. Screenshots go to
// build/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { logIn, newPage, shots, startWorld, stopWorld } from './harness.js';

let world, base, browser;

before(async () => {
  world = await startWorld({ ana: ['editor', 'CTOC/COP/WG.7'], benoit: ['editor', 'CTOC/COP/WG.7'] });
  ({ base, browser } = world);
});

after(() => stopWorld(world));

// An officer's browser, logged in, at an item's page.
async function officer(name, lang, errors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await newPage(context, errors);
  await logIn(page, base, name);
  await page.goto(`${base}/edit/meetings/1?lang=${lang}`);
  return { context, page };
}

// An item's page, with a second language beside the officer's.
async function openItem(page, key, beside = 'en') {
  await page.goto(`${base}/edit/meetings/1/items/${key}?with=${beside}`);
  return page.locator('form#item-form');
}

async function save(page, form) {
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

test('two officers edit one meeting at once and nothing is lost', async () => {
  const errors = [];
  const ana = await officer('ana', 'en', errors);
  const benoit = await officer('benoit', 'fr', errors);

  // Both open an item of the same version; each saves their own.
  const anaForm = await openItem(ana.page, '2', 'fr');
  const benoitForm = await openItem(benoit.page, '3');
  await anaForm.locator('input[name="title.en"]').fill('Cooperation with the private sector (Ana)');
  await benoitForm.locator('input[name="title.fr"]').fill('Coopération internationale (Benoît)');
  await save(ana.page, anaForm);
  await save(benoit.page, benoitForm);
  assert.equal(await benoit.page.locator('p#saved').count(), 1, "Benoît's edit was merged, not refused");
  assert.equal(await (await openItem(ana.page, '3', 'fr')).locator('input[name="title.fr"]').inputValue(),
               'Coopération internationale (Benoît)');
  assert.equal(await (await openItem(benoit.page, '2')).locator('input[name="title.en"]').inputValue(),
               'Cooperation with the private sector (Ana)');

  // Both change the same title: the second sees both texts and keeps theirs.
  const first = await openItem(ana.page, '4', 'fr');
  const second = await openItem(benoit.page, '4');
  await first.locator('input[name="title.en"]').fill('Ana has the last word');
  await second.locator('input[name="title.en"]').fill('Benoît would rather say this');
  await save(ana.page, first);
  await save(benoit.page, second);
  const conflict = await benoit.page.textContent('body');
  assert.ok(conflict.includes('Ana has the last word'), 'the text saved meanwhile is shown');
  assert.ok(conflict.includes('Benoît would rather say this'), 'the typed text is kept');
  await benoit.page.screenshot({ path: path.join(shots, 'two-editors-conflict-fr.png'), fullPage: true });
  const resend = benoit.page.locator('form#resend');
  assert.equal(await resend.count(), 1, 'the typed text can be sent again');
  await Promise.all([benoit.page.waitForNavigation(), resend.locator('button[type="submit"]').click()]);
  assert.equal(await (await openItem(ana.page, '4')).locator('input[name="title.en"]').inputValue(),
               'Benoît would rather say this');

  // The conflict page is answered with 409, which Chromium reports; nothing else may be.
  assert.deepEqual(errors.filter((e) => !/status of 409/.test(e)), [], 'no console errors');
  await ana.context.close();
  await benoit.context.close();
});

test('an officer working in French writes a footnote and calls it; delegates see it', async () => {
  const errors = [];
  const { context, page } = await officer('benoit', 'fr', errors);
  await page.goto(`${base}/edit/meetings/1/footnotes`);
  const add = page.locator('form#add-footnote-form');
  await add.locator('input[name="id"]').fill('salle');
  for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es'])
    await add.locator(`textarea[name="text.${lang}"]`).fill(lang === 'fr' ? 'Salle des conseils, bâtiment C.' : `Boardroom (${lang}).`);
  await save(page, add);
  assert.equal(await page.locator('p#saved').count(), 1, 'the footnote was added');
  await page.screenshot({ path: path.join(shots, 'fr-footnote-added.png'), fullPage: true });

  const form = await openItem(page, '3', 'en');
  const annotation = form.locator('textarea[name="annotation.fr"]');
  await annotation.fill((await annotation.inputValue()) + ' Les séances ont lieu dans la salle indiquée.[^salle]');
  await save(page, form);
  assert.equal(await page.locator('p#saved').count(), 1, 'the annotation calls the footnote');

  await page.goto(`${base}/edit/meetings/1/publish`);
  await save(page, page.locator('form#publish-form'));
  const delegate = await (await browser.newContext()).newPage();
  await delegate.goto(`${base}/fr/meetings/1`);
  assert.ok((await delegate.textContent('body')).includes('Salle des conseils, bâtiment C.'), 'the footnote is public');
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});

test('an officer compares two versions and restores the earlier one', async () => {
  const errors = [];
  const { context, page } = await officer('ana', 'fr', errors);
  let form = await openItem(page, '5', 'en');
  const before = await form.locator('input[name="title.en"]').inputValue();
  const version = await form.locator('input[name="based_on_version"]').getAttribute('value');
  await form.locator('input[name="title.en"]').fill('A title changed by mistake');
  await save(page, form);
  const after = await page.locator('form#item-form input[name="based_on_version"]').getAttribute('value');

  await page.goto(`${base}/edit/meetings/1/compare?from=${version}&to=${after}`);
  const differences = await page.textContent('body');
  assert.ok(differences.includes('A title changed by mistake') && differences.includes(before), 'both titles shown');
  await page.screenshot({ path: path.join(shots, 'fr-compare.png'), fullPage: true });

  await page.goto(`${base}/edit/meetings/1/history/${version}`);
  await Promise.all([page.waitForNavigation(), page.locator('form#restore-form button[type="submit"]').click()]);
  form = await openItem(page, '5', 'en');
  assert.equal(await form.locator('input[name="title.en"]').inputValue(), before, 'the earlier title is back');
  assert.deepEqual(errors, [], 'no console errors');
  await context.close();
});
