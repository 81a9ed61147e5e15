import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { ADMIN, addAccount, expectNoAxeViolations, logIn } from './fixtures';

// One flow, in order: a visitor without JavaScript asks, an officer of the unit answers and
// publishes, the visitor reads the answer with the code, and the pair is public without the email.
test.describe.configure({ mode: 'serial' });

const SMTP_PORT = Number(process.env.E2E_PORT ?? 3105) + 1000;
const ASKER = { name: 'Trần Thị Bình', email: 'binh.tran@example.vn', phone: '0912 000 111' };
const TITLE = 'Hồ sơ xét tặng danh hiệu Chiến sĩ thi đua cơ sở gồm những gì?';
const ANSWER = 'Hồ sơ gồm tờ trình, biên bản họp Hội đồng thi đua và báo cáo thành tích của cá nhân.';
const OFFICER = { name: 'Cán bộ Thi đua', email: 'thi.dua@example.vn', password: 'mat-khau-tra-loi-2024', role: 'Cán bộ trả lời' as const };

const received: { to: string; body: string }[] = [];
let smtp: SMTPServer;
let code = '';
let unitName = '';
let questionPath = '';

async function noScriptPage(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: 'vi-VN' });
  return { context, page: await context.newPage() };
}

async function expectNoHorizontalScroll(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test.beforeAll(async () => {
  // The local SMTP server the portal sends to (scripts/e2e-server.mjs points SMTP_URL here).
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

test('an admin makes an answering officer of a unit', async ({ page }) => {
  await logIn(page, ADMIN);
  await addAccount(page, OFFICER);
  const unit = page.getByLabel(`Đơn vị trả lời câu hỏi của ${OFFICER.name}`);
  unitName = ((await unit.locator('option').nth(1).textContent()) ?? '').trim();
  await unit.selectOption({ label: unitName });
  await expect(page.getByText('Đã gắn đơn vị.')).toBeVisible();
});

test('a visitor without JavaScript asks a question and gets a code, also by email', async ({ browser, baseURL }) => {
  const { context, page } = await noScriptPage(browser, baseURL);
  await page.goto('/hoi-dap');
  await page.getByRole('link', { name: 'Đặt câu hỏi' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đặt câu hỏi' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Đặt câu hỏi' });
  await form.getByLabel('Họ và tên').fill(ASKER.name);
  await form.getByRole('textbox', { name: /^Email/ }).fill(ASKER.email);
  await form.getByRole('textbox', { name: /^Số điện thoại/ }).fill('số của tôi');
  await form.getByLabel('Lĩnh vực').selectOption({ index: 1 });
  await form.getByLabel('Tiêu đề').fill(TITLE);
  await form.getByLabel('Nội dung').fill('Tôi muốn biết hồ sơ đề nghị xét tặng danh hiệu Chiến sĩ thi đua cơ sở.');
  await form.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  // A person takes longer than the form's minimum time (three seconds; a quicker post is refused,
  // tests/integration/public-forms.test.ts) to fill it in.
  await page.waitForTimeout(3500);
  // A phone number the server refuses: the page comes back, without JavaScript, with the error
  // beside the field and everything typed still there.
  await form.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  const again = page.getByRole('form', { name: 'Đặt câu hỏi' });
  const phone = again.getByRole('textbox', { name: /^Số điện thoại/ });
  await expect(phone).toHaveAccessibleDescription(/Số điện thoại chưa đúng/);
  await expect(phone).toHaveValue('số của tôi');
  await expect(again.getByLabel('Tiêu đề')).toHaveValue(TITLE);
  await expect(again.getByRole('textbox', { name: /^Email/ })).toHaveValue(ASKER.email);
  await expect(again.getByRole('checkbox', { name: /Tôi đồng ý/ })).toBeChecked();
  await phone.fill(ASKER.phone);
  await page.waitForTimeout(3500);
  await again.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await expect(page.getByRole('heading', { name: 'Câu hỏi của bạn đã được tiếp nhận' })).toBeVisible();
  code = ((await page.getByLabel('Mã tra cứu').textContent()) ?? '').trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByText('Mã cũng đã được gửi tới email của bạn.')).toBeVisible();
  const mail = received.find((message) => message.to === ASKER.email);
  expect(mail?.body).toContain(code);
  await context.close();
});

test('the officer sees it in their unit’s queue once assigned, answers and publishes it', async ({ browser, baseURL, page }) => {
  // Two logins (each a 128 MiB password hash) and two axe runs on a shared 2-core machine.
  test.setTimeout(180_000);
  await logIn(page, ADMIN);
  await page.goto('/quan-tri/hoi-dap');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page).toHaveURL(/\/quan-tri\/hoi-dap\/\d+$/, { timeout: 20_000 });
  await page.getByLabel('Đơn vị trả lời', { exact: true }).selectOption({ label: unitName });
  await page.getByRole('button', { name: 'Phân công' }).click();
  await expect(page.getByText('Đã phân công.')).toBeVisible();

  const context = await browser.newContext({ baseURL, locale: 'vi-VN' });
  const officer = await context.newPage();
  await logIn(officer, OFFICER);
  await officer.goto('/quan-tri/hoi-dap');
  await expect(officer.getByText(`Các câu hỏi được phân công cho ${unitName}.`)).toBeVisible();
  await officer.getByRole('link', { name: TITLE }).click();
  await expect(officer).toHaveURL(/\/quan-tri\/hoi-dap\/\d+$/, { timeout: 20_000 });
  await expect(officer.getByText(ASKER.email)).toBeVisible();
  await expectNoAxeViolations(officer);
  await officer.getByRole('textbox', { name: 'Câu trả lời' }).click();
  await officer.keyboard.type(ANSWER);
  await officer.getByRole('button', { name: 'Gửi câu trả lời' }).click();
  await expect(officer.getByText('Đã lưu câu trả lời.')).toBeVisible();
  await officer.getByRole('button', { name: 'Công khai' }).click();
  await expect(officer.getByText('Đã công khai trên trang Hỏi đáp.')).toBeVisible();
  await expectNoHorizontalScroll(officer);
  await context.close();
});

test('the visitor looks the code up without JavaScript and reads the answer', async ({ browser, baseURL }) => {
  const { context, page } = await noScriptPage(browser, baseURL);
  await page.goto('/hoi-dap/tra-cuu');
  await page.getByLabel('Mã tra cứu').fill('0000-0000-0000');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByText('Không tìm thấy câu hỏi nào với mã tra cứu này.')).toBeVisible();
  await page.getByLabel('Mã tra cứu').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByText('Đã trả lời', { exact: true })).toBeVisible();
  await expect(page.getByText(ANSWER)).toBeVisible();
  const link = page.getByRole('link', { name: 'Xem câu hỏi trên trang Hỏi đáp' });
  questionPath = (await link.getAttribute('href')) ?? '';
  expect(questionPath).toMatch(/^\/hoi-dap\/[a-z0-9-]+-\d+$/);
  await context.close();
});

test('the pair is on /hoi-dap, found without diacritics, and never shows the email or phone', async ({ page }) => {
  await page.goto('/hoi-dap');
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
  await page.getByLabel('Từ khóa').fill('chien si thi dua');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`${questionPath}$`));
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByText(ANSWER)).toBeVisible();
  await expect(page.getByText('Người hỏi: T. T. B.')).toBeVisible();
  const html = await page.content();
  for (const secret of [ASKER.email, ASKER.phone, ASKER.name]) expect(html).not.toContain(secret);
});

test('the site search finds the pair as Hỏi đáp, and the XML site map lists its address', async ({ page, request }) => {
  await page.goto('/tim-kiem?q=chien%20si%20thi%20dua&loai=hoi-dap');
  await expect(page.getByRole('link', { name: TITLE })).toHaveAttribute('href', questionPath);
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`${questionPath}</loc>`);
  for (const secret of [ASKER.email, ASKER.phone]) expect(sitemap).not.toContain(secret);
});

test('every new public page passes axe and fits a 360 px phone', async ({ page }) => {
  test.setTimeout(180_000);
  for (const path of ['/hoi-dap', '/hoi-dap/dat-cau-hoi', '/hoi-dap/tra-cuu', questionPath]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  }
  // The lookup with its answer, and the form with its errors.
  await page.goto('/hoi-dap/tra-cuu');
  await page.getByLabel('Mã tra cứu').fill(code);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByText(ANSWER)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/hoi-dap/dat-cau-hoi');
  await page.getByRole('button', { name: 'Gửi câu hỏi' }).click();
  await expectNoAxeViolations(page);
});
