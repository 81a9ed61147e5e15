import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { siteUrl } from '@/lib/site-url';

/**
 * Outgoing mail, when the server has it: SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`)
 * and MAIL_FROM (the sender; default `no-reply@<host of SITE_URL>`). Without SMTP_URL nothing is
 * sent and the pages say so (the tracking code is shown on screen either way).
 */
export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

let cached: { url: string; transport: Transporter } | null = null;

function transport(url: string): Transporter {
  // A mail server that does not answer must not keep a person waiting on the form for minutes
  // (nodemailer's defaults): the code is on screen anyway.
  if (cached?.url !== url) {
    cached = {
      url,
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return cached.transport;
}

function sender(): string {
  const from = process.env.MAIL_FROM?.trim();
  if (from) return from;
  return `Cổng thông tin Sở Nội vụ <no-reply@${siteUrl()?.hostname ?? 'localhost'}>`;
}

/** Sends one plain-text message; false (and a log line without the address) when it could not. */
export async function sendMail({ to, subject, text }: { to: string; subject: string; text: string }): Promise<boolean> {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return false;
  try {
    await transport(url).sendMail({ from: sender(), to, subject, text });
    return true;
  } catch (error) {
    console.error('[mail] Không gửi được thư.', error instanceof Error ? error.message : error);
    return false;
  }
}

/** An absolute address of a page when the site's address is known, else its path. */
export function absoluteAddress(path: string): string {
  const base = siteUrl();
  return base ? new URL(path, base).toString() : path;
}
