// The site's name and one-line description, for feeds and share cards.
export const SITE_NAME = 'Dataset Essays';
export const SITE_DESCRIPTION = 'Long-form, interactive essays about what is inside machine-learning training sets.';
