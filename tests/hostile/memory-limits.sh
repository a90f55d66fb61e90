# Running out of memory is said in words (issue 16): below the address space dizgi needs to
# start, it refuses with the figure instead of crashing inside fontconfig or GLib (a segfault at
# 100 MB, a GLib abort at 200 MB); a book whose texts outgrow the limit ends with "ran out of
# memory while ..." naming the limit, exit 2 — never std::bad_alloc, a signal or a lost PDF.
source "$(dirname "$0")/lib.sh"

if [ -n "${DIZGI_SANITIZED:-}" ]; then
  echo "skipped: the sanitizers reserve terabytes of address space (no ulimit -v)"
  exit 0
fi
memory_kb=$((200 * 1024))
expect 2 "may use only 200 MB \(ulimit -v\); dizgi needs at least 384 MB" 20 build nothing.xml

if [ "${DIZGI_TEST_SKIP_SLOW:-0}" = 1 ]; then
  echo "skipped the large book: DIZGI_TEST_SKIP_SLOW=1"
  finish
fi
cp -r "$source_dir/samples/kuzeykent" k
python3 - <<'PY'
import random
random.seed(16)
words = ("stratejik kurumsal belediye hizmet planlama performans göstergesi yatırım bütçe "
         "faaliyet değerlendirme sürdürülebilir kentsel dönüşüm altyapı vatandaş katılım").split()
paragraphs = (" ".join(random.choice(words) for _ in range(80)) for _ in range(12000))
open("k/texts/faaliyet-2025/sunus.md", "w").write("\n\n".join(paragraphs) + "\n")
PY
mkdir out
printf 'previous' > out/kuzeykent-faaliyet-2025-web.pdf
memory_kb=$((400 * 1024))
expect 2 "error: ran out of memory while [a-z ]+ \(the process may use at most 400 MB: ulimit -v\)" 100 \
  build k/faaliyet-2025.xml -o out --profile web --no-preflight --quiet
[ "$(cat out/kuzeykent-faaliyet-2025-web.pdf)" = previous ] || fail "the previous PDF was replaced"
leftovers=$(find out -name '.*' | head -3)
[ -z "$leftovers" ] || fail "temporary files were left behind: $leftovers"
finish
