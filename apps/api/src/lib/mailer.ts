/**
 * Sends one e-mail over SMTP with nodemailer (SMTP_URL). Without SMTP_URL there is no mailer: the
 * outbox job writes the message to the log instead (lib is the only place that knows nodemailer).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

const transports = new Map<string, Transporter>();

/** The mailer for the config's SMTP server, or null when SMTP_URL is unset. One transport per URL. */
export function mailerFor(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  const url = config.smtpUrl;
  if (!url) return null;
  let transport = transports.get(url);
  if (!transport) {
    // Bounded waits: a server that does not answer fails the attempt (retried later), never hangs the job.
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(url, transport);
  }
  const t = transport;
  return {
    async send(message) {
      await t.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
  };
}

/** Closes the transports (tests stop their SMTP servers; the server closes on shutdown). */
export function closeMailers(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
