// Scripts run through our interpreter and through the real bash, dash and busybox sh (when
// installed): stdout, stderr and exit status must match.

import { describe, expect, it } from 'vitest';
import type { Flavor } from '../../src/sh';
import { haveFor, runReal, runSh, type RunOpts } from './harness';

interface Case {
  name: string;
  script: string;
  files?: RunOpts['files'];
  flavors?: Flavor[];
  stdin?: string;
}

const FILES = {
  'a.txt': 'hello\nworld\n',
  'b.txt': 'one\ntwo\nthree\n',
  'dir/x.c': 'int x;\n',
  'dir/y.h': '',
};

const CASES: Case[] = [
  // quoting and expansion
  { name: 'quotes', script: `echo 'a  b' "c  d" e\\ f "x\\"y" '$HOME'` },
  { name: 'params', script: 'x=1; y="a b"; echo $x ${x} "${y}" ${#y} ${z:-def} ${z-u} "${x:+alt}"; echo ${z:=set}; echo $z' },
  { name: 'positional', script: 'set -- a "b c" d; echo $#; echo "$@"; for a in "$@"; do echo "[$a]"; done; for a in $*; do echo "<$a>"; done; shift; echo "$1"' },
  { name: 'field splitting', script: 'x="  a  b  "; echo [$x]; IFS=:; y="p:q::r"; for i in $y; do echo "($i)"; done' },
  { name: 'empty "$@"', script: 'set --; for a in "$@"; do echo x; done; echo "n=$#"; f() { echo $#; }; f "$@"; f "$*"' },
  { name: 'prefix removal', script: 'p=/usr/local/bin/tool.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}' },
  { name: 'command substitution', script: 'a=$(echo hi; echo there); echo "$a"; echo `echo back`; echo $(echo $(echo nested))' },
  { name: 'arithmetic', script: 'i=3; echo $((i*2+1)) $((10/3)) $((10%3)) $((-7/2)) $((1<<4)) $((i>2 && i<5)) $((0x10)) $((010)); echo $((i+=2)) $i' },
  { name: 'glob', script: 'echo *.txt; echo dir/*; echo nomatch*; echo "*.txt"; echo d?r', files: FILES },
  { name: 'glob classes', script: 'echo [ab].txt; echo [!a].txt; echo dir/*.[ch]', files: FILES },
  { name: 'tilde', script: 'HOME=/home/me; echo ~ ~/x "~"; x=~/y; echo $x' },
  // control flow
  { name: 'if/elif/else', script: 'for n in 1 2 3; do if [ $n -eq 1 ]; then echo one; elif [ $n = 2 ]; then echo two; else echo other; fi; done' },
  { name: 'while/until', script: 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i' },
  { name: 'break/continue', script: 'for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done; for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done' },
  { name: 'case', script: 'for w in apple Banana cherry 42 ""; do case $w in a*) echo A;; [Bb]*|c*) echo BC;; [0-9]*) echo num;; "") echo empty;; *) echo other;; esac; done' },
  { name: 'functions', script: 'f() { echo "in f: $1 $#"; return 3; }; f x y; echo $?; g() { local v=inner; echo $v; }; v=outer; g; echo $v' },
  { name: 'and/or/not', script: 'true && echo a; false && echo b; false || echo c; ! false && echo d; true || echo e; echo $?' },
  { name: 'subshell and group', script: 'x=1; (x=2; echo $x); echo $x; { x=3; echo $x; }; echo $x; (exit 4); echo $?' },
  { name: 'pipeline', script: 'printf "b\\na\\nc\\n" | sort | head -n 2; echo hi | cat | cat; false | true; echo $?; true | false; echo $?' },
  { name: 'while read pipeline', script: 'printf "1 a\\n2 b\\n" | while read n w; do echo "$w=$n"; done' },
  { name: 'read from file', script: 'while read line; do echo "> $line"; done < b.txt', files: FILES },
  { name: 'heredoc', script: 'x=5\ncat <<EOF\nval $x $(echo sub)\n\\$x\nEOF\ncat <<"EOF"\nraw $x\nEOF\ncat <<-EOF\n\tstripped\n\tEOF\n' },
  { name: 'redirections', script: 'echo a > f; echo b >> f; cat f; cat < f | wc -l; echo err >&2; ls nope 2>/dev/null; echo $?; { echo out; echo err >&2; } 2>&1 | cat' },
  { name: 'exit status of not found', script: 'nosuchcmd; echo $?' },
  { name: 'cd error', script: 'cd /no/such/dir; echo $?' },
  { name: 'syntax error', script: 'echo before\nif true; then\nfi' },
  { name: 'unexpected token', script: 'echo a; done' },
  { name: 'unterminated quote', script: 'echo "abc' },
  { name: 'redirect error', script: 'cat < nofile; echo $?; echo x > /no/dir/f; echo $?' },
  { name: 'set -e', script: 'set -e; false || true; echo survived; if false; then :; fi; echo still; false; echo never' },
  { name: 'set -u', script: 'set -u; echo ${unset_var:-ok}; echo $unset_var; echo never' },
  { name: 'set -x', script: 'set -x; echo "a b" c; x=1' },
  { name: 'exit in script', script: 'echo one; exit 3; echo two' },
  { name: 'eval', script: 'cmd="echo evaluated"; eval $cmd; eval "x=5"; echo $x' },
  { name: 'trap EXIT', script: 'trap "echo bye" EXIT; echo main' },
  { name: 'printf', script: 'printf "%s|%5s|%-5s|%d|%03d|%x|%.2f\\n" str ab cd 42 7 255 3.14159; printf "%s\\n" a b c' },
  { name: 'echo flags', script: 'echo -n a; echo b; echo -e "x\\ty"; echo -E "p\\tq"' },
  { name: 'test operators', script: '[ -f a.txt ] && echo file; [ -d dir ] && echo dir; [ -e nope ] || echo nope; [ -z "" ] && echo z; [ -n x ] && echo n; [ a != b ] && echo ne; test 3 -gt 2 && echo gt; [ ! -f dir ] && echo notfile', files: FILES },
  { name: 'test errors', script: '[ 1 -eq x ]; echo $?; [ a = b; echo $?' },
  { name: 'shift and $#', script: 'set -- 1 2 3; shift 2; echo $# $1' },
  { name: 'unset', script: 'x=1; unset x; echo "${x-gone}"; f() { :; }; unset -f f; f 2>/dev/null; echo $?' },
  { name: 'export and env', script: 'export FOO=bar; env | grep FOO; BAR=baz env | grep BAR; echo ${BAR-unset}' },
  { name: 'readonly', script: 'readonly r=1; r=2; echo $r' },
  { name: 'special params', script: 'echo $0 $#; false; echo $?; echo $$ > /dev/null' },
  { name: 'command -v builtin', script: 'command -v cd; command -v nosuch; echo $?' },
  { name: 'type builtin', script: 'type cd; type if' },
  { name: 'nested quotes in cmdsub', script: 'echo "$(echo "inner \\"q\\"")"; echo "$(printf "%s" "a b")"' },
  { name: 'assignment prefix', script: 'x=global; x=temp sh -c "echo \\$x" 2>/dev/null || true; echo $x' },
  { name: 'arith error', script: 'echo $((1/0)); echo after' },
  { name: 'bad substitution', script: 'echo ${x;}', flavors: ['bash', 'dash', 'ash'] },
  { name: 'here-string', script: 'read a b <<< "1 2 3"; echo "$a|$b"', flavors: ['bash', 'ash'] },
  { name: 'ansi-c quotes', script: "echo $'a\\tb\\n'x", flavors: ['bash', 'ash'] },
  { name: 'substring and replace', script: 's=hello_world; echo ${s:0:5} ${s:6} ${s/o/0} ${s//o/0}', flavors: ['bash', 'ash'] },
  { name: 'dash echo escapes', script: 'echo "a\\tb"', flavors: ['dash'] },
  { name: 'line continuation', script: 'echo a \\\nb; x=1\\\n2; echo $x' },
  { name: 'comments', script: '# comment\necho a # trailing\necho b#notcomment' },
  { name: 'case fallthrough', script: 'case a in a) echo one;& b) echo two;; c) echo three;; esac', flavors: ['bash', 'ash'] },
  { name: 'stdin to cat', script: 'cat; echo done', stdin: 'from stdin\n' },
  { name: 'read -r and backslash', script: 'printf "a\\\\b c\\n" | { read x; echo "$x"; }; printf "a\\\\b c\\n" | { read -r x; echo "$x"; }' },
  { name: 'local scoping', script: 'x=1; f() { local x=2; g; }; g() { echo $x; }; f; echo $x' },
  { name: 'return value', script: 'f() { return 7; }; f; echo $?; g() { false; }; g; echo $?' },
  { name: 'wait for background', script: 'sleep 0.01 & wait; echo waited $?' },
  { name: 'background $!', script: 'true & p=$!; wait $p; echo $?' },
  // busybox prints "Terminated" or not depending on when it reaps the job: compared for bash and dash only.
  { name: 'kill background job', script: 'sleep 5 & kill $!; wait $!; echo $?', flavors: ['bash', 'dash'] },
  { name: 'a background job ignores SIGINT without job control', script: 'exec 2>/dev/null; sleep 5 & p=$!; sleep 0.2; kill -INT $p; sleep 0.1; kill -KILL $p; wait $p; echo $?', flavors: ['dash', 'ash'] },
  // (stderr is dropped: whether dash reports "Killed" depends on when it reaps the job)
  { name: 'trap TERM on self', script: 'trap "echo got TERM" TERM; kill -TERM $$; echo after' },
  { name: 'pipefail-free status', script: 'ls nope | cat; echo $?' },
  { name: 'noglob', script: 'set -f; echo *.txt; set +f; echo *.txt', files: FILES },
  { name: 'IFS read', script: 'echo "a:b:c" | { IFS=: read x y; echo "$x|$y"; }' },
  { name: 'for without in', script: 'set -- p q; for a; do echo $a; done' },
  { name: 'nested functions and recursion', script: 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5' },
  { name: 'source and dot', script: 'printf "v=sourced\\nreturn 4\\necho no\\n" > lib.sh; . ./lib.sh; echo "$v $?"; . ./nofile; echo $?' , flavors: ['bash', 'ash'] },
  { name: 'dot missing file (dash exits)', script: '. ./nofile; echo $?', flavors: ['dash'] },
  { name: 'exec redirection', script: 'exec 3>&1; exec >out.txt; echo hidden; exec >&3; cat out.txt' },
  { name: 'exec command', script: 'exec echo replaced; echo never' },
  { name: 'getopts', script: 'set -- -a -b val rest; while getopts ab: o; do echo "$o ${OPTARG-}"; done; shift $((OPTIND-1)); echo "$@"' },
  { name: 'let', script: 'let x=2+3 y=x*2; echo $x $y; let 0; echo $?', flavors: ['bash', 'ash'] },
  { name: 'declare and typeset', script: 'declare -x D=1; env | grep ^D=; f() { declare l=in; echo $l; }; f; echo "${l-unset}"', flavors: ['bash'] },
  { name: 'redirect both &>', script: 'ls nope &> both.txt; cat both.txt', flavors: ['bash', 'ash'] },
  { name: 'dash &> is background', script: 'echo x &> out.txt; wait; cat out.txt', flavors: ['dash'] },
  { name: 'stderr to stdout and back', script: 'echo to-err >&2 2>/dev/null; { echo a; echo b >&2; } 2>&1 >/dev/null | cat' },
  { name: 'noclobber', script: 'set -C; echo 1 > f; echo 2 > f; echo $?; echo 3 >| f; cat f' },
  { name: 'umask', script: 'umask; umask 077; umask' },
  { name: 'set output', script: 'unset -v $(set | sed -n "s/=.*//p" | grep -v -e IFS -e PS -e OPTIND -e PPID -e PWD -e "^_" -e BASH -e SHLVL -e HOME -e PATH -e "^[A-Z]" 2>/dev/null) 2>/dev/null; x="a b"; y=plain; set | grep -e "^x=" -e "^y="' },
  { name: 'export -p format', script: 'export E1="q \"x\""; export -p | grep E1' },
  { name: 'length of params', script: 'set -- a bb ccc; echo ${#} ${#1} ${#@}; s=héllo; echo ${#s}' },
  { name: 'alternate and error ops', script: 'a=; echo "${a:-d1}" "${a-d2}" "${a:+x}" "${a+y}"; unset a; echo "${a:-d1}" "${a-d2}" "${a:+x}" "${a+y}"' },
  { name: 'nested param default', script: 'echo ${u:-${v:-deep}}; echo "${u:-"quoted default"}"' },
  { name: 'arith with vars and assignment', script: 'a=5 b=3; echo $((a*b)) $((a/b)) $((a-b*2)) $(( (a+b)*2 )); c=$((a>b ? a : b)); echo $c; echo $((c++ + ++c)) $c' },
  { name: 'case with patterns and quotes', script: 'for x in "a b" "*" x.tar.gz; do case "$x" in "a b") echo space;; \*) echo star;; *.tar.*) echo tar;; esac; done' },
  { name: 'while read with IFS and -r', script: 'printf "k1=v1\\nk2=v2\\n" > kv; while IFS== read -r k v; do echo "$k -> $v"; done < kv' },
  { name: 'heredoc in function and loop', script: 'f() { cat <<EOF\nin $1\nEOF\n}; for i in 1 2; do f $i; done' },
  { name: 'pipes into while with variables lost', script: 'n=0; printf "a\\nb\\n" | while read l; do n=$((n+1)); done; echo $n' },
  { name: 'command substitution strips newlines', script: 'x=$(printf "a\\n\\n\\n"); echo "[$x]"; y=$(printf "\\n\\nb"); echo "[$y]"' },
  { name: 'glob in assignment not expanded', script: 'x=*; echo "$x"; touch g1 g2; echo $x' },
  { name: 'exit trap on error exit', script: 'trap "echo trapped \$?" EXIT; set -e; false; echo no' },
  { name: 'return from sourced file and function status', script: 'f() { (exit 3); }; f; echo $?; g() { return; }; false; g; echo $?' },
  { name: 'break out of while read', script: 'printf "1\\n2\\n3\\n" | while read n; do [ $n = 2 ] && break; echo $n; done' },
  { name: 'type of function and alias', script: 'f() { :; }; type f | head -n 1; alias ll="ls -l"; alias ll' },
  { name: 'brace expansion', script: 'echo a{b,c}d {1..3} {a..c} x{,y} {5..1..2} pre{a,b{1,2}}post "{a,b}" {a} {a,b}{1,2} {01..03}; mkdir -p t/{x,y}; ls t', flavors: ['bash'] },
  { name: 'no brace expansion in sh', script: 'echo a{b,c}d {1..3}', flavors: ['dash', 'ash'] },
  { name: '[[ ]]', script: 'x=1; [[ $x == 1 && -n $x ]] && echo ok; [[ abc == a* ]] && echo glob; [[ abc == "a*" ]] || echo literal; [[ abc =~ ^a(b)c$ ]] && echo "re $BASH_REMATCH"; [[ a < b ]] && echo lt; [[ ! -f /nope || 1 -eq 1 ]] && echo or; [[ $undef == "" ]] && echo empty; [[ 2 -gt 10 ]] || echo numeric; [[ ( a == a ) && ! ( a == b ) ]] && echo paren', flavors: ['bash'] },
  { name: '(( )) and for (( ))', script: 'i=0; (( i++ )); echo $i $?; (( i > 5 )) || echo small; for ((j=0; j<3; j++)); do echo j$j; done; for ((;;)); do break; done; echo end', flavors: ['bash'] },
  { name: 'pipefail', script: 'set -o pipefail; false | true; echo $?; (exit 3) | (exit 4) | true; echo $?; set +o pipefail; false | true; echo $?', flavors: ['bash', 'ash'] },
  { name: 'set -euo pipefail', script: 'set -euo pipefail; echo start; ls nope | cat; echo never', flavors: ['bash'] },
  { name: 'nullglob', script: 'shopt -s nullglob; for f in *.none; do echo "$f"; done; echo end', flavors: ['bash'] },
  // what official images' entrypoint scripts use
  { name: 'option letters in $-', script: 'set -eufaC; echo $-; set +f; set -E; echo $-' },
  { name: 'set -Eeo pipefail', script: 'set -Eeo pipefail; echo $-; false | true; echo never', flavors: ['bash'] },
  { name: 'indirection', script: 'a=b; b=hello; echo "${!a}" "${!a:-def}" "${!a:+alt}"; set -- p q r; n=2; echo ${!n} ${!#}; pfx_a=1 pfx_b=2; echo ${!pfx*}; for x in "${!pfx@}"; do echo "<$x>"; done; u=unset_one; echo "${!u:-dflt}"; v=x; x=abcdef; echo ${!v:1:3} ${!v#ab}; f() { echo "[${!1}]"; }; X=5; f X; f nope; echo "[${!c}]"; echo after', flavors: ['bash'] },
  { name: 'indirection errors', script: 'x="1a"; echo ${!x}; echo after', flavors: ['bash'] },
  { name: 'indirection and set -u', script: 'set -u; u=q; echo "${!u:-d}"; echo ${!u}', flavors: ['bash'] },
  { name: 'substring of a parameter', script: 'set -- -v x; [ "${1:0:1}" = "-" ] && echo option; s=abc; echo "${s:1}" "${s: -1}" "${s:0:-1}"', flavors: ['bash'] },
  { name: 'BASH_SOURCE', script: 'printf \'echo "lib:$BASH_SOURCE"\ng() { echo "g:$BASH_SOURCE"; }\n\' > lib.sh; echo "[$BASH_SOURCE]" "${BASH_SOURCE-unset}"; . ./lib.sh; g; source lib.sh; echo "[$BASH_SOURCE]"', flavors: ['bash'] },
  { name: 'process substitution', script: 'echo <(true) <(true); echo <(true); cat <(echo a) <(echo b); while read l; do echo "got $l"; done < <(printf "x\\ny\\n"); wc -c <(printf abc); x=<(echo q); cat $x; echo "st $?"; echo "--pw=<(echo x)" --pw=<(echo x); source <(echo "echo sourced"); echo hello > >(tr a-z A-Z)', flavors: ['bash'] },
  { name: 'file content substitution', script: 'echo "content here" > f.txt; x=$(< f.txt); echo "[$x]"; y=$(<nope); echo "st=$? [$y]"; z=$(< f.txt 2>/dev/null); echo "[$z]"', flavors: ['bash'] },
  { name: 'a function reads its here-document in $(cat)', script: 'f() { x=$(cat); echo "[$x]"; }; f <<EOF\nhi there\nEOF\n{ y=$(cat); echo "[$y]"; } <<EOF\ngroup\nEOF\ng() { echo err >&2; }; g 2>/dev/null; for w in $(cat); do echo "w=$w"; done <<EOF\np q\nEOF\n' },
  { name: 'declare -g in a function', script: 'f() { declare -g G; G=set; declare L=local; }; f; echo "[$G] [${L-unset}]"', flavors: ['bash'] },
  { name: 'exit status 126', script: 'printf "echo hi\\n" > s; ./s; echo $?; ./dir; echo $?', files: { 'dir/f': '' } },
];

const FLAVORS: Flavor[] = ['bash', 'dash', 'ash'];

describe.each(FLAVORS)('%s: same output as the real shell', (flavor) => {
  const cases = CASES.filter((c) => !c.flavors || c.flavors.includes(flavor));
  it.skipIf(!haveFor(flavor)).each(cases)('$name', (c) => {
    const real = runReal(flavor, c.script, { files: c.files, stdin: c.stdin });
    const ours = runSh(c.script, { flavor, files: c.files, stdin: c.stdin ? [c.stdin] : [], name: flavor === 'ash' ? 'sh' : flavor, table: flavor === 'ash' ? 'busybox' : 'host' });
    expect({ stdout: ours.stdout, stderr: ours.stderr, status: ours.status }).toEqual(real);
  });
});
