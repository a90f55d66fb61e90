# A RelaxNG schema named by a book (xml source, schema=) is parsed with the rules of book.xml
# (issue 16): its <include>/<externalRef> may not reach the network or files outside the project.
source "$(dirname "$0")/lib.sh"

book b '<source name="x" plugin="xml" file="data/veri.xml" schema="data/sema.rng"/>'
mkdir -p b/data outside
echo '<tablo/>' > b/data/veri.xml
echo '<element name="gizli" xmlns="http://relaxng.org/ns/structure/1.0"><empty/></element>' > outside/dis.rng
rng() {
  cat > b/data/sema.rng <<XML
<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>$1</start></grammar>
XML
}
for reference in \
  '<externalRef href="http://127.0.0.1:9/sema.rng"/>' \
  '<externalRef href="file:///etc/passwd"/>' \
  '<externalRef href="../../outside/dis.rng"/>' \
  '<externalRef href="/etc/passwd"/>'; do
  rng "$reference"
  expect 2 "refers to|leaves the project folder" 20 data b/book.xml --list
  if printf '%s\n' "$output" | grep -q "root:"; then fail "the message shows /etc/passwd"; fi
done
# An include inside the project that itself includes the network is refused too.
echo '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="http://127.0.0.1:9/x.rng"/></grammar>' > b/data/ic.rng
rng '<externalRef href="ic.rng"/>'
expect 2 "refers to 'http://127.0.0.1:9/x.rng'" 20 data b/book.xml --list
finish
