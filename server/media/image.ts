import 'server-only';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** A decompression bomb fits in 10 MB: refuse more pixels than any photo for the web needs. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export const IMAGE_MESSAGES = {
  noFile: 'Hãy chọn một tệp ảnh.',
  tooLarge: 'Ảnh quá lớn: mỗi ảnh tối đa 10 MB.',
  wrongType: 'Tệp này không phải ảnh JPEG, PNG hoặc WebP (loại ảnh được xét theo nội dung tệp, không theo tên tệp).',
  damaged: 'Ảnh bị hỏng hoặc không đọc được.',
  tooManyPixels: 'Ảnh có quá nhiều điểm ảnh (tối đa 40 megapixel).',
} as const;

type Format = 'jpeg' | 'png' | 'webp';
const MIME: Record<Format, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** The format the first bytes announce; the name and the declared type are never trusted. */
export function sniffImageFormat(bytes: Uint8Array): Format | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

export type ImageInfo = { mimeType: string; width: number; height: number };

/**
 * Accepts a JPEG, PNG or WebP by its content: the magic bytes, then libvips reading the header
 * must agree on the format, then the whole image must decode (a truncated file fails here).
 * Width and height are as displayed, after the EXIF orientation.
 */
export async function inspectImage(bytes: Buffer): Promise<ImageInfo> {
  const sniffed = sniffImageFormat(bytes);
  if (!sniffed)
    throw new AppError('unsupportedType', { message: IMAGE_MESSAGES.wrongType, fieldErrors: { file: [IMAGE_MESSAGES.wrongType] } });
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('unsupportedType', { message: IMAGE_MESSAGES.damaged, fieldErrors: { file: [IMAGE_MESSAGES.damaged] } });
  }
  if (metadata.format !== sniffed)
    throw new AppError('unsupportedType', { message: IMAGE_MESSAGES.wrongType, fieldErrors: { file: [IMAGE_MESSAGES.wrongType] } });
  const { width, height } = metadata.autoOrient ?? metadata;
  if (!width || !height)
    throw new AppError('unsupportedType', { message: IMAGE_MESSAGES.damaged, fieldErrors: { file: [IMAGE_MESSAGES.damaged] } });
  if (width * height > MAX_IMAGE_PIXELS)
    throw new AppError('rejected', { message: IMAGE_MESSAGES.tooManyPixels, fieldErrors: { file: [IMAGE_MESSAGES.tooManyPixels] } });
  try {
    await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).resize(16).raw().toBuffer();
  } catch {
    throw new AppError('unsupportedType', { message: IMAGE_MESSAGES.damaged, fieldErrors: { file: [IMAGE_MESSAGES.damaged] } });
  }
  return { mimeType: MIME[sniffed], width, height };
}

/**
 * A WebP `width` pixels wide (never wider than the original), upright, without the original's
 * metadata (EXIF, GPS position): the only form in which an image leaves the server.
 */
export async function renderVariant(original: Buffer, width: number): Promise<Buffer> {
  return sharp(original, { limitInputPixels: MAX_IMAGE_PIXELS })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80, effort: 4 })
    .toBuffer();
}
