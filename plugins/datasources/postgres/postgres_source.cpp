#include "postgres_source.hpp"

#include <libpq-fe.h>

#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace dizgi::postgres {

namespace {

struct ConnectionDeleter {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Connection = std::unique_ptr<PGconn, ConnectionDeleter>;
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

// libpq messages end with a newline and sometimes span lines; keep one line.
std::string first_line(const char* message) {
  std::string text = message ? message : "";
  std::size_t end = text.find('\n');
  if (end != std::string::npos) text.resize(end);
  if (text.rfind("ERROR:  ", 0) == 0) text.erase(0, 8);
  if (text.rfind("FATAL:  ", 0) == 0) text.erase(0, 8);
  return text.empty() ? "unknown libpq error" : text;
}

std::string quote_identifier(PGconn* connection, const std::string& name, const Location& at) {
  char* quoted = PQescapeIdentifier(connection, name.c_str(), name.size());
  if (!quoted) throw Error(ErrorCode::data, at, "cannot quote identifier '" + name + "'");
  std::string result(quoted);
  PQfreemem(quoted);
  return result;
}

Result exec(PGconn* connection, const std::string& sql, const std::vector<std::string>& values,
            const Location& at) {
  std::vector<const char*> pointers;
  for (const auto& value : values) pointers.push_back(value.c_str());
  Result result(PQexecParams(connection, sql.c_str(), static_cast<int>(pointers.size()), nullptr,
                             pointers.data(), nullptr, nullptr, 0));
  if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
    throw Error(ErrorCode::data, at, "query failed: " + first_line(PQerrorMessage(connection)));
  }
  return result;
}

}  // namespace

// True when `value`, read as a libpq connection string or URI, sets a password. Parsed by
// libpq itself (PQconninfoParse), so spacing and quoting tricks ("password  = x") do not hide it.
bool conninfo_has_password(const std::string& value) {
  if (value.find('=') == std::string::npos && value.find("://") == std::string::npos) return false;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(value.c_str(), &error);
  if (error) PQfreemem(error);
  if (!options) return false;
  bool found = false;
  for (PQconninfoOption* option = options; option->keyword; ++option) {
    if (std::string_view(option->keyword) == "password" && option->val && *option->val) found = true;
  }
  PQconninfoFree(options);
  return found;
}

void refuse_passwords(const data::Params& params, const Location& at) {
  for (const auto& [key, value] : params) {
    std::string k = lower(key);
    if (k.find("password") != std::string::npos || k == "pass" || k == "sifre" || k == "passfile" ||
        conninfo_has_password(value)) {
      throw Error(ErrorCode::project, at,
                  "a password in book.xml is refused (parameter '" + key + "')",
                  "put it in ~/.pgpass (or PGPASSFILE) or in a pg_service.conf service and pass "
                  "service=");
    }
  }
}

std::size_t read(const data::Schema& schema, const data::Params& params, const Location& origin,
                 DiagnosticSink* sink, const TableOpened& opened) {
  refuse_passwords(params, origin);
  if (params.count("query") || params.count("sql")) {
    throw Error(ErrorCode::project, origin, "the postgres source does not run SQL from book.xml",
                "it reads the standard schema tables; choose them with tables= (and pg-schema=), "
                "or expose other data as a view named like a schema table");
  }
  // Where to connect is the user's choice, not the book's: libpq would answer a server the
  // book names with the user's ~/.pgpass line or PGPASSWORD. A book names a service of the
  // user's pg_service.conf (or nothing: the environment decides).
  for (const char* key : {"host", "hostaddr", "port", "dbname", "database", "user", "sslmode", "sslrootcert",
                          "requiressl", "gssencmode", "krbsrvname", "target_session_attrs", "options"}) {
    if (params.count(key) > 0) {
      throw Error(ErrorCode::project, origin,
                  std::string("the connection parameter '") + key + "' is refused in book.xml",
                  "define the connection in your pg_service.conf and name it with service=, or set "
                  "PGHOST/PGPORT/PGDATABASE/PGUSER in the environment");
    }
  }
  // Only these keys reach libpq; everything else comes from its environment.
  std::vector<std::string> keys, values;
  for (const char* key : {"service", "connect_timeout"}) {
    if (auto it = params.find(key); it != params.end()) {
      keys.emplace_back(key);
      values.push_back(it->second);
    }
  }
  // libpq 16 and later can refuse to send a password in clear text to any server.
  if (PQlibVersion() >= 160000) {
    keys.emplace_back("require_auth");
    values.emplace_back("!password");
  }
  keys.emplace_back("client_encoding");
  values.emplace_back("UTF8");
  keys.emplace_back("options");
  values.emplace_back("-c DateStyle=ISO,YMD -c extra_float_digits=3");
  keys.emplace_back("fallback_application_name");
  values.emplace_back("dizgi");
  std::vector<const char*> key_pointers, value_pointers;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    key_pointers.push_back(keys[i].c_str());
    value_pointers.push_back(values[i].c_str());
  }
  key_pointers.push_back(nullptr);
  value_pointers.push_back(nullptr);
  Connection connection(PQconnectdbParams(key_pointers.data(), value_pointers.data(), 0));
  if (!connection || PQstatus(connection.get()) != CONNECTION_OK) {
    throw Error(ErrorCode::io, origin,
                "cannot connect to PostgreSQL: " +
                    first_line(connection ? PQerrorMessage(connection.get()) : "out of memory"),
                "set PGHOST/PGPORT/PGDATABASE/PGUSER (or service=) and keep the password in "
                "~/.pgpass");
  }
  PGconn* db = connection.get();
  const std::string database = PQdb(db) ? PQdb(db) : "";
  const std::string pg_schema = data::param_or(params, "pg-schema", "public");

  // Which tables: tables=a,b or every table of the schema.
  std::vector<const data::SchemaTable*> wanted;
  if (auto it = params.find("tables"); it != params.end() && !it->second.empty()) {
    std::string_view list = it->second;
    while (!list.empty()) {
      std::size_t comma = list.find(',');
      std::string name(list.substr(0, comma));
      while (!name.empty() && name.front() == ' ') name.erase(0, 1);
      while (!name.empty() && name.back() == ' ') name.pop_back();
      if (!name.empty()) wanted.push_back(&schema.require(name, origin));
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
  } else {
    for (const auto& table : schema.tables()) wanted.push_back(&table);
  }
  const bool explicit_tables = params.count("tables") != 0;

  std::size_t rows = 0;
  const std::string file = "postgres:" + database;
  for (const data::SchemaTable* table : wanted) {
    Location table_at{file, 0, 0, "table '" + table->name + "'"};
    Result columns = exec(db,
                          "SELECT column_name FROM information_schema.columns "
                          "WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
                          {pg_schema, table->name}, table_at);
    int count = PQntuples(columns.get());
    if (count == 0) {
      if (explicit_tables) {
        throw Error(ErrorCode::data, table_at, "the database has no such table",
                    "create it from schemas/sql/postgres.sql");
      }
      if (sink) sink->info("data.table-absent", table_at, "not in the database; skipped");
      continue;
    }
    // Bind the database's columns like a header: renames and ignore= apply.
    std::vector<std::string> header;
    for (int i = 0; i < count; ++i) header.emplace_back(PQgetvalue(columns.get(), i, 0));
    data::HeaderRules rules(*table, params, {}, table_at);
    std::vector<int> target_of;
    std::vector<bool> seen(table->columns.size(), false);
    std::string select;
    for (const auto& name : header) {
      int target = -1;
      try {
        target = rules.resolve(name, table_at);
      } catch (const Error&) {
        target = -1;  // columns beyond the standard schema are not read
      }
      if (target < 0 || seen[static_cast<std::size_t>(target)]) continue;
      seen[static_cast<std::size_t>(target)] = true;
      target_of.push_back(target);
      if (!select.empty()) select += ", ";
      select += quote_identifier(db, name, table_at) + "::text";
    }
    rules.check_required(seen, table_at);
    if (select.empty()) select = "NULL";
    std::string sql = "SELECT " + select + " FROM " + quote_identifier(db, pg_schema, table_at) +
                      "." + quote_identifier(db, table->name, table_at);
    if (PQsendQueryParams(db, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1 ||
        PQsetSingleRowMode(db) != 1) {
      throw Error(ErrorCode::data, table_at, "query failed: " + first_line(PQerrorMessage(db)));
    }
    data::RowSink& out = opened(*table);
    data::Cell cell;
    cell.kind = data::Cell::Kind::text;
    std::string problem;
    std::size_t row_number = 0;
    std::optional<Error> failure;
    while (PGresult* raw = PQgetResult(db)) {
      Result result(raw);
      ExecStatusType status = PQresultStatus(raw);
      if (status == PGRES_TUPLES_OK) continue;  // the end of the rows
      if (status != PGRES_SINGLE_TUPLE) {
        if (!failure) {
          failure = Error(ErrorCode::data, table_at,
                          "query failed: " + first_line(PQresultErrorMessage(raw)));
        }
        continue;
      }
      if (failure) continue;  // drain the results before reporting
      ++row_number;
      std::vector<Value> row_values(table->columns.size());
      for (std::size_t i = 0; i < target_of.size(); ++i) {
        auto target = static_cast<std::size_t>(target_of[i]);
        const Column& column = table->columns[target];
        if (PQgetisnull(raw, 0, static_cast<int>(i))) {
          if (!column.nullable) {
            failure = Error(ErrorCode::data,
                            Location{file, 0, 0,
                                     "table '" + table->name + "', row " + std::to_string(row_number)},
                            "column '" + column.name + "': a value is required");
          }
          continue;
        }
        cell.text.assign(PQgetvalue(raw, 0, static_cast<int>(i)),
                         static_cast<std::size_t>(PQgetlength(raw, 0, static_cast<int>(i))));
        auto value = data::convert(cell, column, data::NumberStyle::classic, false, problem);
        if (!value) {
          failure = Error(ErrorCode::data,
                          Location{file, 0, 0,
                                   "table '" + table->name + "', row " + std::to_string(row_number)},
                          "column '" + column.name + "': " + problem);
          break;
        }
        row_values[target] = std::move(*value);
      }
      if (!failure) {
        out.row(std::move(row_values));
        ++rows;
      }
    }
    if (failure) throw *failure;
  }
  return rows;
}

void load(const DataSourceContext& context, Dataset& dataset) {
  data::Schema schema = data::Schema::for_context(context);
  data::TableCollector collected("postgres");
  TableOpened opened = [&](const data::SchemaTable& table) -> data::RowSink& { return collected.open(table); };
  read(schema, data::checked_params(context), context.origin, context.sink, opened);
  collected.put_into(dataset);
}

}  // namespace dizgi::postgres
