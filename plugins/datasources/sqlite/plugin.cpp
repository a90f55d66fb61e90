// The `sqlite` data-source plugin: a thin entry around sqlite_reader.
//
// Parameters (attributes or <param> of the <source> element):
//   file    a SQLite database (.sqlite, .db: opened read-only, immutable) or a .sql text file
//           (loaded into an in-memory database); relative to the book's folder
//   tables  optional list of tables to read (comma or space separated); default: all
//   schema  .sql input only: auto (default), standard, none, or a DDL file to run first
#include "sqlite_reader.hpp"

#include <dizgi/sdk/plugin.hpp>

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
    std::filesystem::path path = file;
    if (path.is_relative() && !context.base_dir.empty()) path = std::filesystem::path(context.base_dir) / path;
    dizgi::sqlite_source::ReadOptions options;
    options.tables = dizgi::sqlite_source::split_list(param("tables"));
    options.display_name = file;
    std::string schema = param("schema");
    if (!schema.empty()) {
      std::filesystem::path schema_path = schema;
      if (schema != "auto" && schema != "standard" && schema != "none" && schema_path.is_relative() &&
          !context.base_dir.empty()) {
        schema = (std::filesystem::path(context.base_dir) / schema_path).string();
      }
      options.schema = schema;
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
