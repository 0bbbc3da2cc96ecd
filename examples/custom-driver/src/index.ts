/** A contributor's runtime driver for secure-exec: `upper`. */
export { createUpperDriver, upperAscii } from "./upper-driver.js";
