import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN, addAccount, expectNoAxeViolations, logIn, type NewAccount } from './fixtures';

const WRITER: NewAccount = {
  name: 'Biên tập viên Soạn',
  email: 'bientap-soan@example.vn',
  password: 'bien-tap-soan-2024',
  role: 'Biên tập viên',
};
const REVIEWER: NewAccount = {
  name: 'Biên tập viên Duyệt bài',
  email: 'bientap-duyet-bai@example.vn',
  password: 'bien-tap-duyet-bai-2024',
  role: 'Biên tập viên',
};

/** What Word 2016 puts on the clipboard for a notice with a list, a link and a 3×4 table. */
const WORD_CLIPBOARD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=ProgId content=Word.Document><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:13.0pt; font-family:"Times New Roman",serif;} --></style></head>
<body lang=VI style='tab-interval:36.0pt'><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span style='font-size:14.0pt;mso-bidi-font-size:12.0pt'>THÔNG BÁO TUYỂN DỤNG<o:p></o:p></span></h1>
<p class=MsoNormal style='text-align:justify;mso-line-height-alt:12pt'><b style='mso-bidi-font-weight:normal'><span style='mso-ansi-language:VI'>Sở Nội vụ</span></b><span style='mso-ansi-language:VI'> thông báo tuyển dụng công chức năm 2026. Xem chi tiết tại <a href="https://sonoivu.angiang.gov.vn/tuyen-dung">trang tuyển dụng</a>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span>Có quốc tịch Việt Nam<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span>Đủ 18 tuổi trở lên<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span>Có văn bằng phù hợp<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=40 valign=top style='width:30pt;border:solid windowtext 1.0pt'><p class=MsoNormal align=center style='text-align:center'><b>STT<o:p></o:p></b></p></td>
  <td width=200 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Vị trí việc làm<o:p></o:p></b></p></td>
  <td width=80 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Số lượng<o:p></o:p></b></p></td>
  <td width=120 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Ghi chú<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=40 valign=top><p class=MsoNormal align=center style='text-align:center'>1<o:p></o:p></p></td>
  <td width=200 valign=top><p class=MsoNormal>Chuyên viên tổ chức bộ máy<o:p></o:p></p></td>
  <td width=80 valign=top><p class=MsoNormal>12<o:p></o:p></p></td>
  <td width=120 valign=top><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=40 valign=top><p class=MsoNormal align=center style='text-align:center'>2<o:p></o:p></p></td>
  <td width=200 valign=top><p class=MsoNormal>Chuyên viên cải cách hành chính<o:p></o:p></p></td>
  <td width=80 valign=top><p class=MsoNormal>5<o:p></o:p></p></td>
  <td width=120 valign=top><p class=MsoNormal>Ưu tiên thạc sĩ<o:p></o:p></p></td>
 </tr>
</table>
<p class=MsoNormal><span style='mso-ansi-language:VI'>Hạn nộp hồ sơ: 31/12/2026.<o:p></o:p></span></p>
<!--EndFragment--></body></html>`;

async function loggedIn(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, account);
  return { page, close: () => context.close() };
}

async function newDraft(page: Page, title: string): Promise<string> {
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByRole('button', { name: 'Viết bài mới' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/xem-truoc\/\d+/);
  return new URL(page.url()).pathname;
}

/** A paste as the browser delivers it: a paste event carrying the clipboard's text/html. */
async function pasteHtml(page: Page, html: string) {
  const body = page.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  await body.evaluate((element, clipboard) => {
    const data = new DataTransfer();
    data.setData('text/html', clipboard);
    data.setData('text/plain', 'THÔNG BÁO TUYỂN DỤNG');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function photo(): Promise<Buffer> {
  const raw = Buffer.alloc(800 * 500 * 3);
  const seed = Date.now() & 0xff;
  for (let i = 0; i < raw.length; i++) raw[i] = ((i + seed) * 2654435761) >>> 24;
  return sharp(raw, { raw: { width: 800, height: 500, channels: 3 } })
    .png()
    .toBuffer();
}

test('a notice pasted from Word keeps its table, list and link, and is published by a second editor', async ({ page, browser }) => {
  await logIn(page, ADMIN);
  await addAccount(page, WRITER);
  await addAccount(page, REVIEWER);
  const writer = await loggedIn(browser, WRITER);
  const reviewer = await loggedIn(browser, REVIEWER);
  try {
    const previewUrl = await newDraft(writer.page, 'Thông báo tuyển dụng công chức năm 2026');
    const form = writer.page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
    await pasteHtml(writer.page, WORD_CLIPBOARD);
    const body = form.getByRole('textbox', { name: 'Nội dung' });
    await expect(body.locator('table tr')).toHaveCount(3);
    await expect(body.locator('ul > li')).toHaveCount(3);
    await expect(body).not.toContainText('·');

    // The cursor in the table brings its own tools; the link opens in a dialog that can change it.
    await body.getByText('Chuyên viên tổ chức bộ máy').click();
    await expect(form.getByRole('toolbar', { name: 'Bảng' })).toBeVisible();
    await body.getByText('trang tuyển dụng').click();
    await form.getByRole('button', { name: 'Sửa liên kết' }).click();
    const linkDialog = writer.page.getByRole('dialog', { name: 'Sửa liên kết' });
    await expect(linkDialog.getByLabel('Địa chỉ liên kết')).toHaveValue('https://sonoivu.angiang.gov.vn/tuyen-dung');
    await linkDialog.getByLabel('Địa chỉ liên kết').fill('0296 3981 818');
    await expect(linkDialog.getByRole('button', { name: 'Bỏ liên kết' })).toBeVisible();
    await expectNoAxeViolations(writer.page);
    await linkDialog.getByLabel('Địa chỉ liên kết').fill('sonoivu.angiang.gov.vn/tuyen-dung-2026');
    await linkDialog.getByRole('button', { name: 'Lưu liên kết' }).click();
    await expect(linkDialog).toBeHidden();
    await expect(body.getByRole('link', { name: 'trang tuyển dụng' })).toHaveAttribute(
      'href',
      'https://sonoivu.angiang.gov.vn/tuyen-dung-2026',
    );

    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(form).toBeHidden();

    // The second editor publishes it from the preview, after saying yes once.
    await reviewer.page.goto(previewUrl);
    const tools = reviewer.page.getByRole('region', { name: 'Công cụ biên tập' });
    await tools.getByRole('button', { name: 'Xuất bản' }).click();
    await reviewer.page.getByRole('alertdialog', { name: 'Xuất bản bài này?' }).getByRole('button', { name: 'Xuất bản' }).click();
    await expect(tools.getByRole('status')).toHaveText('Đã xuất bản.');

    const anonymousContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const anonymous = await anonymousContext.newPage();
    try {
      await anonymous.goto('/tin-tuc/thong-bao-tuyen-dung-cong-chuc-nam-2026');
      const article = anonymous.locator('.article-body');
      const table = article.getByRole('table');
      await expect(table.getByRole('row')).toHaveCount(3);
      for (const row of await table.getByRole('row').all())
        await expect(row.getByRole('cell').or(row.getByRole('columnheader'))).toHaveCount(4);
      await expect(table.getByRole('columnheader', { name: 'Vị trí việc làm' })).toBeVisible();
      await expect(article.locator('ul > li')).toHaveText(['Có quốc tịch Việt Nam', 'Đủ 18 tuổi trở lên', 'Có văn bằng phù hợp']);
      await expect(article.getByRole('link', { name: 'trang tuyển dụng' })).toHaveAttribute(
        'href',
        'https://sonoivu.angiang.gov.vn/tuyen-dung-2026',
      );
      await expect(article.getByRole('heading', { level: 2, name: 'THÔNG BÁO TUYỂN DỤNG' })).toBeVisible();
      // The canonical address is the configured one (NEXTAUTH_URL here), never a guessed localhost.
      await expect(anonymous.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new URL('/tin-tuc/thong-bao-tuyen-dung-cong-chuc-nam-2026', anonymous.url()).href,
      );
      const html = await article.innerHTML();
      expect(html).not.toMatch(/mso-|o:p|class=|style=/);
      // On a phone the table scrolls inside its box; the page itself does not scroll sideways.
      expect(await anonymous.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectNoAxeViolations(anonymous);
    } finally {
      await anonymousContext.close();
    }
  } finally {
    await writer.close();
    await reviewer.close();
  }
});

test('an image from the library goes into the text with its description and caption', async ({ page }) => {
  await logIn(page, ADMIN);
  await newDraft(page, 'Bài có ảnh trong nội dung');
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  const body = form.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  await body.pressSequentially('Đoạn mở đầu.');
  await form.getByRole('button', { name: 'Chèn ảnh' }).click();

  const library = page.getByRole('dialog', { name: 'Thư viện ảnh' });
  await library.getByLabel('Tệp ảnh').setInputFiles({ name: 'trao-bang-khen.png', mimeType: 'image/png', buffer: await photo() });
  await library.getByLabel('Mô tả ảnh').fill('Lãnh đạo Sở trao bằng khen');
  await library.getByRole('button', { name: 'Tải lên' }).click();

  const details = page.getByRole('dialog', { name: 'Ảnh trong bài' });
  await expect(details.getByLabel('Mô tả ảnh')).toHaveValue('Lãnh đạo Sở trao bằng khen');
  // The description cannot be left empty.
  await details.getByLabel('Mô tả ảnh').fill('');
  await details.getByRole('button', { name: 'Chèn ảnh' }).click();
  await expect(details.getByText('Nhập mô tả ảnh')).toBeVisible();
  await expectNoAxeViolations(page);
  await details.getByLabel('Mô tả ảnh').fill('Lãnh đạo Sở trao bằng khen cho các tập thể');
  await details.getByLabel('Chú thích').fill('Trao bằng khen tại hội nghị');
  await details.getByRole('button', { name: 'Chèn ảnh' }).click();
  await expect(details).toBeHidden();
  await expect(body.getByRole('img', { name: 'Lãnh đạo Sở trao bằng khen cho các tập thể' })).toBeVisible();

  await form.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(form).toBeHidden();
  const figure = page.locator('.article-body figure');
  await expect(figure.getByRole('img', { name: 'Lãnh đạo Sở trao bằng khen cho các tập thể' })).toHaveAttribute(
    'src',
    /^\/media\/[0-9a-f]{32}\/960\.webp$/,
  );
  await expect(figure.locator('figcaption')).toHaveText('Trao bằng khen tại hội nghị');

  // An image the text shows cannot be deleted from the library: the refusal names the article.
  await page.goto('/quan-tri/thu-vien-anh');
  await page.getByRole('button', { name: 'Xóa ảnh: Lãnh đạo Sở trao bằng khen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Xóa ảnh này?' });
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Xóa ảnh' }).click();
  await expect(page.getByText('Ảnh đang được dùng trong “Bài có ảnh trong nội dung”', { exact: false })).toBeVisible();
});

test('an image file pasted into the text goes through the library, described, then into the text', async ({ page }) => {
  await logIn(page, ADMIN);
  await newDraft(page, 'Bài dán ảnh từ máy');
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  const body = form.getByRole('textbox', { name: 'Nội dung' });
  await body.click();
  const png = (await photo()).toString('base64');
  await body.evaluate((element, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'anh-dan.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, png);

  const library = page.getByRole('dialog', { name: 'Thư viện ảnh' });
  await expect(library.getByText('anh-dan.png')).toBeVisible();
  await library.getByLabel('Mô tả ảnh').fill('Ảnh dán từ máy tính');
  await library.getByRole('button', { name: 'Tải lên' }).click();
  const details = page.getByRole('dialog', { name: 'Ảnh trong bài' });
  await expect(details.getByLabel('Mô tả ảnh')).toHaveValue('Ảnh dán từ máy tính');
  await details.getByRole('button', { name: 'Chèn ảnh' }).click();
  await expect(body.getByRole('img', { name: 'Ảnh dán từ máy tính' })).toBeVisible();
});

test('on a 390 px phone the editor fits the screen, its buttons are big enough and "Lưu" stays in reach', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, ADMIN);
  await newDraft(page, 'Bài soạn trên điện thoại');
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  await pasteHtml(page, WORD_CLIPBOARD);
  await form.getByRole('textbox', { name: 'Nội dung' }).getByText('Chuyên viên tổ chức bộ máy').click();
  await expect(form.getByRole('toolbar', { name: 'Bảng' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const button of await form.getByRole('toolbar').getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height), (await button.textContent()) ?? '').toBeGreaterThanOrEqual(44);
  }
  // The form is far taller than the screen; "Lưu" is on screen wherever the person is.
  await page.evaluate(() => window.scrollTo(0, 0));
  await form.getByLabel('Tóm tắt').scrollIntoViewIfNeeded();
  await expect(form.getByRole('button', { name: 'Lưu', exact: true })).toBeInViewport();
  await expectNoAxeViolations(page);
});

test('leaving the editor with unsaved changes asks first', async ({ page }) => {
  await logIn(page, ADMIN);
  const previewUrl = await newDraft(page, 'Bài chưa lưu');
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  await form.getByRole('textbox', { name: 'Nội dung' }).click();
  await page.keyboard.type('Nội dung chưa lưu.');

  await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Bài viết' }).click();
  const question = page.getByRole('alertdialog', { name: 'Rời trang khi chưa lưu?' });
  await expect(question).toContainText('các thay đổi này sẽ mất');
  await expectNoAxeViolations(page);
  await question.getByRole('button', { name: 'Ở lại để lưu' }).click();
  expect(new URL(page.url()).pathname).toBe(previewUrl);
  await expect(form.getByRole('textbox', { name: 'Nội dung' })).toContainText('Nội dung chưa lưu.');

  await form.getByRole('button', { name: 'Hủy' }).click();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Ở lại để lưu' }).click();

  // Closing the tab: the browser's own question.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();

  await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Bài viết' }).click();
  await question.getByRole('button', { name: 'Bỏ thay đổi' }).click();
  await expect(page).toHaveURL(/\/quan-tri$/);
});
