export { PublicLinkRepository, isLinkOpen, PUBLIC_LINK_TOKEN_PATTERN } from './public-link-repository.js';
export type * from './public-link-types.js';
