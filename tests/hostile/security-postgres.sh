# A book may not name where PostgreSQL connects (issue 16): libpq would answer a server the
# book names with the user's ~/.pgpass line. Passwords are found by libpq's own parser.
source "$(dirname "$0")/lib.sh"

if ! "$dizgi" plugins 2>/dev/null | grep -q postgres; then
  echo "the postgres plugin is not built: skipped"
  exit 0
fi
for source in \
  '<source name="x" plugin="postgres" host="evil.example" sslmode="disable"/>' \
  '<source name="x" plugin="postgres" port="5433"/>' \
  '<source name="x" plugin="postgres" user="postgres"/>'; do
  book b "$source"
  PGCONNECT_TIMEOUT=1 expect 2 "is refused in book.xml" 20 data b/book.xml --list
done
book b '<source name="x" plugin="postgres" service="host=x password  = gizli"/>'
expect 2 "password in book.xml" 20 data b/book.xml --list
finish
