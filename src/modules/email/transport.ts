/**
 * How a message leaves the building: SMTP through nodemailer when SMTP_URL is set. Nodemailer
 * reads the URL itself (smtp:// with STARTTLS when offered, smtps:// for implicit TLS, user and
 * password in the URL, options such as ?pool=true as query parameters).
 */
import nodemailer from 'nodemailer';

export interface WireMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(message: WireMessage): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        headers: message.headers,
      });
    },
    close: () => transporter.close(),
  };
}
