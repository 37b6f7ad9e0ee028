// Implements example:logging/logger@0.1.0 by printing to stderr.
export const logger = {
  log(level, context, message) {
    console.error(`[${level}] ${context}: ${message}`);
  },
};
