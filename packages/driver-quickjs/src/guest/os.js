/*
 * `os`: what the sandbox can truthfully say about its machine — linux,
 * the memory limit as total memory, the runtime's cpu count, no network
 * interfaces — plus EOL, constants and the user from the environment.
 */
(function (exports, require, module, internal) {
  "use strict";
  const signals = require("child_process")._signals;
  const errno = {};
  for (const [k, v] of Object.entries(require("internal/sys").ERRNO)) errno[k] = v;

  const os = {
    EOL: "\n",
    devNull: "/dev/null",
    arch: () => process.arch,
    platform: () => process.platform,
    type: () => "Linux",
    release: () => internal.system.release,
    version: () => internal.system.version,
    machine: () => process.arch,
    hostname: () => internal.system.hostname,
    homedir: () => process.env.HOME || "/root",
    tmpdir: () => {
      const t = process.env.TMPDIR || process.env.TMP || process.env.TEMP || "/tmp";
      return t.length > 1 && t.endsWith("/") ? t.slice(0, -1) : t;
    },
    endianness: () => "LE",
    uptime: () => Math.floor(process.uptime()),
    loadavg: () => [0, 0, 0],
    totalmem: () => internal.system.totalmem,
    freemem: () => Math.max(0, internal.system.totalmem - process.memoryUsage().rss),
    availableParallelism: () => internal.system.cpus,
    cpus: () => Array.from({ length: internal.system.cpus }, () => ({ model: "QuickJS virtual CPU", speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
    networkInterfaces: () => ({}),
    userInfo: (options) => {
      const info = {
        uid: process.getuid(), gid: process.getgid(), username: process.env.USER || process.env.LOGNAME || "user",
        homedir: process.env.HOME || "/root", shell: process.env.SHELL || "/bin/sh",
      };
      if (options && options.encoding === "buffer") {
        const { Buffer } = require("buffer");
        for (const k of ["username", "homedir", "shell"]) info[k] = Buffer.from(info[k]);
      }
      return info;
    },
    getPriority: () => 0,
    constants: { signals, errno, priority: { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 } },
  };
  module.exports = os;
});
