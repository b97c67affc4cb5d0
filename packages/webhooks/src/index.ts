export { refusalOf, describeRefusal, literalAddress, isLocalhostName, type AddressPolicy, type Refusal } from './address-policy';
export { resolveHost, type ResolveHost } from './resolve-host';
export { parseWebhookUrl, checkWebhookUrl, WebhookUrlError, MAX_WEBHOOK_URL_LENGTH, type WebhookUrlPolicy } from './webhook-url';
export { pinnedLookup, RefusedAddressError } from './pinned-lookup';
export { sendWebhook, WEBHOOK_TIMEOUT_MS, MAX_RESPONSE_BYTES, type WebhookRequest, type WebhookAttempt, type SendOptions } from './send-webhook';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from './signature';
export { createWebhookSecrets, type WebhookSecrets } from './signing-secret';
export { slackMessage, SLACK_EXCERPT_CHARACTERS } from './slack-message';
export { webhookRequest, EVENT_HEADER, EVENT_ID_HEADER, USER_AGENT } from './webhook-request';
