import { type Config, ConfigError, readConfig } from "../config.js";
import { UsageError } from "./io.js";

/** The server's settings for a command that opens the database; a bad setting is a usage error. */
export function readCliConfig(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
