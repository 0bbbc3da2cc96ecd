/** @secure-exec/driver-echo: the smallest real runtime driver. */
export { createEchoDriver } from "./echo-driver.js";
