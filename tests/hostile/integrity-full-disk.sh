# The disk fills while the final PDF is written (issue 16): the good PDF of the last build must
# stay, no temporary file may remain, the exit code is 2 and the error names the output and the
# real cause, not the hidden temporary file. A full disk is simulated with the file size limit
# (ulimit -f, SIGXFSZ ignored, so writes fail with EFBIG as they would with ENOSPC).
source "$(dirname "$0")/lib.sh"

book b
expect 0 "wrote out/deneme.pdf" 60 build b/book.xml -o out --no-preflight --no-preview --quiet
cp out/deneme.pdf good.pdf || finish
size=$(stat -c %s good.pdf)

# Limits below the raw Cairo file and between it and the final size: both writes fail cleanly.
for blocks in 1 $((size / 1024 - 2)); do
  file_blocks=$blocks expect 2 "out/deneme.pdf: error: cannot write (the output|PDF): File too large" 60 \
    build b/book.xml -o out --no-preflight --no-preview --quiet
  cmp -s good.pdf out/deneme.pdf || fail "the good PDF was replaced (limit $blocks KiB)"
  leftovers=$(find out -name '.*' -type f)
  [ -z "$leftovers" ] || fail "temporary files left behind: $leftovers"
  if printf '%s\n' "$output" | grep -q '\.deneme\.pdf\.'; then fail "the error names the temporary file"; fi
done
finish
