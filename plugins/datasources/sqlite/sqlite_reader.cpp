#include "sqlite_reader.hpp"

#include <dizgi/sdk/files.hpp>

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

namespace dizgi::sqlite_source {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::string upper_ascii(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

// "file:" URI of a path for sqlite3_open_v2 with SQLITE_OPEN_URI: every byte outside the
// unreserved set and '/' is percent-encoded, so '?', '#' and '%' in names are safe.
std::string file_uri(const std::filesystem::path& path) {
  static const char hex[] = "0123456789ABCDEF";
  std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::string uri = "file:";
  for (unsigned char c : absolute) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  uri += "?mode=ro&immutable=1";
  return uri;
}

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    uint32_t code = length == 1 ? c : length == 2 ? (c & 0x1f) : length == 3 ? (c & 0x0f) : (c & 0x07);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next >> 6) != 2) return false;
      code = (code << 6) | (next & 0x3f);
    }
    static const uint32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < minimum[length] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += length;
  }
  return true;
}

std::string to_nfc(const std::string& text) {
  bool ascii = std::all_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(text);
  if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(source, status);
  if (U_FAILURE(status)) return text;
  std::string result;
  normalized.toUTF8String(result);
  return result;
}

// Parses "-12.5", "12", "1.5e+15" exactly (the forms SQLite prints for stored numbers).
std::optional<Decimal> parse_number(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::size_t e = text.find_first_of("eE");
  if (e == std::string_view::npos) return Decimal::parse(text);
  auto mantissa = Decimal::parse(text.substr(0, e));
  std::string_view exponent_text = text.substr(e + 1);
  if (!mantissa || exponent_text.empty()) return std::nullopt;
  int sign = 1;
  if (exponent_text.front() == '+' || exponent_text.front() == '-') {
    sign = exponent_text.front() == '-' ? -1 : 1;
    exponent_text.remove_prefix(1);
  }
  if (exponent_text.empty() || exponent_text.size() > 2) return std::nullopt;
  int exponent = 0;
  for (char c : exponent_text) {
    if (c < '0' || c > '9') return std::nullopt;
    exponent = exponent * 10 + (c - '0');
  }
  exponent *= sign;
  Decimal value = *mantissa;
  // value × 10^exponent: lower the scale, multiplying units when it would go negative.
  int32_t scale = value.scale - exponent;
  if (scale >= 0) {
    if (scale > 18) return std::nullopt;
    return Decimal{value.units, scale};
  }
  Decimal factor{1, 0};
  for (int32_t i = 0; i < -scale; ++i) factor = factor * Decimal{10, 0};
  return Decimal{value.units, 0} * factor;
}

std::optional<Date> parse_date(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int32_t> {
    if (from + count > text.size()) return std::nullopt;
    int32_t value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  std::optional<int32_t> year, month, day;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && (text.size() == 10 || text[10] == ' ' || text[10] == 'T')) {
    year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  } else if (text.size() == 10 && text[2] == '.' && text[5] == '.') {  // 31.12.2025
    day = digits(0, 2), month = digits(3, 2), year = digits(6, 4);
  }
  if (!year || !month || !day) return std::nullopt;
  static const int32_t days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month[*month - 1]) return std::nullopt;
  bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  if (*month == 2 && *day == 29 && !leap) return std::nullopt;
  return Date{*year, *month, *day};
}

struct ColumnSpec {
  Column column;
  bool scale_declared = false;
};

// Maps a declared SQLite column type to a dizgi column (SQLite's own affinity rules, refined:
// DECIMAL/NUMERIC/REAL become exact decimals, DATE and BOOLEAN are recognised by name).
ColumnSpec map_declared_type(const std::string& name, const std::string& declared, bool not_null) {
  ColumnSpec spec;
  spec.column.name = name;
  spec.column.nullable = !not_null;
  std::string type = upper_ascii(declared);
  if (type.find("INT") != std::string::npos) {
    spec.column.type = ValueType::integer;
  } else if (type.find("BOOL") != std::string::npos) {
    spec.column.type = ValueType::boolean;
  } else if (type.find("DATE") != std::string::npos && type.find("TIME") == std::string::npos) {
    spec.column.type = ValueType::date;
  } else if (type.rfind("DECIMAL", 0) == 0 || type.rfind("NUMERIC", 0) == 0 ||
             type.find("REAL") != std::string::npos || type.find("FLOA") != std::string::npos ||
             type.find("DOUB") != std::string::npos) {
    spec.column.type = ValueType::decimal;
    std::size_t comma = type.find(',');
    std::size_t close = type.find(')');
    if (comma != std::string::npos && close != std::string::npos && close > comma) {
      std::string digits = type.substr(comma + 1, close - comma - 1);
      digits.erase(std::remove(digits.begin(), digits.end(), ' '), digits.end());
      if (!digits.empty() && digits.size() <= 2 &&
          std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        spec.column.scale = std::stoi(digits);
        spec.scale_declared = true;
      }
    }
  } else {
    spec.column.type = ValueType::text;
  }
  return spec;
}

std::string quote_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

// What the authorizer lets through. `trusted` is dizgi's own standard schema; `script` is SQL
// text from a book (it may build and fill tables in the in-memory database, nothing else);
// `reading` is dizgi's own queries of the tables (and of a .sqlite file).
enum class Phase { invalid = 0, trusted, script, reading };

const char* action_name(int action) {
  switch (action) {
    case SQLITE_ATTACH: return "ATTACH";
    case SQLITE_DETACH: return "DETACH";
    case SQLITE_PRAGMA: return "PRAGMA";
    case SQLITE_ALTER_TABLE: return "ALTER TABLE";
    case SQLITE_CREATE_TRIGGER: case SQLITE_CREATE_TEMP_TRIGGER: return "CREATE TRIGGER";
    case SQLITE_CREATE_TEMP_TABLE: case SQLITE_CREATE_TEMP_INDEX: case SQLITE_CREATE_TEMP_VIEW:
      return "CREATE TEMP";
    case SQLITE_CREATE_VTABLE: return "CREATE VIRTUAL TABLE";
    case SQLITE_DROP_TABLE: case SQLITE_DROP_INDEX: case SQLITE_DROP_VIEW: case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VTABLE: case SQLITE_DROP_TEMP_TABLE: case SQLITE_DROP_TEMP_INDEX:
    case SQLITE_DROP_TEMP_VIEW: case SQLITE_DROP_TEMP_TRIGGER:
      return "DROP";
    case SQLITE_ANALYZE: return "ANALYZE";
    case SQLITE_REINDEX: return "REINDEX";
    default: return "this statement";
  }
}

// The first word of a statement, after blanks and comments.
std::string first_keyword(const char* sql) {
  std::string_view text = sql ? sql : "";
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else if (text.substr(i, 2) == "--") {
      i = text.find('\n', i);
      if (i == std::string_view::npos) return {};
    } else if (text.substr(i, 2) == "/*") {
      i = text.find("*/", i + 2);
      if (i == std::string_view::npos) return {};
      i += 2;
    } else {
      break;
    }
  }
  std::size_t end = i;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  return std::string(text.substr(i, end - i));
}

class Reader {
 public:
  Reader(std::string display, DiagnosticSink* sink) : display_(std::move(display)), sink_(sink) {}

  // Bounds for the whole life of the database: run time (progress handler) and memory.
  void set_limits(double time_limit_s, sqlite3_int64 heap_limit_bytes) {
    time_limit_s_ = time_limit_s;
    heap_limit_bytes_ = heap_limit_bytes;
  }
  void set_phase(Phase phase) { phase_ = phase; }

  [[noreturn]] void fail_database(const std::string& what) const {
    throw Error(ErrorCode::data, Location{display_, 0, 0, {}},
                "cannot read '" + display_ + "' as a SQLite database: " + what,
                "check that the file is a SQLite 3 database (or a .sql text file) and not damaged");
  }

  StmtPtr prepare(const std::string& sql) const {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db.get(), sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr);
    StmtPtr stmt(raw);
    if (rc != SQLITE_OK) fail_database(sqlite3_errmsg(db.get()));
    return stmt;
  }

  void open_file(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    // The URI is built here from the path (percent-encoded): a book cannot pass URI options.
    int rc = sqlite3_open_v2(file_uri(file).c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    db.reset(raw);
    if (rc != SQLITE_OK) fail_database(raw ? sqlite3_errmsg(raw) : "out of memory");
    harden();
  }

  void open_memory() {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    db.reset(raw);
    if (rc != SQLITE_OK) fail_database(raw ? sqlite3_errmsg(raw) : "out of memory");
    harden();
  }

  // Runs a script statement by statement so an error names its line in the .sql file.
  void run_script(const std::string& sql, const std::string& script_name) {
    const char* start = sql.c_str();
    const char* cursor = start;
    const char* end = start + sql.size();
    while (cursor < end) {
      sqlite3_stmt* raw = nullptr;
      const char* tail = nullptr;
      int rc = sqlite3_prepare_v2(db.get(), cursor, static_cast<int>(end - cursor), &raw, &tail);
      StmtPtr stmt(raw);
      if (rc == SQLITE_OK && stmt && phase_ == Phase::script) {
        // Statements the authorizer does not see (VACUUM) or sees only in parts: by keyword.
        std::string keyword = upper_ascii(first_keyword(sqlite3_sql(stmt.get())));
        for (const char* refused : {"VACUUM", "ATTACH", "DETACH", "REINDEX", "ANALYZE"}) {
          if (keyword == refused) {
            denied_ = refused;
            rc = SQLITE_AUTH;
          }
        }
      }
      if (rc == SQLITE_OK && stmt) {
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        }
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
      }
      if (rc != SQLITE_OK) {
        // The failing statement starts after leading blanks/comments; point at its first line.
        const char* at = cursor;
        while (at < end && std::isspace(static_cast<unsigned char>(*at))) ++at;
        uint32_t line = 1 + static_cast<uint32_t>(std::count(start, at, '\n'));
        fail_statement(rc, Location{script_name, line, 0, {}});
      }
      if (tail == nullptr || tail == cursor) break;
      cursor = tail;
    }
  }

  // Ordinary tables only: virtual tables would run a module the file names (FTS, R-tree, ...),
  // and their shadow tables hold the module's private blobs.
  std::vector<std::string> user_tables() const {
    StmtPtr stmt = prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    std::vector<std::string> names;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0)));
    }
    if (rc != SQLITE_DONE) fail_database(sqlite3_errmsg(db.get()));
    return names;
  }

  Table read_table(const std::string& name) const {
    std::vector<ColumnSpec> specs;
    {
      StmtPtr info = prepare("SELECT name, type, \"notnull\" FROM pragma_table_info(?1) ORDER BY cid");
      sqlite3_bind_text(info.get(), 1, name.c_str(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
      int rc;
      while ((rc = sqlite3_step(info.get())) == SQLITE_ROW) {
        const auto* column = reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0));
        const auto* type = reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 1));
        specs.push_back(map_declared_type(column ? column : "", type ? type : "",
                                          sqlite3_column_int(info.get(), 2) != 0));
      }
      if (rc != SQLITE_DONE) fail_database(sqlite3_errmsg(db.get()));
    }
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (i) select += ", ";
      select += quote_identifier(specs[i].column.name);
    }
    select += " FROM " + quote_identifier(name);
    // Rows come in insertion order; WITHOUT ROWID tables have no rowid and keep key order.
    sqlite3_stmt* raw = nullptr;
    std::string ordered = select + " ORDER BY rowid";
    StmtPtr stmt;
    if (sqlite3_prepare_v2(db.get(), ordered.c_str(), -1, &raw, nullptr) == SQLITE_OK) {
      stmt.reset(raw);
    } else {
      sqlite3_finalize(raw);
      stmt = prepare(select);
    }

    std::vector<std::vector<Value>> rows;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
      std::vector<Value> row;
      row.reserve(specs.size());
      for (std::size_t i = 0; i < specs.size(); ++i) {
        try {
          row.push_back(read_value(stmt.get(), static_cast<int>(i), specs[i], name, rows.size() + 1));
        } catch (const Error& error) {
          if (!error.location().file.empty()) throw;
          // Arithmetic of the SDK (decimal overflow) knows no place: give it the cell's.
          throw Error(error.code(), cell(name, rows.size() + 1, specs[i].column.name), error.message(), error.hint());
        }
      }
      rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) {
      if (timed_out_ || (rc & 0xff) == SQLITE_NOMEM || denied_) fail_statement(rc, Location{display_, 0, 0, "table '" + name + "'"});
      fail_database(sqlite3_errmsg(db.get()));
    }

    // A decimal column without a declared scale takes the largest scale found in its values.
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (specs[i].column.type != ValueType::decimal || specs[i].scale_declared) continue;
      int32_t scale = 0;
      for (const auto& row : rows) {
        if (const auto* d = std::get_if<Decimal>(&row[i])) scale = std::max(scale, d->scale);
      }
      specs[i].column.scale = scale;
      for (auto& row : rows) {
        if (auto* d = std::get_if<Decimal>(&row[i])) *d = d->rescaled(scale);
      }
    }

    std::vector<Column> columns;
    for (const auto& spec : specs) columns.push_back(spec.column);
    Table table(name, std::move(columns));
    table.source = display_;
    table.reserve(rows.size());
    for (auto& row : rows) table.add_row(std::move(row));
    return table;
  }

  DbPtr db;

  // Explains why a statement failed: refused by the authorizer, out of time or memory, or an
  // error in the SQL.
  [[noreturn]] void fail_statement(int rc, const Location& at) const {
    int primary = rc & 0xff;
    if (primary == SQLITE_AUTH || denied_ != nullptr) {
      throw Error(ErrorCode::data, at, std::string(denied_ ? denied_ : "this statement") + " is not allowed in SQL text",
                  "a data file may only CREATE TABLE/INDEX/VIEW, INSERT, UPDATE, DELETE and SELECT, in "
                  "transactions; it cannot attach, write or read other files");
    }
    if (primary == SQLITE_INTERRUPT && timed_out_) {
      throw Error(ErrorCode::data, at,
                  "the SQL ran longer than " + std::to_string(static_cast<long long>(time_limit_s_)) + " s",
                  "look for a recursive query without end or a join without condition; raise the limit "
                  "with time-limit=\"SECONDS\" on the <source> if the data really needs it");
    }
    if (primary == SQLITE_NOMEM) {
      throw Error(ErrorCode::data, at,
                  "the SQL needs more than " + std::to_string(heap_limit_bytes_ >> 20) + " MiB of memory",
                  "look for a query that builds very large results");
    }
    throw Error(ErrorCode::data, at, std::string("cannot load the SQL text: ") + sqlite3_errmsg(db.get()),
                "the file must hold SQLite statements (CREATE TABLE / INSERT) of the standard schema");
  }

 private:
  static int authorize(void* user, int action, const char* arg1, const char*, const char*, const char*) {
    auto* self = static_cast<Reader*>(user);
    if (self->phase_ == Phase::trusted) return SQLITE_OK;
    switch (action) {
      case SQLITE_SELECT:
      case SQLITE_READ:
      case SQLITE_FUNCTION:
      case SQLITE_RECURSIVE:
        return SQLITE_OK;
      case SQLITE_PRAGMA: {
        // dizgi's own schema queries (pragma_table_list, pragma_table_info) are read-only;
        // SQL text may only switch foreign key checks, which touches no file.
        std::string_view name = arg1 != nullptr ? arg1 : "";
        if (name == "table_list" || name == "table_info") return SQLITE_OK;
        if (self->phase_ == Phase::script && (name == "foreign_keys" || name == "defer_foreign_keys")) {
          return SQLITE_OK;
        }
        break;
      }
      case SQLITE_UPDATE:
        // Preparing a statement after the schema changed checks sqlite_master as an update;
        // SQLITE_DBCONFIG_DEFENSIVE keeps the schema itself unwritable.
        if (arg1 != nullptr && (std::string_view(arg1) == "sqlite_master" || std::string_view(arg1) == "sqlite_schema")) {
          return SQLITE_OK;
        }
        if (self->phase_ == Phase::script) return SQLITE_OK;
        break;
      case SQLITE_CREATE_TABLE:
      case SQLITE_CREATE_INDEX:
      case SQLITE_CREATE_VIEW:
      case SQLITE_INSERT:
      case SQLITE_DELETE:
      case SQLITE_TRANSACTION:
      case SQLITE_SAVEPOINT:
        if (self->phase_ == Phase::script) return SQLITE_OK;
        break;
      default:
        break;
    }
    if (self->denied_ == nullptr) self->denied_ = action_name(action);
    return SQLITE_DENY;
  }

  static int progress(void* user) {
    auto* self = static_cast<Reader*>(user);
    if (std::chrono::steady_clock::now() < self->deadline_) return 0;
    self->timed_out_ = true;
    return 1;
  }

  void harden() {
    // The file may come from anywhere: no triggers/views may run functions with side effects,
    // and the schema cannot be used to write (SQLite "defense against dark arts").
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
#ifdef SQLITE_DBCONFIG_TRUSTED_SCHEMA
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
#endif
    sqlite3_limit(db.get(), SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
    // SQL text from a book never reaches another file: no ATTACH, no extensions, and every
    // statement passes the authorizer (which also refuses VACUUM INTO, as an ATTACH).
    sqlite3_limit(db.get(), SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_db_config(db.get(), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_set_authorizer(db.get(), authorize, this);
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                    std::chrono::duration<double>(time_limit_s_));
    sqlite3_progress_handler(db.get(), 10000, progress, this);
    sqlite3_hard_heap_limit64(heap_limit_bytes_);
  }

  Location cell(const std::string& table, std::size_t row, const std::string& column) const {
    return Location{display_, 0, 0,
                    "table '" + table + "', row " + std::to_string(row) + ", column '" + column + "'"};
  }

  Value read_value(sqlite3_stmt* stmt, int index, const ColumnSpec& spec, const std::string& table,
                   std::size_t row) const {
    int storage = sqlite3_column_type(stmt, index);
    if (storage == SQLITE_NULL) return std::monostate{};
    const auto* raw = reinterpret_cast<const char*>(sqlite3_column_text(stmt, index));
    std::string text = raw ? std::string(raw, static_cast<std::size_t>(sqlite3_column_bytes(stmt, index))) : "";
    const Column& column = spec.column;
    auto bad = [&](const std::string& expected) -> Error {
      std::size_t cut = std::min<std::size_t>(text.size(), 40);
      while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
      std::string found = storage == SQLITE_BLOB ? "a binary value" : "'" + text.substr(0, cut) + "'";
      if (storage != SQLITE_BLOB && !valid_utf8(found)) found = "a value that is not valid UTF-8";
      return Error(ErrorCode::data, cell(table, row, column.name), "expected " + expected + ", found " + found,
                   "fix the value or the column's declared type");
    };
    switch (column.type) {
      case ValueType::integer: {
        if (storage == SQLITE_INTEGER) return static_cast<int64_t>(sqlite3_column_int64(stmt, index));
        auto number = parse_number(text);
        if (!number) throw bad("an integer");
        Decimal whole = number->rescaled(0);
        if (!(whole == *number)) throw bad("an integer");
        return whole.units;
      }
      case ValueType::decimal: {
        if (storage == SQLITE_BLOB) throw bad("a number");
        auto number = parse_number(text);
        if (!number) throw bad("a number");
        if (spec.scale_declared && number->scale != column.scale) {
          Decimal scaled = number->rescaled(column.scale);
          if (!(scaled == *number) && storage == SQLITE_TEXT && sink_) {
            sink_->warn("data.decimal-rounded", cell(table, row, column.name),
                        "value '" + text + "' rounded to " + std::to_string(column.scale) + " decimals",
                        "the column is declared with scale " + std::to_string(column.scale));
          }
          return scaled;
        }
        return *number;
      }
      case ValueType::date: {
        auto date = parse_date(text);
        if (!date) throw bad("a date (YYYY-MM-DD)");
        return *date;
      }
      case ValueType::boolean: {
        if (storage == SQLITE_INTEGER) {
          auto value = sqlite3_column_int64(stmt, index);
          if (value == 0 || value == 1) return value == 1;
          throw bad("a boolean (0 or 1)");
        }
        std::string word = lower_ascii(text);
        if (word == "true" || word == "1" || word == "evet") return true;
        if (word == "false" || word == "0" || word == "hayir" || word == "hay\xc4\xb1r") return false;
        throw bad("a boolean (0 or 1)");
      }
      case ValueType::text:
      case ValueType::invalid:
        break;
    }
    if (storage == SQLITE_BLOB) throw bad("text");
    if (!valid_utf8(text)) {
      throw Error(ErrorCode::data, cell(table, row, column.name), "text is not valid UTF-8",
                  "store text as UTF-8");
    }
    return to_nfc(text);
  }

  std::string display_;
  DiagnosticSink* sink_;
  Phase phase_ = Phase::reading;
  const char* denied_ = nullptr;  // the first statement kind the authorizer refused
  double time_limit_s_ = 60;
  sqlite3_int64 heap_limit_bytes_ = sqlite3_int64{512} << 20;
  std::chrono::steady_clock::time_point deadline_;
  bool timed_out_ = false;
};

// SQL text: a regular file of at most 256 MiB.
std::string read_text_file(const std::filesystem::path& file, const std::string& display) {
  constexpr std::size_t max_bytes = 256u << 20;
  return read_project_file(ProjectFile{file, display, true}, max_bytes, Location{display, 0, 0, {}});
}

bool creates_tables(const std::string& sql) {
  std::string lowered = lower_ascii(sql);
  return lowered.find("create table") != std::string::npos;
}

void read_tables(Reader& reader, const ReadOptions& options, const std::string& display, Dataset& dataset) {
  std::vector<std::string> available = reader.user_tables();
  std::vector<std::string> wanted = options.tables.empty() ? available : options.tables;
  for (const auto& name : wanted) {
    if (std::find(available.begin(), available.end(), name) == available.end()) {
      std::string known;
      for (const auto& a : available) known += (known.empty() ? "" : ", ") + a;
      throw Error(ErrorCode::data, Location{display, 0, 0, {}},
                  "table '" + name + "' not found in '" + display + "'",
                  known.empty() ? "the database has no tables" : "tables present: " + known);
    }
    dataset.put(reader.read_table(name));
  }
}

}  // namespace

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> names;
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty()) names.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) names.push_back(std::move(current));
  return names;
}

void read_file(const std::filesystem::path& file, const ReadOptions& options, Dataset& dataset,
               DiagnosticSink* sink) {
  std::string display = options.display_name.empty() ? file.string() : options.display_name;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    throw Error(ErrorCode::io, Location{display, 0, 0, {}},
                "cannot open '" + display + "': no such file",
                "check the path in the <source> element (relative paths start at the book's folder)");
  }
  if (lower_ascii(file.extension().string()) == ".sql") {
    std::string sql = read_text_file(file, display);
    ReadOptions named = options;
    named.display_name = display;
    read_sql(sql, named, dataset, sink);
    return;
  }
  Reader reader(display, sink);
  reader.set_limits(options.time_limit_s, options.heap_limit_bytes);
  reader.open_file(file);
  reader.set_phase(Phase::reading);
  read_tables(reader, options, display, dataset);
}

void read_sql(const std::string& sql, const ReadOptions& options, Dataset& dataset, DiagnosticSink* sink) {
  std::string display = options.display_name.empty() ? "SQL text" : options.display_name;
  if (std::size_t nul = sql.find('\0'); nul != std::string::npos) {
    uint32_t line = 1 + static_cast<uint32_t>(std::count(sql.begin(), sql.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    throw Error(ErrorCode::data, Location{display, line, 0, {}}, "the SQL text holds a NUL byte",
                "save the file as plain UTF-8 text");
  }
  Reader reader(display, sink);
  reader.set_limits(options.time_limit_s, options.heap_limit_bytes);
  reader.open_memory();
  std::string schema = options.schema.empty() ? "auto" : options.schema;
  if (schema == "standard" || (schema == "auto" && !creates_tables(sql))) {
    reader.set_phase(Phase::trusted);
    reader.run_script(standard_schema_sql(), "schemas/sql/sqlite.sql");
  } else if (schema != "auto" && schema != "none") {
    std::filesystem::path schema_path = schema;
    std::string schema_name = options.schema_display.empty() ? schema : options.schema_display;
    reader.set_phase(Phase::script);
    reader.run_script(read_text_file(schema_path, schema_name), schema_name);
  }
  reader.set_phase(Phase::script);
  reader.run_script(sql, display);
  reader.set_phase(Phase::reading);
  read_tables(reader, options, display, dataset);
}

}  // namespace dizgi::sqlite_source
