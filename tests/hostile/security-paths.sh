# Parameters that name files are confined to the project folder (issue 16): the xml source's
# schema=, the file sources' mapping= and columns=, the sqlite source's schema=. A file outside
# (here a stand-in for ~/.pgpass) is refused before it is opened, whether or not it exists, and
# its content never shows up in a message.
source "$(dirname "$0")/lib.sh"

mkdir -p outside
echo "*:*:*:postgres:GIZLI-PAROLA" > outside/pgpass
book b
mkdir -p b/data
printf 'kod;ad\n1;x\n' > b/data/birim.csv
echo '<tablo/>' > b/data/veri.xml
echo 'SELECT 1;' > b/data/veri.sql
link_outside() { ln -sf "$work/outside/pgpass" b/data/baglanti.txt; }
link_outside

for source in \
  '<source name="x" plugin="xml" file="data/veri.xml" schema="../outside/pgpass"/>' \
  '<source name="x" plugin="xml" file="data/veri.xml" schema="'"$work"'/outside/pgpass"/>' \
  '<source name="x" plugin="csv" file="data/birim.csv" mapping="../outside/pgpass"/>' \
  '<source name="x" plugin="csv" file="data/birim.csv" columns="../outside/pgpass"/>' \
  '<source name="x" plugin="csv" file="data/birim.csv" mapping="data/baglanti.txt"/>' \
  '<source name="x" plugin="sqlite" file="data/veri.sql" schema="../outside/pgpass"/>' \
  '<source name="x" plugin="sqlite" file="data/veri.sql" schema="../outside/does-not-exist"/>'; do
  book b "$source"
  expect 2 "leaves the project folder" 20 data b/book.xml --list
  if printf '%s\n' "$output" | grep -q "GIZLI"; then fail "the message quotes the outside file: $source"; fi
done
finish
