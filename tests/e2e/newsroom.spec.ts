import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, addAccount, expectNoAxeViolations, logIn, type NewAccount, SEED_ARTICLE, Sidebar } from './fixtures';

const AUTHOR: NewAccount = {
  name: 'Phóng viên Duyệt',
  email: 'phongvien-duyet@example.vn',
  password: 'phong-vien-duyet-2024',
  role: 'Phóng viên',
};
const EDITOR: NewAccount = {
  name: 'Biên tập viên Duyệt',
  email: 'bientap-duyet@example.vn',
  password: 'bien-tap-duyet-2024',
  role: 'Biên tập viên',
};

const SEED_BLOCK = 'Số điện thoại tiếp nhận phản ánh kiến nghị về TTHC';
const SEED_ENTRY = { name: 'Ông Trương Long Hồ (Phó Giám Đốc Sở)', phone: '0983.570.009' };
const categoryUrl = `/chuyen-muc/${SEED_ARTICLE.categorySlug}`;

async function loggedInPage(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, account);
  return { page, close: () => context.close() };
}

/** The entry's form on /quan-tri/lien-he: saves a phone list and waits for the answer. */
async function savePhones(page: Page, phones: string) {
  const entry = page.getByRole('group', { name: new RegExp(SEED_ENTRY.name.replace(/[()]/g, '\\$&')) });
  await entry.getByLabel('Số điện thoại').fill(phones);
  await entry.getByRole('button', { name: 'Lưu', exact: true }).click();
  return entry;
}

test('an admin changes a sidebar number and an anonymous visitor sees it on a public page within a second', async ({ page, browser }) => {
  await logIn(page, ADMIN);
  await page.goto('/quan-tri/lien-he');
  const newPhone = '0983.570.010';
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  const sidebarEntry = () => new Sidebar(anonymous).block(SEED_BLOCK).getByRole('listitem').filter({ hasText: SEED_ENTRY.name });
  try {
    // Cached before the change.
    await anonymous.goto(categoryUrl);
    await expect(sidebarEntry()).toContainText(SEED_ENTRY.phone);

    // A number with letters is refused beside the field, in Vietnamese, and nothing changes.
    let entry = await savePhones(page, '0983.57O.OO9');
    const phoneField = entry.getByLabel('Số điện thoại');
    await expect(phoneField).toHaveAttribute('aria-invalid', 'true');
    const errorId = (await phoneField.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-loi'))!;
    await expect(page.locator(`[id="${errorId}"]`)).toContainText('chỉ gồm chữ số');

    entry = await savePhones(page, `${SEED_ENTRY.phone} - ${newPhone}`);
    await expect(entry.getByRole('status').first()).toHaveText('Đã lưu mục.');
    const saved = Date.now();
    await anonymous.goto(categoryUrl);
    await expect(sidebarEntry()).toContainText(newPhone, { timeout: 1000 });
    await expect(sidebarEntry().getByRole('link', { name: newPhone })).toHaveAttribute('href', 'tel:0983570010');
    console.log(`[e2e] sidebar saved → anonymous page shows it: ${Date.now() - saved} ms`);
  } finally {
    // Other specs check the seed sidebar: put it back and see it back.
    const entry = await savePhones(page, SEED_ENTRY.phone);
    await expect(entry.getByRole('status').first()).toHaveText('Đã lưu mục.');
    await anonymous.goto(categoryUrl);
    await expect(sidebarEntry()).not.toContainText(newPhone);
    await expect(sidebarEntry()).toContainText(SEED_ENTRY.phone);
    await anonymousContext.close();
  }
});

test('review: an author submits, an editor sends it back with a comment, the author reads it', async ({ page, browser }) => {
  await logIn(page, ADMIN);
  await addAccount(page, AUTHOR);
  await addAccount(page, EDITOR);
  const title = 'Bài gửi duyệt của phóng viên';
  const comment = 'Thiếu tên người phát biểu ở đoạn hai, vui lòng bổ sung.';

  const author = await loggedInPage(browser, AUTHOR);
  const editor = await loggedInPage(browser, EDITOR);
  try {
    await author.page.getByLabel('Tiêu đề').fill(title);
    await author.page.getByRole('button', { name: 'Viết bài mới' }).click();
    await expect(author.page).toHaveURL(/\/quan-tri\/xem-truoc\/\d+/);
    const articleUrl = new URL(author.page.url()).pathname;
    const form = author.page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
    await form.getByLabel('Tóm tắt').fill('Tóm tắt bài gửi duyệt.');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const authorTools = author.page.getByRole('region', { name: 'Công cụ biên tập' });
    await authorTools.getByRole('button', { name: 'Gửi duyệt' }).click();
    await expect(authorTools.getByText('Chờ duyệt')).toBeVisible();
    await expect(authorTools.getByRole('button', { name: /Xuất bản/ })).toHaveCount(0);

    // The editor finds it in "Chờ duyệt" and sends it back; the comment is required.
    await editor.page.goto('/quan-tri');
    const queue = editor.page.getByRole('region', { name: /Chờ duyệt/ });
    await queue.getByRole('link', { name: title }).click();
    await expect(editor.page).toHaveURL(new RegExp(`${articleUrl}$`));
    const editorTools = editor.page.getByRole('region', { name: 'Công cụ biên tập' });
    await editorTools.getByRole('button', { name: 'Trả lại' }).click();
    const sendBack = editor.page.getByRole('form', { name: 'Trả lại bài viết' });
    const reason = sendBack.getByLabel('Lý do trả lại (tác giả sẽ thấy)');
    await expect(reason).toBeFocused();
    await sendBack.getByRole('button', { name: 'Gửi trả lại' }).click();
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(sendBack.locator('#tra-lai-ly-do-loi')).toHaveText('Hãy ghi lý do trả lại để tác giả biết cần sửa gì.');
    await reason.fill(comment);
    await sendBack.getByRole('button', { name: 'Gửi trả lại' }).click();
    await expect(editorTools.getByRole('status')).toHaveText('Đã trả lại bài cho tác giả.');
    await expect(editorTools.getByText('Bản nháp')).toBeVisible();

    // The author sees the comment on the article and in their list.
    await author.page.reload();
    const note = author.page.getByRole('region', { name: 'Góp ý khi trả lại' });
    await expect(note).toContainText(comment);
    await expect(note).toContainText(EDITOR.name);
    await author.page.goto('/quan-tri');
    await expect(author.page.getByText(`Trả lại: ${comment}`)).toBeVisible();
  } finally {
    await author.close();
    await editor.close();
  }
});

test('Lịch sử: an editor finds an article without diacritics, compares two revisions and restores one', async ({ page }) => {
  await logIn(page, ADMIN);
  const title = 'Bài thử khôi phục phiên bản';
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByRole('button', { name: 'Viết bài mới' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/xem-truoc\/\d+/);
  const tools = page.getByRole('region', { name: 'Công cụ biên tập' });
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  await form.getByLabel('Tóm tắt').fill('Tóm tắt đầu tiên');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(tools.getByRole('status')).toHaveText('Đã lưu.');
  await tools.getByRole('button', { name: 'Chỉnh sửa' }).click();
  await form.getByLabel('Tóm tắt').fill('Tóm tắt thứ hai');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(tools.getByRole('status')).toHaveText('Đã lưu.');

  // The list finds it typed without diacritics, and leads to its history.
  await page.goto('/quan-tri?q=bai+thu+khoi+phuc');
  const list = page.getByRole('region', { name: 'Tất cả bài viết' });
  await expect(list.getByRole('link', { name: title, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await list.getByRole('link', { name: `Lịch sử: ${title}` }).click();
  await expect(page.getByRole('heading', { name: `Lịch sử: ${title}` })).toBeVisible();
  const comparison = page.getByRole('region', { name: 'So sánh hai phiên bản' });
  await expect(comparison.locator('del')).toContainText(['đầu tiên']);
  await expect(comparison.locator('ins')).toContainText(['thứ hai']);
  await expectNoAxeViolations(page);
  // On a phone the history fits the screen: nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  await page.getByRole('button', { name: 'Khôi phục phiên bản 2' }).click();
  await expect(page.getByText('Đã khôi phục phiên bản 2 thành phiên bản 4.')).toBeVisible();
  const versions = page.getByRole('region', { name: /Các phiên bản/ });
  await expect(versions.getByRole('listitem').first()).toContainText('Khôi phục phiên bản 2');
  await page.getByRole('link', { name: 'Mở bài để chỉnh sửa' }).click();
  await expect(page.getByText('Tóm tắt đầu tiên')).toBeVisible();
});
