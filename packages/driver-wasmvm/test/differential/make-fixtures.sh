#!/bin/sh
# make-fixtures.sh DIR: completes a copy of fixtures/ in DIR with what git
# cannot hold or should not store, the same way on every machine:
#   - generated data: a 1 MiB line, binary bytes, a many-line file;
#   - symlinks (to a file, to a directory, dangling), a hard link, an empty dir;
#   - fixed permission bits (git keeps only 644/755 and checkouts follow umask);
#   - fixed mtimes on every entry (checkouts stamp files with "now").
# Both runners use it: run-native.sh on the host, and the sandbox test by
# running this script inside the sandbox, so it sticks to plain sh, printf,
# mkdir, ln, chmod, head, tr, yes, find and touch (-h -d @EPOCH).
set -e
dir=${1:?usage: make-fixtures.sh DIR}
cd "$dir"

# A line of exactly 1 MiB (plus its newline), then a short one without a newline.
yes 0123456789abcdef | tr -d '\n' | head -c 1048576 > long-line.txt
printf '\nshort last line' >> long-line.txt

# Every byte value 0..255, then text with NULs: binary data for every tool.
i=0
while [ "$i" -lt 256 ]; do
  printf "\\$(printf %o "$i")"
  i=$((i + 1))
done > binary.bin
printf 'hello\000world\nsecond\000line\n' >> binary.bin
printf 'text before a NUL\000 and after\nplain line\n' > nul.txt

# 20000 short lines (about 300 KiB), for buffering and pipes.
yes 'the same line of text, again' | head -n 20000 > many-lines.txt

# Links and an empty directory.
ln -s hello.txt link.txt
ln -s missing-target dangling
ln -s dir dirlink
ln -s ../a.txt dir/sub/up
ln greek.txt hardlink.txt
mkdir emptydir

# Permission bits: 644 files, 755 directories, then the exceptions.
find . -type d -exec chmod 755 {} +
find . -type f -exec chmod 644 {} +
chmod 755 script.sh
chmod 600 private.txt
chmod 700 dir/other

# mtimes: 2024-01-15 10:00:00 UTC everywhere, then distinct ones for ls -t / find -newer.
find . -exec touch -h -d @1705312800 {} +
touch -d @1704067200 dir/a.txt          # 2024-01-01 00:00:00
touch -d @1706745600 dir/b.md           # 2024-02-01 00:00:00
touch -d @1709251200 'dir/with space.txt' # 2024-03-01 00:00:00
touch -d @1685622896 hello.txt          # 2023-06-01 12:34:56
touch -d @1717200000 numbers.txt        # 2024-06-01 00:00:00
touch -h -d @1705312800 link.txt
