import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { ADMIN, logIn, SEED_ARTICLE } from './fixtures';

const articleUrl = `/tin-tuc/${SEED_ARTICLE.slug}`;

/** A photo-like PNG, different on every run so the library never answers "already there". */
async function photo(): Promise<Buffer> {
  const width = 1100;
  const height = 700;
  const raw = Buffer.alloc(width * height * 3);
  const seed = Date.now() & 0xff;
  for (let i = 0; i < raw.length; i++) raw[i] = ((i + seed) * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

async function saveEditor(page: Page) {
  const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
  await form.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(form).toBeHidden();
}

test('an admin uploads an image, makes it the cover with alt text, and an anonymous visitor sees it', async ({ page, browser }) => {
  const alt = `Toàn cảnh hội nghị sơ kết ${Date.now()}`;
  await logIn(page, ADMIN);
  await page.goto(articleUrl);
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  try {
    await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
    const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
    await form.getByRole('button', { name: 'Chọn ảnh bìa' }).click();

    const library = page.getByRole('dialog', { name: 'Thư viện ảnh' });
    await expect(library).toBeVisible();
    // A name that lies about the content is refused, with the server's Vietnamese message.
    await library
      .getByLabel('Tệp ảnh')
      .setInputFiles({ name: 'khong-phai-anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html>không phải ảnh</html>') });
    await library.getByLabel('Mô tả ảnh').fill(alt);
    await library.getByRole('button', { name: 'Tải lên' }).click();
    await expect(library.getByText('Tệp này không phải ảnh JPEG, PNG hoặc WebP', { exact: false }).first()).toBeVisible();

    await library.getByLabel('Tệp ảnh').setInputFiles({ name: 'hoi-nghi.png', mimeType: 'image/png', buffer: await photo() });
    await library.getByRole('button', { name: 'Tải lên' }).click();
    // An uploaded image becomes the cover at once and the library closes.
    await expect(library).toBeHidden();
    await expect(form.getByRole('img', { name: alt })).toBeVisible();
    await expect(form.getByLabel('Mô tả ảnh bìa')).toHaveValue(alt);
    await saveEditor(page);

    await anonymous.goto(articleUrl);
    const cover = anonymous.getByRole('img', { name: alt });
    await expect(cover).toBeVisible();
    await expect(cover).toHaveAttribute('srcset', /\/media\/[0-9a-f]{32}\/640\.webp 640w/);
    await expect(cover).toHaveAttribute('width', '1100');
    await expect.poll(() => cover.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
    const src = await cover.getAttribute('src');
    const variant = await anonymous.request.get(src!);
    expect(variant.status()).toBe(200);
    expect(variant.headers()['content-type']).toBe('image/webp');
    expect(variant.headers()['cache-control']).toBe('public, max-age=31536000, immutable');

    // The library page lists it for staff.
    await page.goto('/quan-tri/thu-vien-anh');
    await expect(page.getByRole('img', { name: alt })).toBeVisible();
  } finally {
    // Other specs expect the seed article as it was: take the cover off again.
    await page.goto(articleUrl);
    await page.getByRole('button', { name: 'Chỉnh sửa' }).click();
    const form = page.getByRole('form', { name: 'Chỉnh sửa bài viết' });
    await expect(form).toBeVisible();
    const remove = form.getByRole('button', { name: 'Bỏ ảnh bìa' });
    if (await remove.isVisible()) {
      await remove.click();
      await saveEditor(page);
    }
    await anonymous.goto(articleUrl);
    await expect(anonymous.getByRole('img', { name: alt })).toHaveCount(0);
    await anonymousContext.close();
  }
});
