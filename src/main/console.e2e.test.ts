import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { verifyWebhookSignature } from '../adapters/webhooks/http-webhook-sender.js';
import { loadConfig } from '../config/config.js';
import { startApi, type RunningApi } from './api.js';
import { warden } from '../../test/cli-harness.js';
import { createTestDatabase, type TestDatabase } from '../../test/databases.js';
import { REPO_ROOT, sharedData } from '../../test/paths.js';

/**
 * The analyst console end to end: Debian's Chromium (driven by playwright-core) against a real
 * `warden serve` on a temporary SQLite database, with a real local webhook receiver. Each page
 * is screenshotted into test-artifacts/console/ and checked with axe-core.
 */
const CHROMIUM = process.env['WARDEN_CHROMIUM'] ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'console');
const SECRET = 'e2e-webhook-secret-0123456789';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('analyst console in Chromium (sign in, review, enforce, refuse restore, roles)', { timeout: 180_000 }, () => {
  let tdb: TestDatabase;
  let api: RunningApi;
  let receiver: Server;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const received: { type: string; accountId: string; signed: boolean }[] = [];
  const keys: Record<string, string> = {};

  /** Fails on serious or critical accessibility violations (axe-core injected into the page). */
  const checkAccessibility = async (name: string) => {
    await page.addScriptTag({ path: AXE });
    // A string, so this file needs no DOM types: it runs in the page.
    const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) })))`)) as {
      id: string;
      impact: string | null;
      help: string;
      targets: string[];
    }[];
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${name}: serious/critical accessibility violations`);
  };
  const shot = async (name: string) => {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    await checkAccessibility(name);
  };
  const signIn = async (role: string) => {
    await page.goto(api.url + '/');
    const signOutButton = page.getByRole('button', { name: 'Sign out' });
    await page.getByLabel('API key').or(signOutButton).waitFor();
    if (await signOutButton.isVisible()) await signOut();
    await page.getByLabel('API key').fill(keys[role]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${role}`).waitFor();
  };
  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
  };

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    assert.ok(existsSync(join(REPO_ROOT, 'dist', 'console', 'index.html')), 'the console is not built: npm run build');
    await mkdir(ARTIFACTS, { recursive: true });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const event = JSON.parse(body) as { type: string; accountId: string };
        received.push({ type: event.type, accountId: event.accountId, signed: verifyWebhookSignature(SECRET, String(req.headers['warden-signature'] ?? ''), body) });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;

    tdb = await createTestDatabase('sqlite');
    assert.equal((await warden(tdb.url, 'lists', 'import', sharedData('ofac', 'sdn.csv'))).code, 0);
    for (const role of ['platform', 'analyst', 'lead', 'auditor']) {
      keys[role] = (JSON.parse((await warden(tdb.url, 'keys', 'create', '--role', role, '--json')).stdout) as { key: string }).key;
    }
    assert.equal((await warden(tdb.url, 'webhooks', 'add', `http://127.0.0.1:${port}/hooks/warden`, '--secret', SECRET)).code, 0);
    api = await startApi(loadConfig({ WARDEN_PULL_INTERVAL_S: '0', WARDEN_WEBHOOK_POLL_MS: '100' }, { db: tdb.url }), { host: '127.0.0.1', port: 0 });
    const put = async (id: string, body: object) => {
      const res = await fetch(`${api.url}/v1/accounts/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${keys['platform']}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      assert.equal(res.status, 200, await res.text());
    };
    await put('kadyrov-1', { displayName: 'Ramzan Kadyrov', country: 'RU', birthDate: '1976-10-05', followers: 1_500_000 });
    await put('kadyrov-fan', { displayName: 'Рамзан Кадыров', followers: 12 });
    await put('plain-1', { displayName: 'Emily Johnson', country: 'US' });
    // A second ofac-sdn version, so the lists page has a diff: two entities removed, one changed, one added.
    const v2 = await mkdtemp(join(tmpdir(), 'warden-sdn-v2-'));
    for (const f of ['add.csv', 'alt.csv', 'sdn_comments.csv']) await copyFile(sharedData('ofac', f), join(v2, f));
    const lines = (await readFile(sharedData('ofac', 'sdn.csv'), 'latin1')).split('\n');
    const kept = lines.filter((l) => !/^(36|173),/.test(l)).map((l) => (l.startsWith('306,') ? l.replace('"CUBA"', '"CUBA] [SDGT"') : l));
    kept.splice(3, 0, '99999001,"TESTOVA, Anna","individual","GLOMAG",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r');
    await writeFile(join(v2, 'sdn.csv'), kept.join('\n'), 'latin1');
    const imported = await warden(tdb.url, 'lists', 'import', join(v2, 'sdn.csv'));
    assert.equal(imported.code, 0, imported.stderr);
    await rm(v2, { recursive: true, force: true });

    userDataDir = await mkdtemp(join(tmpdir(), 'warden-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      bypassCSP: true, // lets the test inject axe-core; the console itself runs under its CSP
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
  });
  after(async () => {
    await context?.close();
    await api?.close();
    await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
    await tdb?.drop();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  test('an analyst signs in, opens the top match, confirms it: the account is suspended and the webhook delivered', async () => {
    await page.goto(api.url + '/');
    await page.getByLabel('API key').waitFor();
    await shot('01-sign-in');
    await signIn('analyst');
    const rows = page.locator('table.queue tbody tr');
    await rows.first().waitFor();
    assert.match((await rows.first().textContent()) ?? '', /kadyrov-1/, 'the most-followed account is first');
    await shot('02-queue');

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Match m_/ }).waitFor();
    const main = page.locator('main');
    await main.getByText('ofac-sdn:23343').first().waitFor();
    assert.match((await main.textContent()) ?? '', /GLOMAG/);
    assert.ok((await page.locator('mark').count()) > 0, 'aligned name parts are highlighted');
    assert.match(await page.locator('.facts').first().textContent() ?? '', /Transliteration/);
    await shot('03-match');

    await page.getByRole('button', { name: /Confirm match/ }).click();
    await page.getByLabel(/Reason/).fill('same person: official account, birth date agrees');
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('the match is now confirmed').waitFor();

    await page.getByRole('link', { name: 'kadyrov-1' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Account kadyrov-1/ }).waitFor();
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /suspended/);
    for (let i = 0; i < 50 && !received.some((r) => r.type === 'account.suspend' && r.accountId === 'kadyrov-1'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(received.filter((r) => r.accountId === 'kadyrov-1'), [{ type: 'account.suspend', accountId: 'kadyrov-1', signed: true }]);
    for (let i = 0; i < 20; i++) {
      await page.getByRole('button', { name: 'Refresh deliveries' }).click();
      if ((await page.locator('.badge-delivered').count()) > 0) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    await page.locator('.badge-delivered').first().waitFor();
    assert.equal(await page.getByRole('button', { name: /Restore/ }).count(), 0, 'an analyst cannot restore');
    await shot('04-account-suspended');
  });

  test('queue keyboard shortcuts: d dismisses the selected match with a reason', async () => {
    await page.getByRole('link', { name: 'Queue' }).click();
    const rows = page.locator('table.queue tbody tr');
    await rows.first().waitFor();
    assert.match((await rows.first().textContent()) ?? '', /kadyrov-fan/);
    await page.locator('h1').click();
    await page.keyboard.press('d');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type('a fan account, not the listed person');
    await page.keyboard.press('Enter');
    await page.getByText(/Dismissed match .*: now dismissed/).waitFor();
    await signOut();
  });

  test('a lead tries to restore and sees the refusal and its reason; lists, coverage and audit pages', async () => {
    await signIn('lead');
    await page.goto(`${api.url}/accounts/kadyrov-1`);
    await page.getByLabel('Reason for restoring').fill('the user asked for a review');
    await page.getByRole('button', { name: 'Restore account' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    assert.match(text, /Restore refused/);
    assert.match(text, /restore_blocked_by_designation/);
    assert.match(text, /ofac-sdn:23343/);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /suspended/);
    await page.getByText('account.restore.refused').waitFor();
    await shot('05-restore-refused');

    await page.getByRole('link', { name: 'Lists' }).click();
    await page.getByRole('heading', { name: 'Active versions' }).waitFor();
    await shot('06-lists');
    await page.getByRole('link', { name: 'ofac-sdn' }).click();
    await page.getByRole('heading', { name: 'Diff of version #2' }).waitFor();
    await page.getByRole('cell', { name: 'TESTOVA, Anna' }).waitFor();
    const diff = (await page.locator('#diff').locator('..').textContent()) ?? '';
    for (const want of ['ofac-sdn:36', 'ofac-sdn:173', 'removed', 'ofac-sdn:306', 'changed', 'programs', 'added']) assert.ok(diff.includes(want), `${want} in the diff`);
    await shot('07-list-versions');
    await page.getByRole('button', { name: '#1' }).click();
    await page.getByText(/all 14,965 entities are added/).waitFor();

    await page.getByRole('link', { name: 'Coverage' }).click();
    await page.getByRole('img', { name: /Share of accounts screened/ }).waitFor();
    await page.getByRole('heading', { name: /ofac-sdn: 1 suspension/ }).waitFor();
    await shot('08-coverage');

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByText('The hash chain is intact').waitFor();
    await page.getByLabel('Account id').fill('kadyrov-1');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('cell', { name: 'account.restore.refused' }).waitFor();
    assert.equal(await page.getByRole('cell', { name: 'key.created' }).count(), 0, 'filtered to the account');
    await page.getByLabel('Account id').fill('');
    await page.getByLabel('Actor').fill('cli');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('cell', { name: 'webhook.added' }).waitFor();
    assert.equal(await page.getByRole('cell', { name: 'match.reviewed' }).count(), 0, 'filtered to the actor');
    await shot('09-audit');
    await signOut();
  });

  test('an auditor sees the queue, the match and the account but no buttons to act', async () => {
    await signIn('auditor');
    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.locator('table.queue tbody tr');
    await rows.first().waitFor();
    assert.equal(await page.getByRole('button', { name: /^(Confirm|Dismiss|Escalate)/ }).count(), 0);
    await shot('10-auditor-queue');
    await rows.first().getByRole('link').nth(1).click();
    await page.getByRole('heading', { level: 1, name: /^Match m_/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Confirm|Dismiss|Escalate/ }).count(), 0);
    await page.goto(`${api.url}/accounts/kadyrov-1`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /Restore/ }).count(), 0);
    await shot('11-auditor-account');
  });
});
