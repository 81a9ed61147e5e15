import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN, expectNoAxeViolations, logIn, SEED_ARTICLE } from './fixtures';

const articleUrl = `/tin-tuc/${SEED_ARTICLE.slug}`;

/** A photo-like PNG (about 2 MB), different for every seed so the library never answers "already there". */
async function photo(seed: number): Promise<Buffer> {
  const width = 1100;
  const height = 700;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((i + seed) * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

async function openEditor(page: Page) {
  await page.goto(articleUrl);
  await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  await expect(form).toBeVisible();
  return form;
}

async function saveEditor(page: Page) {
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  await form.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(form).toBeHidden();
}

const keyOf = (src: string | null) => /\/media\/([0-9a-f]{32})\//.exec(src ?? '')?.[1];

test('staff replace a library image: the article shows the new one at once, with progress shown, and the old one can then be deleted', async ({
  page,
  browser,
}) => {
  // Two uploads, a throttled one among them, and several pages: slow on a loaded machine.
  test.slow();
  const stamp = Date.now();
  const alt = `Ảnh hội nghị để thay ${stamp}`;
  const newAlt = `Ảnh hội nghị (bản mới) ${stamp}`;
  await logIn(page, ADMIN);
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  try {
    // The image becomes the seed article's cover.
    const form = await openEditor(page);
    await form.getByRole('button', { name: 'Chọn ảnh bìa' }).click();
    const library = page.getByRole('dialog', { name: 'Thư viện ảnh' });
    await library.getByLabel('Tệp ảnh').setInputFiles({ name: 'hoi-nghi.png', mimeType: 'image/png', buffer: await photo(stamp) });
    await library.getByLabel('Mô tả ảnh').fill(alt);
    await library.getByRole('button', { name: 'Tải lên' }).click();
    await expect(library).toBeHidden();
    await saveEditor(page);
    await anonymous.goto(articleUrl);
    const oldKey = keyOf(await anonymous.getByRole('img', { name: alt }).getAttribute('src'));
    expect(oldKey).toBeTruthy();

    // "Thay ảnh" in the library, on a slow connection so the progress can be seen.
    await page.goto('/quan-tri/thu-vien-anh');
    await page.getByRole('button', { name: `Thay ảnh: ${alt}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Thay ảnh bằng tệp mới' });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    const replaceForm = dialog.getByRole('form', { name: `Thay ảnh: ${alt}` });
    await expect(replaceForm.getByLabel('Mô tả ảnh')).toHaveValue(alt);
    await replaceForm
      .getByLabel('Tệp ảnh')
      .setInputFiles({ name: 'hoi-nghi-moi.png', mimeType: 'image/png', buffer: await photo(stamp + 1) });
    await replaceForm.getByLabel('Mô tả ảnh').fill(newAlt);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 512 * 1024,
    });
    await replaceForm.getByRole('button', { name: 'Thay ảnh' }).click();
    await expect(replaceForm.getByRole('progressbar', { name: 'Tiến độ tải lên' })).toBeVisible();
    await expect(replaceForm.getByRole('status')).toHaveText(
      'Đã thay ảnh ở 1 bài viết. Ảnh cũ vẫn trong thư viện, không còn được dùng: có thể xóa.',
      { timeout: 20_000 },
    );
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await dialog.getByRole('button', { name: 'Đóng' }).click();

    // A visitor sees the new image on the article at once, under a new address.
    await anonymous.goto(articleUrl);
    const cover = anonymous.getByRole('img', { name: newAlt });
    await expect(cover).toBeVisible({ timeout: 1000 });
    const newKey = keyOf(await cover.getAttribute('src'));
    expect(newKey).toBeTruthy();
    expect(newKey).not.toBe(oldKey);
    await expect.poll(() => cover.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);

    // The article's history says so.
    await page.goto(articleUrl);
    await page.getByRole('link', { name: 'Lịch sử' }).click();
    await expect(page.getByText(`Thay ảnh “${alt}” bằng ảnh mới “${newAlt}” (Thư viện ảnh)`)).toBeVisible();

    // The old image is no longer used: it can be deleted now.
    await page.goto('/quan-tri/thu-vien-anh');
    await page.getByRole('button', { name: `Xóa ảnh: ${alt}`, exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Xóa ảnh này?' }).getByRole('button', { name: 'Xóa ảnh' }).click();
    await expect(page.getByRole('img', { name: alt, exact: true })).toHaveCount(0);
    await expect(page.getByRole('img', { name: newAlt, exact: true })).toBeVisible();
    // Trying to delete the new one, still the article's cover, is refused naming the article.
    await page.getByRole('button', { name: `Xóa ảnh: ${newAlt}`, exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Xóa ảnh này?' }).getByRole('button', { name: 'Xóa ảnh' }).click();
    await expect(page.getByText('Ảnh đang được dùng trong', { exact: false })).toBeVisible();

    // The audit log tells what happened.
    await page.goto('/quan-tri/nhat-ky');
    await expect(page.getByRole('main')).toContainText(`thay ảnh “${alt}” bằng ảnh mới “${newAlt}”`);
  } finally {
    // Other specs expect the seed article as it was: take the cover off again.
    const form = await openEditor(page);
    const remove = form.getByRole('button', { name: 'Bỏ ảnh bìa' });
    if (await remove.isVisible()) {
      await remove.click();
      await saveEditor(page);
    }
    await anonymousContext.close();
  }
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the library with its "Thay ảnh" dialog does not scroll sideways', async ({ page }) => {
    await logIn(page, ADMIN);
    await page.goto('/quan-tri/thu-vien-anh');
    const replace = page.getByRole('button', { name: /^Thay ảnh: / }).first();
    if ((await replace.count()) > 0) {
      await replace.click();
      await expect(page.getByRole('dialog', { name: 'Thay ảnh bằng tệp mới' })).toBeVisible();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
