// The commands, compared with GNU coreutils (through bash) and with busybox (through busybox
// sh, whose applets run inside it). The busybox here is Debian's 1.35 on glibc while images
// run Alpine's 1.36 on musl, so cases whose text depends on getopt or the banner compare
// only what both share.

import { describe, expect, it } from 'vitest';
import { HAVE, runReal, runSh, type RunOpts } from './harness';

type Mode = 'full' | 'stdout' | 'firstErrLine';

interface Case {
  name: string;
  script: string;
  files?: RunOpts['files'];
  only?: 'gnu' | 'busybox';
  compare?: Mode;
  stdin?: string;
}

const FILES: RunOpts['files'] = {
  'a.txt': 'hello\nworld\n',
  'b.txt': 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n',
  'nums.txt': '10\n9\n100\n1\n9\n',
  'csv.txt': 'name,age,city\nann,31,paris\nbob,25,rome\n',
  'dir/x.c': 'int x;\n',
  'dir/sub/y.h': '#define Y 1\n',
  'link': { symlink: 'a.txt' },
  'big': { content: '0'.repeat(5000), mode: 0o755 },
  'dup.txt': 'a\na\nb\nc\nc\nc\nd\n',
};

const CASES: Case[] = [
  // cat
  { name: 'cat files', script: 'cat a.txt a.txt; cat -n a.txt' },
  { name: 'cat missing', script: 'cat nope a.txt; echo $?' },
  { name: 'cat directory', script: 'cat dir; echo $?' },
  { name: 'cat stdin', script: 'echo piped | cat - a.txt' },
  { name: 'cat -A', script: 'printf "a\\tb\\n" | cat -A', only: 'gnu' },
  // ls
  { name: 'ls plain', script: 'ls; ls dir' },
  { name: 'ls -1 -a', script: 'ls -1a dir' },
  { name: 'ls -l', script: 'ls -l' },
  { name: 'ls -la', script: 'ls -la dir/sub' },
  { name: 'ls -lh', script: 'ls -lh' },
  { name: 'ls -R', script: 'ls -R dir' },
  { name: 'ls -F', script: 'ls -F' },
  { name: 'ls -d', script: 'ls -ld dir a.txt' },
  { name: 'ls missing', script: 'ls nope a.txt; echo $?' },
  { name: 'ls file args', script: 'ls b.txt a.txt dir' },
  { name: 'ls -r -S', script: 'ls -rS' },
  { name: 'ls trailing slash', script: 'ls link/; echo $?' },
  { name: 'ls columns', script: 'cd greek; ls -C -w 40; ls -x -w 40; ls -C -w 80; ls -C -w 12', files: Object.fromEntries('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon'.split(' ').map((n) => [`greek/${n}`, ''])) },
  // mkdir rm rmdir touch
  { name: 'mkdir', script: 'mkdir new; mkdir new; echo $?; mkdir -p p/q/r; ls -R p; mkdir x/y; echo $?' },
  { name: 'rm', script: 'rm a.txt; ls; rm nope; echo $?; rm -f nope; echo $?; rm dir; echo $?; rm -r dir; ls' },
  { name: 'rm dot', script: 'rm -rf .; echo $?' },
  { name: 'rmdir', script: 'mkdir e; rmdir e; rmdir dir; echo $?; rmdir nope; echo $?; rmdir a.txt; echo $?' },
  { name: 'touch', script: 'touch t1; ls t1; touch nodir/x; echo $?' },
  // cp mv ln
  { name: 'cp', script: 'cp a.txt c.txt; cat c.txt; cp nope x; echo $?; cp dir d2; echo $?; cp -r dir d2; ls -R d2' },
  { name: 'cp into dir', script: 'cp a.txt b.txt dir; ls dir; cp a.txt b.txt nums.txt notadir; echo $?' },
  { name: 'mv', script: 'mv a.txt moved; ls; mv nope x; echo $?; mv moved dir; ls dir' },
  { name: 'ln -s', script: 'ln -s a.txt l2; cat l2; ln -s a.txt l2; echo $?; readlink l2' },
  { name: 'cp missing operand', script: 'cp; echo $?', compare: 'firstErrLine' },
  // head tail wc
  { name: 'head', script: 'head -n 3 b.txt; head -2 b.txt; head -c 5 a.txt; echo; head b.txt | wc -l' },
  { name: 'head multi', script: 'head -n 1 a.txt b.txt' },
  { name: 'head missing', script: 'head nope; echo $?' },
  { name: 'tail', script: 'tail -n 2 b.txt; tail -3 b.txt; tail -n +11 b.txt' },
  { name: 'wc', script: 'wc a.txt; wc -l b.txt; wc -w a.txt; wc -c a.txt; wc a.txt b.txt' },
  { name: 'wc stdin', script: 'printf "a b\\nc" | wc; printf "x\\n" | wc -l' },
  // sort uniq cut tr
  { name: 'sort', script: 'sort b.txt | head -4; sort -n nums.txt; sort -rn nums.txt; sort -u nums.txt' },
  { name: 'sort -t -k', script: 'sort -t, -k2 -n csv.txt' },
  { name: 'uniq', script: 'uniq dup.txt; uniq -c dup.txt; uniq -d dup.txt; uniq -u dup.txt' },
  { name: 'cut', script: 'cut -d, -f1,3 csv.txt; cut -c1-3 a.txt; cut -d, -f2- csv.txt' },
  { name: 'tr', script: 'echo Hello | tr a-z A-Z; echo hello | tr -d l; echo aaabbb | tr -s ab; echo abc | tr abc xyz' },
  // grep sed
  { name: 'grep', script: 'grep o a.txt; grep -n e b.txt; grep -c e b.txt; grep -v o a.txt; grep -i HELLO a.txt' },
  { name: 'grep multi and missing', script: 'grep o a.txt b.txt nope; echo $?' },
  { name: 'grep -r', script: 'grep -r int dir' },
  { name: 'grep -E -w -x -o', script: 'grep -E "t(wo|en)" b.txt; grep -w one b.txt; grep -x six b.txt; grep -o "e." b.txt | head -3' },
  { name: 'grep no match', script: 'grep zzz a.txt; echo $?; grep -q hello a.txt; echo $?' },
  { name: 'grep -l', script: 'grep -l o a.txt b.txt dup.txt' },
  { name: 'grep dir', script: 'grep x dir; echo $?' },
  { name: 'grep BRE', script: 'grep "^t.*e$" b.txt; grep "e\\{2\\}" b.txt; grep "\\(on\\)" b.txt' },
  { name: 'sed', script: 'sed s/o/0/ a.txt; sed "s/o/0/g" a.txt; sed -n 2p b.txt; sed 3q b.txt; sed "/e/d" b.txt | head -3' },
  { name: 'sed more', script: 'sed -n "/two/,/four/p" b.txt; sed "1!G;h;\\$!d" a.txt; sed = a.txt; sed "s/\\(h\\)\\(e\\)/\\2\\1/" a.txt; sed -e "s/l/L/2" a.txt' },
  { name: 'sed -i', script: 'sed -i "s/hello/bye/" a.txt; cat a.txt' },
  { name: 'sed -E and y', script: 'sed -E "s/(o+)/[\\1]/g" a.txt; sed "y/abc/xyz/" csv.txt' },
  { name: 'sed a i c', script: 'sed "1a\\\\\nadded" a.txt; sed "2i inserted" a.txt; sed "1c changed" a.txt', only: 'gnu' },
  { name: 'sed errors', script: 'sed s/a/b a.txt; echo $?; sed k a.txt; echo $?; sed p nope; echo $?' },
  // misc
  { name: 'tee', script: 'echo hi | tee t.out; cat t.out; echo more | tee -a t.out >/dev/null; cat t.out' },
  { name: 'seq', script: 'seq 3; seq 2 4; seq 1 2 7; seq -s, 1 3; seq 5 -1 3; seq -w 8 10' },
  { name: 'basename dirname', script: 'basename /a/b/c.txt; basename /a/b/c.txt .txt; basename dir/; dirname /a/b/c; dirname file; dirname /' },
  { name: 'echo printf commands', script: '/bin/echo -n a; /bin/echo b; env printf "%s-%d\\n" x 3' },
  { name: 'test command', script: 'env test 1 -lt 2; echo $?; env [ a = a ]; echo $?' },
  { name: 'true false yes', script: 'env true; echo $?; env false; echo $?; yes | head -n 3; yes abc | head -n 2' },
  { name: 'env', script: 'env -i A=1 B=2 env; env -u HOME env | grep -c HOME' },
    // find lists in directory order, which a real filesystem does not sort: compare sorted.
  { name: 'find', script: 'find dir | sort; find . -name "*.c"; find . -type d | sort; find dir -type f -name "*.h"' },
  { name: 'find maxdepth', script: 'find . -maxdepth 1 -type f | sort' },
  { name: 'find missing', script: 'find nope; echo $?' },
  { name: 'find exec', script: 'find dir -name "*.c" -exec cat {} \\;' },
  { name: 'find -follow, -L, -quit', script: 'find dir -follow -type f | sort; find -L . -name "*.h" | sort; find . -follow -name "*.c" | sort; find dir -type f -print -quit | wc -l', files: { dirlink: { symlink: 'dir' } } },
  { name: 'find -user and -exec +', script: 'find dir/sub \\! -user bin -exec echo X {} +; find dir/sub -user root -group root | sort; find dir -user nosuchuser; echo $?' },
  { name: 'chmod with leading zeros', script: 'chmod 00700 a.txt; ls -l a.txt | cut -c1-10; chmod 03775 dir; ls -ld dir | cut -c1-10' },
  { name: 'chown --dereference', script: 'chown --dereference root link; echo $?; chown -h root link; echo $?', only: 'gnu' },
  { name: 'xargs', script: 'echo a b c | xargs echo got; echo 1 2 3 4 | xargs -n 2 echo; printf "x\\ny\\n" | xargs -I{} echo item {}' },
  { name: 'du', script: 'du dir; du -s dir; du -sh dir' },
  { name: 'chmod', script: 'chmod 700 a.txt; ls -l a.txt; chmod u-w,g+r a.txt; ls -l a.txt; chmod +x b.txt; ls -l b.txt; chmod 644 nope; echo $?' },
  { name: 'readlink', script: 'readlink link; readlink -f link | sed "s|.*/||"' },
  { name: 'date formats', script: 'date -d @0; date -u -d @86400 +%Y-%m-%d; date -d "@1700000000" "+%a %b %e %H:%M:%S %Z %Y"; date -R -d @0; date -I -d @0' },
  { name: 'sleep errors', script: 'sleep x; echo $?', compare: 'firstErrLine' },
  { name: 'which', script: 'which nosuchthing; echo $?' },
  { name: 'xargs passes options to the command', script: 'echo x | xargs echo -n; echo; echo 1 2 | xargs -n 1 echo -e' },
  { name: '--help first lines', script: 'for c in ls cat head sort wc mkdir cp; do $c --help | head -n 2; done', only: 'gnu' },
  { name: '--version', script: 'ls --version | head -n 1 | sed "s/[0-9.]*$//"; cat --version | sed -n 3p', only: 'gnu' },
];

const FLAVORS = [
  { name: 'gnu' as const, have: HAVE.bash, flavor: 'bash' as const, table: 'host' as const },
  { name: 'busybox' as const, have: HAVE.busybox, flavor: 'ash' as const, table: 'busybox' as const },
];

const normalize = (s: string) => s.replace(/BusyBox v[^\n]*multi-call binary\./g, 'BusyBox banner');

describe.each(FLAVORS)('$name commands', ({ name, have, flavor, table }) => {
  const cases = CASES.filter((c) => !c.only || c.only === name);
  it.skipIf(!have).each(cases)('$name', (c) => {
    const files = { ...FILES, ...(c.files ?? {}) };
    const real = runReal(flavor, c.script, { files, stdin: c.stdin });
    const ours = runSh(c.script, { flavor, table, files, stdin: c.stdin ? [c.stdin] : [] });
    const mode = c.compare ?? 'full';
    if (mode === 'firstErrLine') {
      expect(ours.stdout).toEqual(real.stdout);
      expect(normalize(ours.stderr).split('\n')[0]).toEqual(normalize(real.stderr).split('\n')[0]);
      return;
    }
    expect({ stdout: ours.stdout, stderr: normalize(ours.stderr), status: ours.status }).toEqual({
      stdout: real.stdout,
      stderr: mode === 'stdout' ? normalize(ours.stderr) : normalize(real.stderr),
      status: real.status,
    });
  });
});
