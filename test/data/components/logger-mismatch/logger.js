// Implements the mismatching logger definition in wit/deps/logging/logging.wit.
export const logger = {
  log(level, message) {
    console.error(`[${level}] ${message}`);
  },
};
