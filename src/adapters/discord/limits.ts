/** Discord's embed and message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Characters across all embeds of one message. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

/** custom_id of a button, choice names and values. */
export const CUSTOM_ID_MAX = 100;
export const CHOICE_MAX = 100;
