// Issue #15 ("Hardening") against the real production server (`npm start`): what only a running
// server shows. Needs `next build` first (npm test builds before vitest); skipped with a message
// without one.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_AGENT, hasProductionBuild, startAppServer, type AppServer } from '../helpers/app-server';

const root = path.resolve(import.meta.dirname, '../..');
const ADMIN = { email: 'quantri@example.vn', password: 'mat-khau-quan-tri-2024' };
const SEED_ARTICLE =
  '/tin-tuc/hoi-nghi-so-ket-giao-uoc-thi-dua-6-thang-dau-nam-va-trien-khai-nhiem-vu-6-thang-cuoi-nam-2018-cac-tinh-tay-nam-bo';
const SEED_CATEGORY = '/chuyen-muc/thi-dua-khen-thuong';
const MB = 1024 * 1024;

const built = hasProductionBuild();
if (!built) {
  if (process.env.CI) throw new Error('hardening-process tests need `next build` first (npm test does it).');
  console.warn('[tests] No production build (.next/BUILD_ID): the hardening server tests are skipped. Run `npx next build`.');
}

/** Bytes of every file under `dir`, by path. */
function filesUnder(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const walk = (current: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        try {
          sizes.set(full, statSync(full).size);
        } catch {
          // Removed while we looked.
        }
      }
    }
  };
  walk(dir);
  return sizes;
}

function growth(before: Map<string, number>, after: Map<string, number>, counts: (file: string) => boolean = () => true): number {
  let bytes = 0;
  for (const [file, size] of after) if (counts(file)) bytes += Math.max(0, size - (before.get(file) ?? 0));
  return bytes;
}

/** A browser's cookies, kept across requests. */
class Jar {
  readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  take(response: Response): string[] {
    const set = response.headers.getSetCookie();
    for (const line of set) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return set;
  }
}

async function get(url: string, jar?: Jar, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, {
    redirect: 'manual',
    headers: { 'user-agent': BROWSER_AGENT, ...(jar?.cookies.size ? { cookie: jar.header() } : {}), ...headers },
  });
  jar?.take(response);
  return response;
}

/** next-auth's credentials login, as the login form does it: the redirect's `error`, and the cookies set. */
async function login(base: string, jar: Jar, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await get(`${base}/api/auth/csrf`, jar, headers)).json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), 'user-agent': BROWSER_AGENT, ...headers },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const setCookies = jar.take(response);
  const location = response.headers.get('location') ?? '';
  await response.arrayBuffer();
  return { location, error: new URL(location, base).searchParams.get('error'), setCookies };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function start(env: Record<string, string> = {}): Promise<{ server: AppServer; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-hardening-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startAppServer({
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    AUTH_SECRET: 'test-secret-for-hardening',
    ...env,
  });
  cleanups.push(() => server.kill());
  return { server, dataDir };
}

describe.skipIf(!built)('a production server, directly reachable (no trusted proxy)', () => {
  let base = '';
  let dataDir = '';
  beforeAll(async () => {
    const started = await start();
    base = started.server.url;
    dataDir = started.dataDir;
    for (const page of ['/', SEED_ARTICLE, SEED_CATEGORY]) expect((await get(`${base}${page}`)).status).toBe(200);
  });

  it('item 1: 2,000 unknown addresses grow .next and the data folder by less than 1 MB', { timeout: 300_000 }, async () => {
    const marker = `khong-co-${Date.now().toString(36)}`;
    const addresses = Array.from({ length: 2000 }, (_, i) =>
      i % 3 === 0 ? `/tin-tuc/${marker}-${i}` : i % 3 === 1 ? `/chuyen-muc/${marker}-${i}` : `${SEED_CATEGORY}/trang/${900000 + i}`,
    );
    const nextDir = path.join(root, '.next');
    const beforeNext = filesUnder(nextDir);
    const beforeData = filesUnder(dataDir);
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < addresses.length) {
          const response = await get(`${base}${addresses[next++]!}`);
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 404: 2000 });
    // Pending visit counts are written every 2 s.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    // Other server tests may run at the same time over the same build: their own cached pages in
    // the route cache are theirs; everything else under .next, and anything naming these addresses, counts.
    const routeCache = path.join(nextDir, 'server', 'route-cache');
    const ours = (file: string) => !file.startsWith(routeCache) || file.includes(marker) || file.includes('/trang/9');
    expect(growth(beforeNext, filesUnder(nextDir), ours)).toBeLessThan(MB);
    expect(growth(beforeData, filesUnder(dataDir))).toBeLessThan(MB);
  });

  it('item 2: the login page never carries a callback that leads off the site', async () => {
    for (const callback of ['/%09/evil.example', '/%0a/evil.example', '/%5Cevil.example', '//evil.example']) {
      const html = await (await get(`${base}/dang-nhap?callbackUrl=${callback}`)).text();
      // The form's prop, where the browser goes after logging in (the page's own address is elsewhere in the payload).
      expect(/\\"callbackUrl\\":\\"([^\\]*)\\"/.exec(html)?.[1], callback).toBe('/quan-tri');
    }
  });

  it('item 7: a NUL in the email is refused without a word about SQL', async () => {
    const result = await login(base, new Jar(), 'quantri\u0000@example.vn', 'bat-ky-mat-khau');
    expect(result.error).toBe('CredentialsSignin');
    expect(decodeURIComponent(result.location)).not.toMatch(/select|query|params|login_attempts|users/i);
  });

  async function loggedIn(): Promise<Jar> {
    const jar = new Jar();
    expect((await login(base, jar, ADMIN.email, ADMIN.password)).error).toBeNull();
    expect([...jar.cookies.keys()]).toContain('next-auth.session-token');
    return jar;
  }

  it('item 8: ids past PostgreSQL’s integer range are a 404 (or ignored), never a 500', async () => {
    const jar = await loggedIn();
    expect((await get(`${base}/quan-tri/xem-truoc/9999999999`, jar)).status).toBe(404);
    expect((await get(`${base}/quan-tri/bai-viet/9999999999/lich-su`, jar)).status).toBe(404);
    expect((await get(`${base}/quan-tri/thu-vien-anh?truoc=9999999999`, jar)).status).toBe(200);
  });

  it('item 12: a nonce policy on staff pages, new on each response, carried by every script', async () => {
    const jar = await loggedIn();
    const staffPage = await get(`${base}/quan-tri`, jar);
    const policy = staffPage.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    const html = await staffPage.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = (await get(`${base}/quan-tri`, jar)).headers.get('content-security-policy');
    expect(again).not.toBe(policy);

    // The staff view of an article is rendered per request for a real session, under the same policy.
    const staffView = await get(`${base}${SEED_ARTICLE}`, jar);
    expect(staffView.headers.get('x-nextjs-cache')).toBeNull();
    expect(staffView.headers.get('content-security-policy')).toContain("'nonce-");
  });

  it('item 11: logging out ends the session on the server: a copy of the cookie no longer opens anything', async () => {
    const jar = await loggedIn();
    const stolen = new Jar();
    for (const [name, value] of jar.cookies) stolen.cookies.set(name, value);
    expect((await get(`${base}/quan-tri`, stolen)).status).toBe(200);
    const { csrfToken } = (await (await get(`${base}/api/auth/csrf`, jar)).json()) as { csrfToken: string };
    const signOut = await fetch(`${base}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
      body: new URLSearchParams({ csrfToken }),
    });
    expect(signOut.status).toBeLessThan(400);
    const reused = await get(`${base}/quan-tri`, stolen);
    expect(reused.status).toBe(307);
    expect(reused.headers.get('location')).toContain('/dang-nhap');
  });

  it('item 9: a made-up session cookie and the staff view’s own address get the cached public page', async () => {
    await get(`${base}${SEED_ARTICLE}`);
    for (const cookie of ['next-auth.session-token=rac', '__Secure-next-auth.session-token=rac', 'next-auth.session-token.0=rac']) {
      const response = await get(`${base}${SEED_ARTICLE}`, undefined, { cookie });
      expect(response.status, cookie).toBe(200);
      expect(response.headers.get('x-nextjs-cache'), cookie).toBe('HIT');
    }
    const direct = await get(`${base}/ban-bien-tap${SEED_ARTICLE}`);
    expect(direct.status).toBe(200);
    expect(direct.headers.get('x-nextjs-cache')).toBe('HIT');
  });

  it('item 12: the headers of public pages (cached) and route handlers', async () => {
    for (const page of ['/', SEED_ARTICLE]) {
      const response = await get(`${base}${page}`);
      expect(response.headers.get('x-nextjs-cache'), page).toBe('HIT');
      const policy = response.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
      ]) {
        expect(policy, page).toContain(directive);
      }
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy')).toContain('camera=()');
      // Plain HTTP, and a client's own X-Forwarded-Proto proves nothing: no HSTS.
      expect(
        (await get(`${base}${page}`, undefined, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security'),
      ).toBeNull();
    }
    const health = await get(`${base}/api/suc-khoe`);
    expect(health.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('items 3 and 4: the throttle keys on the socket, and twelve simultaneous attempts evaluate at most five', async () => {
    // Each attempt claims another client in X-Forwarded-For and tries another account: all come
    // from one socket, so the sixth is refused all the same.
    const spoofed = [];
    for (let i = 0; i < 6; i++) {
      spoofed.push(
        (await login(base, new Jar(), `khong-co-${i}@example.vn`, 'sai-mat-khau', { 'x-forwarded-for': `198.51.100.${i + 1}` })).error,
      );
    }
    expect(spoofed).toEqual([...Array(5).fill('CredentialsSignin'), 'THROTTLED']);
    const simultaneous = await Promise.all(Array.from({ length: 12 }, () => login(base, new Jar(), ADMIN.email, 'sai-mat-khau-dong-thoi')));
    expect(simultaneous.every((result) => result.error === 'THROTTLED')).toBe(true);
  });
});

describe.skipIf(!built)('a production server behind a trusted reverse proxy (TRUSTED_PROXIES)', () => {
  let base = '';
  beforeAll(async () => {
    base = (await start({ TRUSTED_PROXIES: '127.0.0.1, ::1' })).server.url;
  });

  it('item 6: over HTTPS, staff cookies are Secure and HSTS is sent', async () => {
    const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.50' };
    const jar = new Jar();
    const { error, setCookies } = await login(base, jar, ADMIN.email, ADMIN.password, https);
    expect(error).toBeNull();
    const session = setCookies.find((line) => line.startsWith('__Secure-next-auth.session-token='));
    expect(session).toMatch(/;\s*Secure/i);
    expect(setCookies.find((line) => line.startsWith('portal-login-device='))).toMatch(/;\s*Secure/i);
    expect((await get(`${base}/`, undefined, https)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('items 3 and 5: twelve simultaneous wrong passwords evaluate at most five, and never lock out the owner’s browser', async () => {
    const owner = new Jar();
    const ownerHeaders = { 'x-forwarded-for': '198.51.100.10' };
    expect((await login(base, owner, ADMIN.email, ADMIN.password, ownerHeaders)).error).toBeNull();
    expect([...owner.cookies.keys()]).toContain('portal-login-device');
    const attacks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(base, new Jar(), ADMIN.email, `doan-mo-${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` }),
      ),
    );
    const evaluated = attacks.filter((result) => result.error === 'CredentialsSignin').length;
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(attacks.filter((result) => result.error === 'THROTTLED').length).toBe(12 - evaluated);
    // The account is locked for browsers it does not know, not for the owner's.
    expect((await login(base, new Jar(), ADMIN.email, ADMIN.password, { 'x-forwarded-for': '203.0.113.99' })).error).toBe('THROTTLED');
    expect((await login(base, owner, ADMIN.email, ADMIN.password, ownerHeaders)).error).toBeNull();
  });
});
