# A book, text, data, mapping or column file that is a FIFO or a device (issue 16) used to
# block forever or read until memory ran out: only regular files are read.
source "$(dirname "$0")/lib.sh"

# The book itself.
mkfifo kitap.xml
expect 2 "kitap.xml: error: is not a regular file" 10 check kitap.xml
expect 2 "is not a regular file|not found" 10 check /dev/zero

# A narrative text that is a FIFO.
book b
mkdir -p b/texts b/data
mkfifo b/texts/sunus.md
sed -i 's|</data>|</data><texts><text id="sunus" file="texts/sunus.md"/></texts>|' b/book.xml
expect 2 "text file 'texts/sunus.md' is not a regular file" 10 check b/book.xml

# A mapping file that is /dev/zero (allowed outside the project: still not a regular file), and
# a CSV and a column file that are FIFOs.
printf 'kod;ad\n1;x\n' > b/data/birim.csv
book b '<source name="x" plugin="csv" file="data/birim.csv" mapping="/dev/zero"/>'
expect 2 "'/dev/zero' is not a regular file" 10 check --allow-outside b/book.xml
mkfifo b/data/kolon.txt b/data/boru.csv
book b '<source name="x" plugin="csv" file="data/birim.csv" columns="data/kolon.txt"/>'
expect 2 "'data/kolon.txt' is not a regular file" 10 data b/book.xml --list
book b '<source name="x" plugin="csv" file="data/boru.csv"/>'
expect 2 "'data/boru.csv' is not a regular file" 10 data b/book.xml --list
finish
