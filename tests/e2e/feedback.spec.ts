import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { samplePdf } from '../helpers/document-files';
import { ADMIN, expectNoAxeViolations, logIn } from './fixtures';

/**
 * Góp ý dự thảo and Đánh giá, as people use them: a visitor without JavaScript comments on an open
 * draft, an admin publishes the comment and it shows (without the email); a closed draft says so
 * and carries its report; a rating sent without JavaScript shows on the statistics dashboard.
 */

// Each test renders several pages for the first time (ISR) on a shared 2-core machine.
test.describe.configure({ timeout: 300_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

/** The public forms refuse a submission sooner than this after the form was served (lib/public-forms). */
const MIN_FILL_MS = 3000;

async function expectNoHorizontalScroll(page: Page) {
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** "2026-03-01T07:00" in Vietnam for an instant: what a datetime-local field takes. */
function vietnamLocal(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);
}

async function newDraft(page: Page, { number, summary }: { number: string; summary: string }): Promise<number> {
  await page.goto('/quan-tri/van-ban/moi');
  const form = page.getByRole('form', { name: 'Thêm văn bản' });
  await form.getByLabel('Số/Ký hiệu', { exact: true }).fill(number);
  await form.getByLabel('Loại văn bản').selectOption({ label: 'Quyết định' });
  await form.getByLabel('Cơ quan ban hành').selectOption({ label: 'Sở Nội vụ tỉnh An Giang' });
  await form.getByLabel('Ngày ban hành', { exact: true }).fill('2026-01-15');
  await form.getByLabel('Trích yếu', { exact: true }).fill(summary);
  await form.getByRole('button', { name: 'Thêm văn bản' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/van-ban\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('button', { name: 'Xuất bản văn bản' }).click();
  await expect(page.getByText('Đã xuất bản văn bản.')).toBeVisible();
  return id;
}

async function setWindow(page: Page, id: number, opensAt: number, closesAt: number) {
  await page.goto(`/quan-tri/van-ban/${id}`);
  const form = page.getByRole('form', { name: 'Thời gian lấy ý kiến góp ý' });
  await form.getByLabel('Bắt đầu góp ý (giờ Việt Nam)').fill(vietnamLocal(opensAt));
  await form.getByLabel('Kết thúc góp ý (giờ Việt Nam)').fill(vietnamLocal(closesAt));
  await form.getByRole('button').click();
  await expect(form.getByText('Đã lưu thời gian góp ý.')).toBeVisible();
}

/**
 * axe and the 360 px check need scripts in the page: a page without JavaScript is checked again in
 * a context of its own with them (the markup is the same).
 */
async function checkPage(browser: Browser, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(path);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  } finally {
    await context.close();
  }
}

async function visitorWithoutJavaScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  return { context, page: await context.newPage() };
}

test('a visitor without JavaScript comments on an open draft; an admin publishes it and it shows, never the email; a closed draft says closed', async ({
  page,
  browser,
}) => {
  const run = Date.now().toString(36);
  const serial = String(Date.now() % 100_000);
  const open = { number: `${serial}/DT-SNV`, summary: `Dự thảo quy chế thử nghiệm lấy ý kiến (${run})` };
  const closed = { number: `${serial}/DT2-SNV`, summary: `Dự thảo đã hết thời gian góp ý (${run})` };
  const email = `nguoi-gop-y-${run}@example.vn`;
  const content = `Đề nghị bổ sung thời hạn trả lời tại Điều 5 (${run}).`;

  await logIn(page, ADMIN);
  const openId = await newDraft(page, open);
  await setWindow(page, openId, Date.now() - 3_600_000, Date.now() + 7 * 86_400_000);
  const closedId = await newDraft(page, closed);
  await setWindow(page, closedId, Date.now() - 7 * 86_400_000, Date.now() - 3_600_000);

  const { context, page: visitor } = await visitorWithoutJavaScript(browser);
  try {
    await visitor.goto('/');
    await visitor.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Góp ý dự thảo' }).last().click();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Góp ý dự thảo' })).toBeVisible();
    await expect(
      visitor.getByRole('region', { name: 'Đang lấy ý kiến' }).getByRole('link', { name: `Quyết định ${open.number}` }),
    ).toBeVisible();
    await expect(
      visitor.getByRole('region', { name: 'Đã hết thời gian góp ý' }).getByRole('link', { name: `Quyết định ${closed.number}` }),
    ).toBeVisible();
    await checkPage(browser, '/gop-y-du-thao');

    await visitor.getByRole('link', { name: `Quyết định ${open.number}` }).click();
    const section = visitor.getByRole('region', { name: 'Góp ý dự thảo' });
    await expect(section.getByText('Đang lấy ý kiến', { exact: true })).toBeVisible();
    const form = visitor.getByRole('form', { name: 'Gửi góp ý' });
    const draftPath = new URL(visitor.url()).pathname;
    await checkPage(browser, draftPath);

    // The browser's own checks stop an incomplete form without JavaScript (required fields, the
    // consent box); the server's refusals are checked below with scripts and in tests/integration.
    await form.getByLabel('Họ và tên').fill('Lê Văn C');
    await form.getByRole('textbox', { name: 'Email' }).fill(email);
    await form.getByLabel('Cơ quan, tổ chức (không bắt buộc)').fill('Hội Luật gia tỉnh');
    await form.getByLabel('Nội dung góp ý').fill(content);

    // A refusal with JavaScript (the form then posts without reloading): beside the field, axe-clean.
    {
      const withScripts = await browser.newContext();
      const other = await withScripts.newPage();
      try {
        await other.goto(draftPath);
        const jsForm = other.getByRole('form', { name: 'Gửi góp ý' });
        await jsForm.getByLabel('Họ và tên').fill('Lê Văn C');
        await jsForm.getByRole('textbox', { name: 'Email' }).fill('khong-phai-email');
        await jsForm.getByLabel('Nội dung góp ý').fill('Nội dung thử');
        await other.waitForTimeout(MIN_FILL_MS + 500);
        // The browser's own checks would stop the form before the server answers in Vietnamese.
        await jsForm.evaluate((element) => element.setAttribute('novalidate', ''));
        await jsForm.getByRole('button', { name: 'Gửi góp ý' }).click();
        await expect(jsForm.getByText('Email chưa đúng', { exact: false })).toBeVisible();
        await expect(jsForm.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(other);
      } finally {
        await withScripts.close();
      }
    }

    await form.getByRole('checkbox').check();
    await visitor.waitForTimeout(MIN_FILL_MS + 500);
    await form.getByRole('button', { name: 'Gửi góp ý' }).click();
    await expect(visitor.getByText('Đã gửi góp ý. Cảm ơn bạn!', { exact: false })).toBeVisible();

    // The admin finds it among the drafts for comment, sees it with the email, publishes it.
    await page.goto('/quan-tri');
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Góp ý dự thảo' }).click();
    const listed = page.getByRole('listitem').filter({ hasText: open.summary });
    await expect(listed).toContainText('1 chờ duyệt');
    await expectNoAxeViolations(page);
    await listed.getByRole('link', { name: `Quyết định ${open.number}` }).click();
    await expect(page).toHaveURL(new RegExp(`/quan-tri/van-ban/${openId}/gop-y$`));
    const item = page.getByRole('listitem').filter({ hasText: content });
    await expect(item).toContainText(email);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await item.getByRole('button', { name: /^Đăng: góp ý số \d+ của Lê Văn C$/ }).click();
    // The comment leaves the "Chờ duyệt" list it was shown in (its row, and the row's short-lived
    // "Đã đăng góp ý." with it) and is counted under "Đã đăng".
    await expect(page.getByRole('link', { name: 'Đã đăng (1)' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Chờ duyệt (0)' })).toBeVisible();

    // A fresh visit (a reload would post the form again).
    await visitor.goto(draftPath);
    const published = visitor.getByRole('region', { name: 'Góp ý dự thảo' }).getByRole('listitem').filter({ hasText: content });
    await expect(published).toBeVisible();
    await expect(published).toContainText('Lê Văn C – Hội Luật gia tỉnh');
    expect(await visitor.content()).not.toContain(email);

    // The closed draft: no form, it says closed; the report appears once attached.
    await page.goto(`/quan-tri/van-ban/${closedId}/gop-y`);
    const report = page.getByRole('form', { name: 'Đính kèm báo cáo tổng hợp góp ý' });
    await report.getByLabel('Báo cáo tổng hợp góp ý').setInputFiles({
      name: 'bao-cao-tong-hop.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('Bao cao tong hop'),
    });
    await report.getByRole('button', { name: 'Tải lên' }).click();
    await expect(report.getByText('Đã đính kèm báo cáo tổng hợp.')).toBeVisible();

    await visitor.goto('/gop-y-du-thao');
    await visitor.getByRole('link', { name: `Quyết định ${closed.number}` }).click();
    const closedSection = visitor.getByRole('region', { name: 'Góp ý dự thảo' });
    await expect(closedSection.getByText('Đã hết thời gian góp ý', { exact: true })).toBeVisible();
    await expect(closedSection.getByText('dự thảo không nhận thêm góp ý', { exact: false })).toBeVisible();
    await expect(visitor.getByRole('form', { name: 'Gửi góp ý' })).toHaveCount(0);
    // The staff page's link to the document prefetches it: a render that may have read the
    // database before the upload and end after it (server/page-cache-handler.mjs does not store
    // such a page). A request that joins that render still gets it as it was; the next shows the report.
    const closedPath = new URL(visitor.url()).pathname;
    await expect(async () => {
      await visitor.goto(closedPath);
      await expect(visitor.getByRole('region', { name: 'Góp ý dự thảo' }).getByRole('link', { name: /bao-cao-tong-hop\.pdf/ })).toBeVisible(
        {
          timeout: 1000,
        },
      );
    }).toPass({ timeout: 15_000 });
    await checkPage(browser, closedPath);
  } finally {
    await context.close();
  }
});

test('a rating sent without JavaScript shows on the statistics dashboard, once per visitor', async ({ page, browser }) => {
  await logIn(page, ADMIN);
  await page.goto('/quan-tri/thong-ke');
  const section = page.getByRole('region', { name: /^Đánh giá cổng thông tin/ });
  const countOf = async () =>
    Number(
      ((await section.getByText('Lượt đánh giá', { exact: true }).locator('xpath=following-sibling::dd').textContent()) ?? '').replace(
        /\D/g,
        '',
      ),
    );
  const before = await countOf();

  const { context, page: visitor } = await visitorWithoutJavaScript(browser);
  try {
    await visitor.goto('/');
    await visitor.getByRole('link', { name: 'Đánh giá cổng thông tin' }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: 'Đánh giá cổng thông tin' })).toBeVisible();
    await checkPage(browser, '/danh-gia');
    const form = visitor.getByRole('form', { name: 'Đánh giá cổng thông tin' });
    await form.getByRole('group', { name: 'Giao diện' }).getByLabel('5 – Rất tốt').check();
    await form.getByRole('group', { name: 'Nội dung' }).getByLabel('4 – Tốt').check();
    await form.getByRole('group', { name: 'Chất lượng thông tin' }).getByLabel('4 – Tốt').check();
    await form.getByRole('group', { name: 'Hỗ trợ' }).getByLabel('3 – Bình thường').check();
    await form.getByLabel('Ý kiến khác (không bắt buộc)').fill('Trang dễ đọc trên điện thoại.');
    await visitor.waitForTimeout(MIN_FILL_MS + 500);
    await form.getByRole('button', { name: 'Gửi đánh giá' }).click();
    // Without JavaScript the page comes back rendered anew: it now knows this visitor has rated.
    await expect(visitor.getByText(/Bạn đã đánh giá ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();

    // The same visitor (the visitor cookie) is told when they may rate again.
    await visitor.goto('/danh-gia');
    await expect(visitor.getByText(/Bạn đã đánh giá ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
    await expect(visitor.getByRole('form', { name: 'Đánh giá cổng thông tin' })).toHaveCount(0);
  } finally {
    await context.close();
  }

  await page.reload();
  expect(await countOf()).toBe(before + 1);
  await expectNoAxeViolations(page);
});
