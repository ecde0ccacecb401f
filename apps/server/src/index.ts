export { buildServer, type ServerOptions } from './build-server.js';
export { preferredLocale, sendProblem, type ProblemDetails } from './problem-response.js';
export * from './auth/index.js';
