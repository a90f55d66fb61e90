# Outputs never follow symbolic links and are PDFs (issue 16): a default output folder or a
# sub-folder that is a link is refused (a folder named with -o may be a link), and file=
# must end in .pdf ("thesis.docx" overwrote a user's document).
source "$(dirname "$0")/lib.sh"

mkdir -p elsewhere
echo "tez" > elsewhere/thesis.docx
book b "" '<output profile="web" file="thesis.docx"/>'
expect 2 "does not end in .pdf" 20 check b/book.xml
book b "" '<output profile="web" file="."/>'
expect 2 "must be a file name inside the output folder" 20 check b/book.xml
book b "" '<output profile="web" file="x.pdf"/><output profile="print" file="./x.pdf"/>'
expect 2 "is written twice" 20 check b/book.xml

# The default output folder ("out") is a link: refused.
book b
ln -s elsewhere out
expect 2 "output folder 'out' is a symbolic link" 20 build b/book.xml --no-preflight --quiet
rm out
# A sub-folder of the output folder is a link: refused even with -o.
book b "" '<output profile="web" file="alt/deneme.pdf"/>'
mkdir -p cikti
ln -s ../elsewhere cikti/alt
expect 2 "cikti/alt' is a symbolic link" 20 build b/book.xml -o cikti --no-preflight --quiet
[ -z "$(ls elsewhere | grep -v thesis.docx)" ] || fail "something was written through the link"
[ "$(cat elsewhere/thesis.docx)" = "tez" ] || fail "the user's document was changed"
finish
