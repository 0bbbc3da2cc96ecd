/**
 * bash's `shopt` options with bash's defaults (expand_aliases is on, as in
 * POSIX sh). The shell acts on the glob ones, expand_aliases, extglob
 * (always on), nocasematch, lastpipe, inherit_errexit, xpg_echo and
 * patsub_replacement; the others are accepted and listed but change
 * nothing (most only matter to an interactive bash).
 */
export const SHOPT_DEFAULTS = {
  autocd: false, assoc_expand_once: false, cdable_vars: false, cdspell: false, checkhash: false, checkjobs: false,
  checkwinsize: true, cmdhist: true, compat31: false, compat32: false, compat40: false, compat41: false, compat42: false,
  compat43: false, compat44: false, complete_fullquote: true, direxpand: false, dirspell: false, dotglob: false,
  execfail: false, expand_aliases: true, extdebug: false, extglob: false, extquote: true, failglob: false,
  force_fignore: true, globasciiranges: true, globskipdots: true, globstar: false, gnu_errfmt: false, histappend: false,
  histreedit: false, histverify: false, hostcomplete: true, huponexit: false, inherit_errexit: false,
  interactive_comments: true, lastpipe: false, lithist: false, localvar_inherit: false, localvar_unset: false,
  login_shell: false, mailwarn: false, no_empty_cmd_completion: false, nocaseglob: false, nocasematch: false,
  noexpand_translation: false, nullglob: false, patsub_replacement: true, progcomp: true, progcomp_alias: false,
  promptvars: true, restricted_shell: false, shift_verbose: false, sourcepath: true, varredir_close: false, xpg_echo: false,
};

/** A `shopt` option name. */
export type ShoptName = keyof typeof SHOPT_DEFAULTS;
