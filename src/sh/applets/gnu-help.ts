// --help and --version for the GNU commands: the usage lines and the first lines of the
// description as GNU prints them, then the pointer to the full documentation (the option
// lists are left out).

const COREUTILS_VERSION = '9.4';

const HELP: Record<string, string> = {
  ls: 'Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\nSort entries alphabetically if none of -cftuvSUX nor --sort is specified.\n',
  cat: 'Usage: cat [OPTION]... [FILE]...\nConcatenate FILE(s) to standard output.\n',
  mkdir: 'Usage: mkdir [OPTION]... DIRECTORY...\nCreate the DIRECTORY(ies), if they do not already exist.\n',
  rm: 'Usage: rm [OPTION]... [FILE]...\nRemove (unlink) the FILE(s).\n',
  rmdir: 'Usage: rmdir [OPTION]... DIRECTORY...\nRemove the DIRECTORY(ies), if they are empty.\n',
  touch: 'Usage: touch [OPTION]... FILE...\nUpdate the access and modification times of each FILE to the current time.\n',
  cp: 'Usage: cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n  or:  cp [OPTION]... -t DIRECTORY SOURCE...\nCopy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.\n',
  mv: 'Usage: mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n  or:  mv [OPTION]... -t DIRECTORY SOURCE...\nRename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.\n',
  ln: 'Usage: ln [OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY\n  or:  ln [OPTION]... -t DIRECTORY TARGET...\n',
  head: 'Usage: head [OPTION]... [FILE]...\nPrint the first 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n',
  tail: 'Usage: tail [OPTION]... [FILE]...\nPrint the last 10 lines of each FILE to standard output.\nWith more than one FILE, precede each with a header giving the file name.\n',
  wc: 'Usage: wc [OPTION]... [FILE]...\n  or:  wc [OPTION]... --files0-from=F\nPrint newline, word, and byte counts for each FILE, and a total line if\nmore than one FILE is specified.\n',
  sort: 'Usage: sort [OPTION]... [FILE]...\n  or:  sort [OPTION]... --files0-from=F\nWrite sorted concatenation of all FILE(s) to standard output.\n',
  uniq: 'Usage: uniq [OPTION]... [INPUT [OUTPUT]]\nFilter adjacent matching lines from INPUT (or standard input),\nwriting to OUTPUT (or standard output).\n',
  cut: 'Usage: cut OPTION... [FILE]...\nPrint selected parts of lines from each FILE to standard output.\n',
  tr: 'Usage: tr [OPTION]... STRING1 [STRING2]\nTranslate, squeeze, and/or delete characters from standard input,\nwriting to standard output.\n',
  tee: 'Usage: tee [OPTION]... [FILE]...\nCopy standard input to each FILE, and also to standard output.\n',
  env: 'Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\nSet each NAME to VALUE in the environment and run COMMAND.\n',
  printenv: 'Usage: printenv [OPTION]... [VARIABLE]...\nPrint the values of the specified environment VARIABLE(s).\nIf no VARIABLE is specified, print name and value pairs for them all.\n',
  whoami: 'Usage: whoami [OPTION]...\nPrint the user name associated with the current effective user ID.\nSame as id -un.\n',
  id: 'Usage: id [OPTION]... [USER]...\nPrint user and group information for each specified USER,\nor (when USER omitted) for the current process.\n',
  uname: 'Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n',
  date: 'Usage: date [OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]\nDisplay date and time in the given FORMAT.\n',
  sleep: 'Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\nPause for NUMBER seconds.\n',
  yes: "Usage: yes [STRING]...\n  or:  yes OPTION\nRepeatedly output a line with all specified STRING(s), or 'y'.\n",
  seq: 'Usage: seq [OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST\nPrint numbers from FIRST to LAST, in steps of INCREMENT.\n',
  basename: 'Usage: basename NAME [SUFFIX]\n  or:  basename OPTION... NAME...\nPrint NAME with any leading directory components removed.\nIf specified, also remove a trailing SUFFIX.\n',
  dirname: "Usage: dirname [OPTION] NAME...\nOutput each NAME with its last non-slash component and trailing slashes\nremoved; if NAME contains no /'s, output '.' (meaning the current directory).\n",
  pwd: 'Usage: pwd [OPTION]...\nPrint the full filename of the current working directory.\n',
  du: 'Usage: du [OPTION]... [FILE]...\n  or:  du [OPTION]... --files0-from=F\nSummarize device usage of the set of FILEs, recursively for directories.\n',
  df: 'Usage: df [OPTION]... [FILE]...\nShow information about the file system on which each FILE resides,\nor all file systems by default.\n',
  nproc: 'Usage: nproc [OPTION]...\nPrint the number of processing units available to the current process,\nwhich may be less than the number of online processors\n',
  chmod: 'Usage: chmod [OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n  or:  chmod [OPTION]... --reference=RFILE FILE...\nChange the mode of each FILE to MODE.\n',
  chown: 'Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE...\nChange the owner and/or group of each FILE to OWNER and/or GROUP.\n',
  readlink: 'Usage: readlink [OPTION]... FILE...\nPrint value of a symbolic link or canonical file name\n',
  free: 'Usage:\n free [options]\n',
  ps: '\nUsage:\n ps [options]\n',
  grep: "Usage: grep [OPTION]... PATTERNS [FILE]...\nSearch for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c\nPATTERNS can contain multiple patterns separated by newlines.\n",
  sed: 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n',
  find: 'Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]\n',
  xargs: 'Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nRun COMMAND with arguments INITIAL-ARGS and more arguments read from input.\n',
  which: 'Usage: which [-as] args\n',
};

/** Not part of coreutils: no coreutils footer or version text. */
const OTHER_PACKAGES: Record<string, string> = {
  grep: 'grep (GNU grep) 3.11',
  sed: 'sed (GNU sed) 4.9',
  find: 'find (GNU findutils) 4.9.0',
  xargs: 'xargs (GNU findutils) 4.9.0',
  free: 'free from procps-ng 4.0.4',
  ps: 'ps from procps-ng 4.0.4',
  which: '',
  hostname: 'hostname 3.23+nmu2ubuntu2',
};

export function gnuHelp(name: string, argv0: string): string | null {
  const h = HELP[name];
  if (!h) return null;
  let text = h.replace(new RegExp(`(Usage:|or:) {1,2}${name.replace(/[[\]]/g, '\\$&')}\\b`, 'g'), (m) => m.replace(name, argv0));
  if (!(name in OTHER_PACKAGES)) {
    text += `\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nFull documentation <https://www.gnu.org/software/coreutils/${name}>\nor available locally via: info '(coreutils) ${name} invocation'\n`;
  }
  return text;
}

export function gnuVersionText(name: string): string | null {
  if (name in OTHER_PACKAGES) {
    const v = OTHER_PACKAGES[name];
    return v ? v + '\n' : null;
  }
  if (!HELP[name]) return null;
  return `${name} (GNU coreutils) ${COREUTILS_VERSION}\nCopyright (C) 2023 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`;
}
