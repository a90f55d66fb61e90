#include "mapping.hpp"

#include "standard_columns.hpp"

#include <dizgi/sdk/files.hpp>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace dizgi::data {

namespace {

std::string_view trim(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    std::size_t start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

// Mapping and column files are small text: regular files only (never a pipe or /dev/zero),
// at most 4 MiB. Their paths were confined to the project by checked_params().
std::string read_text_file(const std::string& path, const Location& at) {
  constexpr std::size_t max_bytes = 4u << 20;
  ProjectFile file{std::filesystem::path(path), display_name(path), true};
  return read_project_file(file, max_bytes, at);
}

bool parse_int(std::string_view text, int64_t& out) {
  if (text.empty()) return false;
  if (text.front() == '+') text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string excerpt(std::string_view text) {
  constexpr std::size_t limit = 40;
  std::string shown(text.substr(0, limit));
  if (text.size() > limit) shown += "...";
  return "'" + shown + "'";
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Text is stored in NFC (docs/data-model.md); most input already is, so check first.
std::string to_nfc(std::string text) {
  if (is_ascii(text)) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return text;
  status = U_ZERO_ERROR;
  std::string result;
  icu::StringByteSink<std::string> sink(&result);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? result : text;
}

std::optional<bool> parse_boolean(std::string_view text) {
  std::string folded = fold_header(text);
  if (folded == "1" || folded == "true" || folded == "evet" || folded == "e" || folded == "yes" ||
      folded == "t" || folded == "dogru" || folded == "var") {
    return true;
  }
  if (folded == "0" || folded == "false" || folded == "hayir" || folded == "h" || folded == "no" ||
      folded == "f" || folded == "yanlis" || folded == "yok") {
    return false;
  }
  return std::nullopt;
}

std::optional<Decimal> parse_styled(std::string_view text, NumberStyle style) {
  text = trim(text);
  switch (style) {
    case NumberStyle::classic: return Decimal::parse(text);
    case NumberStyle::turkish: return Decimal::parse_tr(text);
    case NumberStyle::automatic:
    case NumberStyle::invalid: break;
  }
  if (auto value = Decimal::parse_tr(text)) return value;
  return parse_number_literal(text);
}

// Fits a decimal to the column's scale. Extra fractional digits must be zero unless rounding
// is allowed (spreadsheet numbers are doubles written with 15-17 digits).
std::optional<Decimal> fit_scale(const Decimal& value, int32_t scale, bool round,
                                 std::string& problem, std::string_view shown) {
  try {
    if (value.scale <= scale || round) return value.rescaled(scale);
    Decimal fitted = value.rescaled(scale);
    if (fitted == value) return fitted;
    problem = "more than " + std::to_string(scale) + " fractional digits: " + excerpt(shown);
  } catch (const Error&) {
    problem = "number out of range: " + excerpt(shown);
  }
  return std::nullopt;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Schema

Schema Schema::parse(std::string_view text, const std::string& file) {
  Schema schema;
  uint32_t line_number = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_number;
    if (std::size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = trim(line.substr(0, hash));
    }
    if (line.empty()) continue;
    Location at{file, line_number, 0, {}};
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) {
        throw Error(ErrorCode::data, at, "malformed table header " + excerpt(line),
                    "write the table name in brackets: [birim]");
      }
      std::string name(trim(line.substr(1, line.size() - 2)));
      if (schema.find(name)) throw Error(ErrorCode::data, at, "table '" + name + "' appears twice");
      schema.tables_.push_back({name, {}});
      continue;
    }
    if (schema.tables_.empty()) {
      throw Error(ErrorCode::data, at, "column before the first [table] header");
    }
    auto words = split_words(line);
    if (words.size() < 2 || words.size() > 3 || (words.size() == 3 && words[2] != "required")) {
      throw Error(ErrorCode::data, at, "expected 'column type [required]', got " + excerpt(line));
    }
    Column column;
    column.name = std::string(words[0]);
    column.nullable = words.size() < 3;
    std::string_view type = words[1];
    if (type == "text") {
      column.type = ValueType::text;
    } else if (type == "integer") {
      column.type = ValueType::integer;
    } else if (type == "date") {
      column.type = ValueType::date;
    } else if (type == "boolean") {
      column.type = ValueType::boolean;
    } else if (type.substr(0, 8) == "decimal(" && type.back() == ')') {
      int64_t scale = 0;
      if (!parse_int(type.substr(8, type.size() - 9), scale) || scale < 0 || scale > 18) {
        throw Error(ErrorCode::data, at, "bad decimal scale in " + excerpt(type));
      }
      column.type = ValueType::decimal;
      column.scale = static_cast<int32_t>(scale);
    } else {
      throw Error(ErrorCode::data, at, "unknown type " + excerpt(type),
                  "use text, integer, decimal(N), date or boolean");
    }
    auto& columns = schema.tables_.back().columns;
    for (const auto& existing : columns) {
      if (existing.name == column.name) {
        throw Error(ErrorCode::data, at, "column '" + column.name + "' appears twice");
      }
    }
    columns.push_back(std::move(column));
  }
  return schema;
}

namespace {

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

std::string unquote_identifier(std::string_view name) {
  if (name.size() >= 2 && (name.front() == '"' || name.front() == '`' || name.front() == '[')) {
    return std::string(name.substr(1, name.size() - 2));
  }
  return std::string(name);
}

// Splits at top-level commas (outside parentheses and quotes).
std::vector<std::string_view> split_items(std::string_view body) {
  std::vector<std::string_view> items;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == ',' && depth == 0) {
      items.push_back(trim(body.substr(start, i - start)));
      start = i + 1;
    }
  }
  items.push_back(trim(body.substr(start)));
  return items;
}

}  // namespace

Schema Schema::parse_sql(std::string_view text, const std::string& file) {
  // Drop comments first, keeping line breaks so that positions stay meaningful.
  std::string clean;
  clean.reserve(text.size());
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
      clean.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      clean.push_back(c);
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      while (i < text.size() && text[i] != '\n') ++i;
      clean.push_back('\n');
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
      clean.push_back(' ');
    } else {
      clean.push_back(c);
    }
  }
  std::string upper = upper_ascii(clean);
  Schema schema;
  std::size_t position = 0;
  while ((position = upper.find("CREATE TABLE", position)) != std::string::npos) {
    std::size_t cursor = position + 12;
    auto skip_space = [&]() {
      while (cursor < clean.size() && std::isspace(static_cast<unsigned char>(clean[cursor]))) ++cursor;
    };
    skip_space();
    if (upper.compare(cursor, 13, "IF NOT EXISTS") == 0) {
      cursor += 13;
      skip_space();
    }
    std::size_t open = clean.find('(', cursor);
    if (open == std::string::npos) break;
    std::string name = unquote_identifier(trim(std::string_view(clean).substr(cursor, open - cursor)));
    if (std::size_t dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
    int depth = 0;
    std::size_t close = open;
    for (; close < clean.size(); ++close) {
      if (clean[close] == '(') ++depth;
      else if (clean[close] == ')' && --depth == 0) break;
    }
    uint32_t line = static_cast<uint32_t>(std::count(clean.begin(), clean.begin() + static_cast<std::ptrdiff_t>(position), '\n') + 1);
    if (close >= clean.size()) {
      throw Error(ErrorCode::data, Location{file, line, 0, {}},
                  "CREATE TABLE " + name + " is not closed");
    }
    SchemaTable table{name, {}};
    for (std::string_view item : split_items(std::string_view(clean).substr(open + 1, close - open - 1))) {
      if (item.empty()) continue;
      std::string head = upper_ascii(item.substr(0, 12));
      if (head.rfind("PRIMARY", 0) == 0 || head.rfind("UNIQUE", 0) == 0 ||
          head.rfind("CHECK", 0) == 0 || head.rfind("FOREIGN", 0) == 0 ||
          head.rfind("CONSTRAINT", 0) == 0) {
        continue;
      }
      auto words = split_words(item);
      Column column;
      column.name = unquote_identifier(words[0]);
      std::string type = "TEXT";
      if (words.size() > 1) {
        // "DECIMAL(20,2)", "NUMERIC (20, 4)": the type word and a parenthesised part after it.
        std::size_t from = static_cast<std::size_t>(words[1].data() - item.data());
        std::size_t end = from;
        while (end < item.size() && !std::isspace(static_cast<unsigned char>(item[end])) && item[end] != '(') ++end;
        std::size_t next = end;
        while (next < item.size() && std::isspace(static_cast<unsigned char>(item[next]))) ++next;
        if (next < item.size() && item[next] == '(') {
          std::size_t close_paren = item.find(')', next);
          end = close_paren == std::string_view::npos ? item.size() : close_paren + 1;
        }
        type = upper_ascii(item.substr(from, end - from));
        type.erase(std::remove_if(type.begin(), type.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }), type.end());
      }
      std::string base = type.substr(0, type.find('('));
      if (base == "INTEGER" || base == "INT" || base == "BIGINT" || base == "SMALLINT") {
        column.type = ValueType::integer;
      } else if (base == "DECIMAL" || base == "NUMERIC" || base == "REAL" || base == "DOUBLE") {
        column.type = ValueType::decimal;
        std::size_t comma = type.find(',');
        if (comma != std::string::npos) {
          int64_t scale = 0;
          if (parse_int(type.substr(comma + 1, type.find(')') - comma - 1), scale) && scale >= 0 &&
              scale <= 18) {
            column.scale = static_cast<int32_t>(scale);
          }
        }
      } else if (base == "DATE") {
        column.type = ValueType::date;
      } else if (base == "BOOLEAN" || base == "BOOL") {
        column.type = ValueType::boolean;
      } else {
        column.type = ValueType::text;
      }
      column.nullable = upper_ascii(item).find("NOT NULL") == std::string::npos;
      table.columns.push_back(std::move(column));
    }
    if (schema.find(table.name)) {
      throw Error(ErrorCode::data, Location{file, line, 0, {}}, "table '" + table.name + "' appears twice");
    }
    schema.tables_.push_back(std::move(table));
    position = close;
  }
  return schema;
}

const Schema& Schema::standard() {
#if DIZGI_STANDARD_SCHEMA_IS_SQL
  static const Schema schema = parse_sql(standard_columns_text, "sqlite.sql");
#else
  static const Schema schema = parse(standard_columns_text, "standard-columns.txt");
#endif
  return schema;
}

Schema Schema::load(const std::string& path, const Location& at) {
  std::string text = read_text_file(path, at);
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".sql") == 0) {
    return parse_sql(text, display_name(path));
  }
  return parse(text, display_name(path));
}

Schema Schema::for_context(const DataSourceContext& context) {
  auto it = context.params.find("columns");
  if (it == context.params.end()) return standard();
  return load(resolve_path(context, it->second), context.origin);
}

const SchemaTable* Schema::find(std::string_view table) const {
  for (const auto& candidate : tables_) {
    if (candidate.name == table) return &candidate;
  }
  return nullptr;
}

const SchemaTable& Schema::require(std::string_view table, const Location& at) const {
  if (const SchemaTable* found = find(table)) return *found;
  std::string known;
  for (const auto& candidate : tables_) known += (known.empty() ? "" : ", ") + candidate.name;
  throw Error(ErrorCode::data, at, "unknown table '" + std::string(table) + "'",
              "the standard schema has: " + known);
}

NumberStyle number_style(const Params& params, NumberStyle fallback, const Location& at) {
  auto it = params.find("numbers");
  if (it == params.end()) return fallback;
  if (it->second == "tr" || it->second == "turkish") return NumberStyle::turkish;
  if (it->second == "classic" || it->second == "c") return NumberStyle::classic;
  if (it->second == "auto") return NumberStyle::automatic;
  throw Error(ErrorCode::usage, at, "bad value for 'numbers': " + excerpt(it->second),
              "use tr, classic or auto");
}

// ---------------------------------------------------------------------------------------------
// Values

bool valid_date(const Date& date) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (date.year < 1 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1) {
    return false;
  }
  bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  int limit = days[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
  return date.day <= limit;
}

std::optional<Date> parse_date(std::string_view text) {
  text = trim(text);
  auto number = [](std::string_view part, std::size_t min_digits, std::size_t max_digits,
                   int32_t& out) {
    if (part.size() < min_digits || part.size() > max_digits) return false;
    int64_t value = 0;
    if (!std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    if (!parse_int(part, value)) return false;
    out = static_cast<int32_t>(value);
    return true;
  };
  Date date;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    // ISO; a time part ("T10:00:00", " 00:00:00") is allowed and dropped.
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    if (!number(text.substr(0, 4), 4, 4, date.year) ||
        !number(text.substr(5, 2), 2, 2, date.month) ||
        !number(text.substr(8, 2), 2, 2, date.day)) {
      return std::nullopt;
    }
  } else {
    std::size_t first = text.find('.');
    std::size_t second = first == std::string_view::npos ? first : text.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    if (!number(text.substr(0, first), 1, 2, date.day) ||
        !number(text.substr(first + 1, second - first - 1), 1, 2, date.month) ||
        !number(text.substr(second + 1), 4, 4, date.year)) {
      return std::nullopt;
    }
  }
  if (!valid_date(date)) return std::nullopt;
  return date;
}

std::optional<Decimal> parse_number_literal(std::string_view text) {
  text = trim(text);
  std::size_t e = text.find_first_of("eE");
  if (e == std::string_view::npos) return Decimal::parse(text);
  auto mantissa = Decimal::parse(text.substr(0, e));
  int64_t exponent = 0;
  if (!mantissa || !parse_int(text.substr(e + 1), exponent) || exponent < -40 || exponent > 40) {
    return std::nullopt;
  }
  int64_t scale = mantissa->scale - exponent;
  try {
    if (scale < 0) {
      Decimal factor{1, 0};
      for (int64_t i = 0; i < -scale; ++i) factor = factor * Decimal{10, 0};
      return Decimal{mantissa->units, 0} * factor;
    }
    if (scale > 18) {
      // Too small to keep every digit: round half away from zero to 18 fractional digits.
      int64_t drop = scale - 18;
      if (drop > 18) return Decimal{0, 18};
      int64_t divisor = 1;
      for (int64_t i = 0; i < drop; ++i) divisor *= 10;
      int64_t quotient = mantissa->units / divisor;
      int64_t remainder = mantissa->units % divisor;
      if ((remainder < 0 ? -remainder : remainder) * 2 >= divisor) quotient += mantissa->units < 0 ? -1 : 1;
      return Decimal{quotient, 18};
    }
    return Decimal{mantissa->units, static_cast<int32_t>(scale)};
  } catch (const Error&) {
    return std::nullopt;
  }
}

namespace {

// Days from 0001-01-01 (proleptic Gregorian) and back, by the civil-from-days algorithm.
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp + (mp < 10 ? 3 : -9);
  return Date{static_cast<int32_t>(y + (m <= 2)), static_cast<int32_t>(m), static_cast<int32_t>(d)};
}

}  // namespace

std::optional<Date> date_from_serial(const Decimal& serial, bool date1904, std::string& problem) {
  Decimal whole = serial;
  if (whole.scale > 0) {
    // Drop the time of day (floor for the non-negative serials that are valid).
    int64_t divisor = 1;
    for (int32_t i = 0; i < whole.scale; ++i) divisor *= 10;
    whole = Decimal{whole.units / divisor, 0};
  }
  int64_t days = whole.units;
  if (days < 0 || days > 2958465) {
    problem = "date serial out of range: " + serial.to_string();
    return std::nullopt;
  }
  int64_t epoch = 0;
  if (date1904) {
    epoch = days_from_civil(1904, 1, 1);
  } else if (days == 60) {
    problem = "serial 60 is 29 February 1900, a day that does not exist (the 1900 leap-year bug)";
    return std::nullopt;
  } else if (days == 0) {
    problem = "serial 0 is not a date in the 1900 date system";
    return std::nullopt;
  } else {
    // Serial 1 is 1900-01-01; from serial 61 on, the phantom 29 February is skipped.
    epoch = days < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
  }
  return civil_from_days(epoch + days);
}

std::string iso(const Date& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::optional<Value> convert(const Cell& cell, const Column& column, NumberStyle style,
                             bool round_numbers, std::string& problem) {
  using Kind = Cell::Kind;
  if (cell.kind == Kind::empty || (cell.kind == Kind::text && trim(cell.text).empty())) {
    return Value{};
  }
  switch (column.type) {
    case ValueType::text:
      switch (cell.kind) {
        case Kind::date: return Value{iso(cell.date)};
        case Kind::boolean: return Value{std::string(cell.boolean ? "true" : "false")};
        case Kind::number:
          if (auto number = parse_number_literal(cell.text)) {
            Decimal value = *number;
            // A whole number reads as one ("7", not "7.0"); otherwise the shortest exact form.
            while (value.scale > 0 && value.units % 10 == 0) value = Decimal{value.units / 10, value.scale - 1};
            return Value{value.to_string()};
          }
          return Value{cell.text};
        default: return Value{to_nfc(cell.text)};
      }
    case ValueType::integer: {
      std::optional<Decimal> number;
      if (cell.kind == Kind::number) number = parse_number_literal(cell.text);
      else if (cell.kind == Kind::text) number = parse_styled(cell.text, style);
      else if (cell.kind == Kind::boolean) return Value{int64_t{cell.boolean ? 1 : 0}};
      if (!number) {
        problem = "not an integer: " + excerpt(cell.kind == Kind::date ? iso(cell.date) : cell.text);
        return std::nullopt;
      }
      auto whole = fit_scale(*number, 0, false, problem, cell.text);
      if (!whole) {
        if (problem.rfind("more than", 0) == 0) problem = "not an integer: " + excerpt(cell.text);
        return std::nullopt;
      }
      return Value{whole->units};
    }
    case ValueType::decimal: {
      std::optional<Decimal> number;
      if (cell.kind == Kind::number) number = parse_number_literal(cell.text);
      else if (cell.kind == Kind::text) number = parse_styled(cell.text, style);
      if (!number) {
        problem = "not a number: " + excerpt(cell.kind == Kind::date ? iso(cell.date) : cell.text);
        return std::nullopt;
      }
      auto fitted = fit_scale(*number, column.scale, round_numbers && cell.kind == Kind::number,
                              problem, cell.text);
      if (!fitted) return std::nullopt;
      return Value{*fitted};
    }
    case ValueType::date: {
      if (cell.kind == Kind::date) return Value{cell.date};
      if (cell.kind == Kind::text) {
        if (auto date = parse_date(cell.text)) return Value{*date};
        problem = "not a date: " + excerpt(cell.text) + " (expected dd.mm.yyyy or yyyy-mm-dd)";
        return std::nullopt;
      }
      if (cell.kind == Kind::number) {
        if (auto serial = parse_number_literal(cell.text)) {
          if (auto date = date_from_serial(*serial, false, problem)) return Value{*date};
          return std::nullopt;
        }
      }
      problem = "not a date: " + excerpt(cell.text);
      return std::nullopt;
    }
    case ValueType::boolean: {
      if (cell.kind == Kind::boolean) return Value{cell.boolean};
      if (auto flag = parse_boolean(cell.text)) return Value{*flag};
      problem = "not a boolean: " + excerpt(cell.text) + " (expected evet/hayır, true/false, 1/0)";
      return std::nullopt;
    }
    case ValueType::invalid: break;
  }
  problem = "column has no type";
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Header binding

std::string fold_header(std::string_view header) {
  header = trim(header);
  std::string out;
  out.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(header[i]);
    if (c < 0x80) {
      if (c == ' ' || c == '-' || c == '.') {
        if (!out.empty() && out.back() != '_') out.push_back('_');
      } else {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
      }
      continue;
    }
    if (i + 1 < header.size()) {
      unsigned code = ((c & 0x1fu) << 6) | (static_cast<unsigned char>(header[i + 1]) & 0x3fu);
      char mapped = 0;
      switch (code) {
        case 0x131: case 0x130: mapped = 'i'; break;  // ı İ
        case 0x15f: case 0x15e: mapped = 's'; break;  // ş Ş
        case 0x11f: case 0x11e: mapped = 'g'; break;  // ğ Ğ
        case 0xe7: case 0xc7: mapped = 'c'; break;    // ç Ç
        case 0xf6: case 0xd6: mapped = 'o'; break;    // ö Ö
        case 0xfc: case 0xdc: mapped = 'u'; break;    // ü Ü
        case 0xe2: case 0xc2: mapped = 'a'; break;    // â Â
        case 0xee: case 0xce: mapped = 'i'; break;    // î Î
        case 0xfb: case 0xdb: mapped = 'u'; break;    // û Û
        default: break;
      }
      if (mapped && (c & 0xe0u) == 0xc0u) {
        out.push_back(mapped);
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

HeaderRules::HeaderRules(const SchemaTable& table, const Params& params,
                         const std::string& base_dir, const Location& at)
    : table_(table) {
  // Renames: from the mapping file first, then map.<header> parameters (which win).
  if (auto it = params.find("mapping"); it != params.end()) {
    std::filesystem::path path(it->second);
    if (path.is_relative() && !base_dir.empty()) path = std::filesystem::path(base_dir) / path;
    std::string text = read_text_file(path.string(), at);
    std::istringstream lines(text);
    std::string line;
    uint32_t number = 0;
    while (std::getline(lines, line)) {
      ++number;
      std::string_view view = trim(line);
      if (view.empty() || view.front() == '#') continue;
      std::size_t eq = view.find('=');
      if (eq == std::string_view::npos) {
        throw Error(ErrorCode::data, Location{display_name(path.string()), number, 0, {}},
                    "expected 'source header = column', got " + excerpt(view));
      }
      std::string target(trim(view.substr(eq + 1)));
      // "table.column" is accepted and applies to that table only.
      if (std::size_t dot = target.find('.'); dot != std::string::npos) {
        if (target.substr(0, dot) != table.name) continue;
        target = target.substr(dot + 1);
      }
      renames_[fold_header(view.substr(0, eq))] = target;
    }
  }
  for (const auto& [key, value] : params) {
    if (key.rfind("map.", 0) == 0) renames_[fold_header(key.substr(4))] = value;
  }
  if (auto it = params.find("ignore"); it != params.end()) {
    std::string_view list = it->second;
    while (!list.empty()) {
      std::size_t comma = list.find(',');
      ignored_.insert(fold_header(list.substr(0, comma)));
      list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
  }
}

int HeaderRules::resolve(const std::string& header, const Location& at) const {
  std::string folded = fold_header(header);
  // A blank header cell (a trailing delimiter, an empty spreadsheet column) feeds nothing.
  if (folded.empty() || ignored_.count(folded)) return -1;
  std::string name = folded;
  if (auto rename = renames_.find(folded); rename != renames_.end()) name = rename->second;
  for (std::size_t c = 0; c < table_.columns.size(); ++c) {
    if (table_.columns[c].name == name) return static_cast<int>(c);
  }
  throw Error(ErrorCode::data, at,
              "unknown column '" + header + "' in table '" + table_.name + "'",
              "rename it with map." + header + "=<column> or skip it with ignore=" + header);
}

void HeaderRules::check_required(const std::vector<bool>& seen, const Location& at) const {
  for (std::size_t c = 0; c < table_.columns.size(); ++c) {
    if ((c >= seen.size() || !seen[c]) && !table_.columns[c].nullable) {
      throw Error(ErrorCode::data, at,
                  "missing required column '" + table_.columns[c].name + "' of table '" +
                      table_.name + "'");
    }
  }
}

ColumnBinding::ColumnBinding(const SchemaTable& table, const std::vector<std::string>& header,
                             const Params& params, const std::string& base_dir,
                             const Location& at) {
  HeaderRules rules(table, params, base_dir, at);
  std::vector<bool> seen(table.columns.size(), false);
  targets_.assign(header.size(), -1);
  for (std::size_t i = 0; i < header.size(); ++i) {
    int index = rules.resolve(header[i], at);
    if (index < 0) continue;
    if (seen[static_cast<std::size_t>(index)]) {
      throw Error(ErrorCode::data, at,
                  "column '" + table.columns[static_cast<std::size_t>(index)].name +
                      "' appears twice in the header");
    }
    seen[static_cast<std::size_t>(index)] = true;
    targets_[i] = index;
  }
  rules.check_required(seen, at);
}

// ---------------------------------------------------------------------------------------------
// Parameters

std::string require_param(const DataSourceContext& context, const std::string& key) {
  auto it = context.params.find(key);
  if (it == context.params.end() || it->second.empty()) {
    throw Error(ErrorCode::project, context.origin,
                "data source '" + context.name + "' needs the parameter '" + key + "'");
  }
  return it->second;
}

std::string param_or(const Params& params, const std::string& key, const std::string& fallback) {
  auto it = params.find(key);
  return it == params.end() ? fallback : it->second;
}

std::string resolve_path(const DataSourceContext& context, const std::string& path) {
  if (context.base_dir.empty()) return path;  // no project (unit tests, fuzzers)
  return resolve_project_path(context, path).path.string();
}

Params checked_params(const DataSourceContext& context) {
  Params params = context.params;
  for (const char* key : {"mapping", "columns"}) {
    auto it = params.find(key);
    if (it != params.end() && !it->second.empty()) it->second = resolve_path(context, it->second);
  }
  return params;
}

std::string display_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

std::size_t size_param(const Params& params, const std::string& key, std::size_t fallback,
                       const Location& at) {
  auto it = params.find(key);
  if (it == params.end()) return fallback;
  int64_t value = 0;
  if (!parse_int(it->second, value) || value < 0 || (value == 0 && fallback != 0)) {
    throw Error(ErrorCode::usage, at, "bad value for '" + key + "': " + excerpt(it->second),
                "give a positive whole number");
  }
  return static_cast<std::size_t>(value);
}

RowSink& TableCollector::open(const SchemaTable& table) {
  auto& slot = tables_[table.name];
  if (!slot) {
    slot = std::make_unique<Table>(table.name, table.columns);
    slot->source = source_;
    sinks_[table.name] = std::make_unique<TableSink>(*slot);
  }
  return *sinks_[table.name];
}

void TableCollector::put_into(Dataset& dataset) {
  for (auto& [name, table] : tables_) dataset.put(std::move(*table));
  tables_.clear();
  sinks_.clear();
}

}  // namespace dizgi::data
