#!/usr/bin/env node
// `npm run audit:deps`: checks package-lock.json against the registry's known advisories
// (`npm audit`). A high or critical advisory fails (exit 1): the README says how to update. A
// registry that cannot be reached or does not offer the audit service is said plainly, and is not
// a failure: CI on a closed network must not go red for it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const FAILING = ['high', 'critical'];

/** What an `npm audit --json` run means: { verdict, exitCode, lines } (pure, for the tests). */
export function interpretAudit({ status, stdout, stderr = '' }) {
  let report = null;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const reason = report?.message ?? report?.error?.summary ?? (stderr.trim().split('\n').at(-1) || `npm audit kết thúc với mã ${status}`);
    return {
      verdict: 'unreachable',
      exitCode: 0,
      lines: [
        'KHÔNG KIỂM TRA ĐƯỢC lỗ hổng của các gói phụ thuộc: máy chủ registry không trả lời yêu cầu kiểm tra.',
        `Lý do: ${reason}`,
        'Chưa có kết luận nào về lỗ hổng; hãy chạy lại khi có mạng tới registry.',
      ],
    };
  }
  const found = Object.entries(report.vulnerabilities ?? {}).map(([name, entry]) =>
    `  ${entry.severity}: ${name} ${entry.range ?? ''}`.trimEnd(),
  );
  const failing = FAILING.reduce((sum, level) => sum + (counts[level] ?? 0), 0);
  const summary = ['info', 'low', 'moderate', 'high', 'critical'].map((level) => `${level} ${counts[level] ?? 0}`).join(', ');
  return {
    verdict: failing > 0 ? 'vulnerable' : 'clean',
    exitCode: failing > 0 ? 1 : 0,
    lines: [
      `Đã kiểm tra package-lock.json với cơ sở dữ liệu lỗ hổng của registry: ${summary}.`,
      ...found,
      failing > 0
        ? 'Có lỗ hổng mức high/critical: cập nhật theo mục "Dependency updates" trong README.'
        : 'Không có lỗ hổng mức high/critical.',
    ],
  };
}

function main() {
  const root = path.resolve(import.meta.dirname, '..');
  const run = spawnSync('npm', ['audit', '--json', '--package-lock-only'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  const result = interpretAudit({
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: `${run.stderr ?? ''}${run.error ? String(run.error) : ''}`,
  });
  for (const line of result.lines) console.log(line);
  process.exit(result.exitCode);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
