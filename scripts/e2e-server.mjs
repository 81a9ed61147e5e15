#!/usr/bin/env node
// Starts the built app for the end-to-end tests on a database of its own: a fresh PGlite folder,
// or a fresh PostgreSQL database. Usage: node scripts/e2e-server.mjs pglite|postgres PORT
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const [kind = 'pglite', port = '3105'] = process.argv.slice(2);

/** The SMTP port of a test run: next to its HTTP port, so runs on other ports do not meet. */
function e2eSmtpPort(httpPort) {
  return Number(httpPort) + 1000;
}
const env = {
  ...process.env,
  PORT: port,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  // The first admin, for the editing tests (tests/e2e/fixtures.ts logs in with these).
  ADMIN_EMAIL: 'quantri@example.vn',
  ADMIN_PASSWORD: 'mat-khau-e2e-2024',
  // The browser under test stands for a reverse proxy: a test that needs a client of its own (the
  // login throttle's) sends X-Forwarded-For, which the server believes only from a trusted proxy.
  TRUSTED_PROXIES: '127.0.0.1, ::1',
  // Mail goes to a local SMTP server that tests/e2e/questions.spec.ts starts on this port (while
  // none listens, sending fails at once and the pages say so).
  SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort(port)}`,
  MAIL_FROM: 'Cổng thông tin (thử nghiệm) <no-reply@example.vn>',
};
delete env.DATABASE_URL;

if (kind === 'postgres') {
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `portal_e2e_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
}

const child = spawn(process.execPath, [path.join(import.meta.dirname, 'start.mjs')], { env, stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
