# SQL text given to the sqlite source runs in memory under an authorizer (issue 16): it may not
# attach, vacuum into, or otherwise write or read a file anywhere; the refusal names the file
# and line. A query without end is stopped after time-limit= seconds.
source "$(dirname "$0")/lib.sh"

book b '<source name="x" plugin="sqlite" file="data/veri.sql"/>'
mkdir -p b/data
sql() { printf 'CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1);\n%s\n' "$1" > b/data/veri.sql; }

sql "ATTACH DATABASE '$work/yeni.db' AS x;"
expect 2 "data/veri.sql:3: error: ATTACH is not allowed in SQL text" 20 data b/book.xml --list
sql "VACUUM INTO '$work/kopya.db';"
expect 2 "data/veri.sql:3: error: .* is not allowed in SQL text" 20 data b/book.xml --list
sql "ATTACH 'file:$work/uri.db?mode=rwc' AS y;"
expect 2 "data/veri.sql:3: error: ATTACH is not allowed in SQL text" 20 data b/book.xml --list
sql "PRAGMA writable_schema = ON;"
expect 2 "data/veri.sql:3: error: PRAGMA is not allowed in SQL text" 20 data b/book.xml --list
sql "SELECT load_extension('$work/x.so');"
expect 2 "data/veri.sql:3: error: " 20 data b/book.xml --list
sql "CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM t; END;"
expect 2 "data/veri.sql:3: error: CREATE TRIGGER is not allowed in SQL text" 20 data b/book.xml --list
for file in yeni.db kopya.db uri.db; do
  [ ! -e "$file" ] || fail "the SQL text created $file"
done

# Text after a NUL byte is not silently ignored.
printf 'CREATE TABLE t (a INTEGER);\n\0ATTACH DATABASE 1;\n' > b/data/veri.sql
expect 2 "data/veri.sql:2: error: the SQL text holds a NUL byte" 20 data b/book.xml --list

# A recursive query without end, and a cartesian join: stopped at the time limit.
sql "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;"
book b '<source name="x" plugin="sqlite" file="data/veri.sql" time-limit="2"/>'
expect 2 "data/veri.sql:3: error: the SQL ran longer than 2 s" 15 data b/book.xml --list
printf 'CREATE TABLE k (a INTEGER);\nWITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r LIMIT 3000) INSERT INTO k SELECT n FROM r;\nCREATE TABLE s AS SELECT 1;\nSELECT count(*) FROM k a, k b, k c;\n' > b/data/veri.sql
expect 2 "data/veri.sql:4: error: the SQL ran longer than 2 s" 15 data b/book.xml --list
finish
