// The `sqlite` data-source plugin: a thin entry around sqlite_reader.
//
// Parameters (attributes or <param> of the <source> element):
//   file    a SQLite database (.sqlite, .db: opened read-only, immutable) or a .sql text file
//           (loaded into an in-memory database); relative to the book's folder
//   tables  optional list of tables to read (comma or space separated); default: all
//   schema  .sql input only: auto (default), standard, none, or a DDL file to run first
//   time-limit  seconds the SQL may run (default 60); memory is bounded too (512 MiB)
#include "sqlite_reader.hpp"

#include <dizgi/sdk/files.hpp>
#include <dizgi/sdk/plugin.hpp>

#include <cstdlib>
#include <filesystem>

namespace {

class SqliteSource final : public dizgi::DataSource {
 public:
  void load(const dizgi::DataSourceContext& context, dizgi::Dataset& dataset) override {
    auto param = [&](const char* key) -> std::string {
      auto it = context.params.find(key);
      return it == context.params.end() ? std::string() : it->second;
    };
    std::string file = param("file");
    if (file.empty()) {
      throw dizgi::Error(dizgi::ErrorCode::project, context.origin,
                         "source '" + context.name + "' needs a 'file' parameter",
                         "write <source plugin=\"sqlite\" file=\"data/kuzeykent.sqlite\"/>");
    }
    // Paths from the book stay in the project folder (dizgi::resolve_project_path).
    std::filesystem::path path = dizgi::resolve_project_path(context, file).path;
    dizgi::sqlite_source::ReadOptions options;
    options.tables = dizgi::sqlite_source::split_list(param("tables"));
    options.display_name = file;
    std::string schema = param("schema");
    if (!schema.empty()) {
      if (schema != "auto" && schema != "standard" && schema != "none") {
        options.schema_display = schema;
        schema = dizgi::resolve_project_path(context, schema).path.string();
      }
      options.schema = schema;
    }
    if (std::string limit = param("time-limit"); !limit.empty()) {
      char* end = nullptr;
      double seconds = std::strtod(limit.c_str(), &end);
      if (end == limit.c_str() || *end != '\0' || !(seconds > 0) || seconds > 86400) {
        throw dizgi::Error(dizgi::ErrorCode::project, context.origin,
                           "bad time-limit '" + limit + "' for source '" + context.name + "'",
                           "give the seconds the SQL may run, e.g. time-limit=\"300\" (default 60)");
      }
      options.time_limit_s = seconds;
    }
    dizgi::sqlite_source::read_file(path, options, dataset, context.sink);
  }
};

void register_sqlite(dizgi::Registry& registry) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::datasource;
  info.id = "sqlite";
  info.description = "SQLite database or .sql text in the standard schema";
  info.create_datasource = []() -> dizgi::DataSource* { return new SqliteSource; };
  registry.add_component(info, sizeof(info));
}

}  // namespace

DIZGI_PLUGIN("sqlite", "datasource", "0.1.0", register_sqlite)
