/** Outgoing mail (SMTP or .eml files); templates live beside their feature. */
export { sendMail, resetMailTransport, type OutgoingMail } from './send';
