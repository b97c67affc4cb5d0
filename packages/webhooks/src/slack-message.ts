import type { WebhookEvent } from '@moderato/core';

/** The most of a comment's text quoted in a Slack message. */
export const SLACK_EXCERPT_CHARACTERS = 500;

// Slack reads <...> as links and mentions (<!channel>, <https://x|text>): user text goes in with these escaped, as Slack asks.
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function headline(event: WebhookEvent): string {
  if (event.type === 'comment.held') return 'Held for review';
  if (event.type === 'comment.approved') return 'Approved by a moderator';
  if (event.decidedBy === 'scorer') return 'Rejected automatically';
  return event.action === 'spam' ? 'Marked as spam by a moderator' : 'Rejected by a moderator';
}

/**
 * The event as a Slack-compatible incoming-webhook message (`{"text": ...}`,
 * which Mattermost, Rocket.Chat and Discord's /slack endpoint also take):
 * what happened, to whose comment, on which article, the scores and reason
 * codes, the start of the text quoted, and a link to the dashboard.
 */
export function slackMessage(event: WebhookEvent): { text: string } {
  const link = event.dashboardUrl ? `\n<${event.dashboardUrl}|Open the dashboard>` : '';
  const site = escape(event.site.name);
  const comment = event.comment;
  if (!comment) return { text: `Moderato test event for ${site}: this webhook works.${link}` };
  const excerpt = comment.body.length > SLACK_EXCERPT_CHARACTERS ? `${comment.body.slice(0, SLACK_EXCERPT_CHARACTERS)}…` : comment.body;
  const quoted = escape(excerpt)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  const reasons = comment.reasons.length > 0 ? ` · reasons: ${comment.reasons.map(escape).join(', ')}` : '';
  return {
    text: [
      `*${headline(event)}*: a comment by ${escape(comment.authorName)} on ${escape(comment.articleId)} (${site})`,
      `spam ${comment.scores.spam.toFixed(2)} · toxicity ${comment.scores.toxicity.toFixed(2)}${reasons}`,
      quoted,
    ].join('\n') + link,
  };
}
