// What the browser tests share: the plenary binary, a server on a free
// port, accounts, pages that collect console errors, and the login.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const build = process.env.PLENARY_BUILD ?? path.join(root, 'build');
export const plenary = path.join(build, 'plenary');
export const shots = path.join(build, 'e2e');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const password = 'a long enough password';

export function addUser(db, name, role, body) {
  const args = ['user', 'add', name, '--role', role, '--db', db, '--password-stdin'];
  if (body) args.push('--body', body);
  execFileSync(plenary, args, { input: password + '\n' });
}

// Starts `plenary serve` on a free port and resolves with its address.
export function startServer(db) {
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

export function launchBrowser() {
  assert.ok(existsSync(plenary), `build plenary first (${plenary})`);
  assert.ok(existsSync(chromiumPath), `Chromium is needed at ${chromiumPath} (Debian package chromium)`);
  mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

export async function stopServer(server) {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}

// A page that fails the test on any console error, such as a Content
// Security Policy violation.
export async function newPage(context, errors) {
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  return page;
}

export async function logIn(page, base, name = 'officer') {
  await page.goto(`${base}/login`);
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  assert.match(page.url(), /\/edit\//);
}

// Whether the page is wider than the window (defect 9).
export async function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

// A fresh database with `users` (name -> [role, body]), a server on it and a
// browser: what each test file starts in `before` and ends in `after`.
export async function startWorld(users) {
  const work = mkdtempSync(path.join(tmpdir(), 'plenary-e2e-'));
  const db = path.join(work, 'plenary.sqlite');
  for (const [name, [role, body]] of Object.entries(users)) addUser(db, name, role, body);
  const { child: server, base } = await startServer(db);
  const browser = await launchBrowser();
  return { work, db, server, base, browser };
}

export async function stopWorld(world) {
  await world?.browser?.close();
  await stopServer(world?.server);
  if (world?.work) rmSync(world.work, { recursive: true, force: true });
}
