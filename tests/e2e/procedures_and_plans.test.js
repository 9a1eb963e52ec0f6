// An officer working in Arabic adds a document with its description and
// publishes it; moves an item, and the organization of work follows (the
// published calendar keeps its four meetings); and, while the Bureau
// considers the topics by silence procedure, an edit to an item's title is
// refused on the page with the reason and the typed text kept, then saved
// when the officer withdraws the procedure. Screenshots
// go to build/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { logIn, newPage, plenary, shots, startWorld, stopWorld } from './harness.js';

let world, base, browser, db;
const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

before(async () => {
  world = await startWorld({ muwazzaf: ['editor', 'CTOC/COP/WG.7'] });
  ({ base, browser, db } = world);
});

after(() => stopWorld(world));

async function submit(page, form) {
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
}

async function publish(page) {
  await page.goto(`${base}/edit/meetings/1/publish`);
  await submit(page, page.locator('form#publish-form'));
  assert.equal(await page.locator('p#saved').count(), 1, 'published');
}

test('a document with its description, a move that keeps the plan, an edit held by a procedure', async () => {
  const errors = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await newPage(context, errors);
  await logIn(page, base, 'muwazzaf');
  await page.goto(`${base}/edit/meetings/1?lang=ar`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

  // A document added with its description (defect 4) reaches the public page.
  await page.goto(`${base}/edit/meetings/1/documents?item=2`);
  const add = page.locator('form#add-document-form');
  await add.locator('input[name="symbol"]').fill('CTOC/COP/WG.7/2022/CRP.1');
  await add.locator('select[name="item"]').selectOption('2');
  for (const lang of languages) {
    await add.locator(`input[name="title.${lang}"]`).fill(`Conference room paper (${lang})`);
    await add.locator(`textarea[name="description.${lang}"]`).fill(`Note by the Secretariat (${lang})`);
  }
  await submit(page, add);
  assert.equal(await page.locator('p#saved').count(), 1, 'the document was added');
  await publish(page);
  const english = await (await context.newPage()).goto(`${base}/en/meetings/1`);
  const text = await english.text();
  assert.ok(text.includes('CTOC/COP/WG.7/2022/CRP.1'), 'the new document is listed');
  assert.ok(text.includes('Note by the Secretariat (en)'), 'with its description');

  // Item 4 moves up before item 3, which meets earlier: the plan follows (defect 3).
  await page.goto(`${base}/edit/meetings/1/items/4`);
  await submit(page, page.locator('form.move-up'));
  // The move re-plans: what moves is shown first, then confirmed.
  assert.ok((await page.locator('ul#plan-changes li').count()) >= 1, 'the re-plan is shown before it is saved');
  await page.screenshot({ path: path.join(shots, 'ar-move-preview.png'), fullPage: true });
  await submit(page, page.locator('form#confirm-move'));
  await page.goto(`${base}/edit/meetings/1/organization`);
  await page.screenshot({ path: path.join(shots, 'ar-organization-after-move.png'), fullPage: true });
  await publish(page);
  const calendar = await (await context.request.get(`${base}/meetings/1/CTOC_COP_WG.7_2022_1.en.ics`)).text();
  assert.equal((calendar.match(/BEGIN:VEVENT/g) ?? []).length, 4, 'the calendar keeps its four meetings');
  assert.equal((calendar.match(/STATUS:CANCELLED/g) ?? []).length, 0, 'and cancels none');

  // The Bureau considers the topics: a title edit is refused with the reason, the text kept (defect 1).
  const token = execFileSync(plenary, ['user', 'token', 'muwazzaf', '--db', db]).toString().trim().split(/\s+/).pop();
  const version = (await (await context.request.get(`${base}/api/v1/meetings/1`,
    { headers: { authorization: `Bearer ${token}` } })).json()).version;
  const approved = Object.fromEntries(languages.map((lang) => [lang, `the topics (${lang})`]));
  const procedure = await context.request.post(`${base}/api/v1/meetings/1/procedures`, {
    headers: { authorization: `Bearer ${token}` },
    data: { based_on_version: version, subject: 'topics', description: 'The topics',
            deadline: new Date(Date.now() + 3600e3).toISOString().replace(/\.\d+Z$/, 'Z'), approved },
  });
  assert.equal(procedure.status(), 201, await procedure.text());
  await page.goto(`${base}/edit/meetings/1/items/3?with=en`);
  const form = page.locator('form#item-form');
  await form.locator('input[name="title.en"]').fill('A title the Bureau has not seen');
  await submit(page, form);
  assert.match(await page.textContent('[role="alert"]'), /before the Bureau/);
  assert.equal(await page.locator('form#item-form input[name="title.en"]').inputValue(), 'A title the Bureau has not seen');
  await page.screenshot({ path: path.join(shots, 'ar-edit-held-by-procedure.png'), fullPage: true });
  // The officer decides to withdraw the procedure and save.
  await page.locator('form#item-form input[name="withdraw_procedures"]').check();
  await submit(page, page.locator('form#item-form'));
  assert.equal(await page.locator('p#saved').count(), 1, 'saved once the procedure is withdrawn');
  const procedures = await (await context.request.get(`${base}/api/v1/meetings/1/procedures`,
    { headers: { authorization: `Bearer ${token}` } })).json();
  assert.equal(procedures[0].status, 'withdrawn');

  assert.deepEqual(errors.filter((e) => !/status of 409/.test(e)), [], 'no console errors');
  await context.close();
});
