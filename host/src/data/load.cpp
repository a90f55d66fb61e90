#include "data/load.hpp"

#include "util/memory.hpp"

#include <exception>
#include <string>
#include <utility>

namespace dizgi::data {

Dataset load_dataset(const project::Project& project, const plugin::Host& host, DiagnosticSink& sink,
                     const LoadOptions& options) {
  Dataset dataset;
  std::map<std::string, std::string> loaded_by;  // table -> source name
  for (const project::SourceSpec& spec : project.sources) {
    std::shared_ptr<DataSource> source;
    try {
      source = host.create_datasource(spec.plugin);
    } catch (const Error& error) {
      throw Error(error.code(), spec.origin, error.message(), error.hint());
    }
    DataSourceContext context;
    context.name = spec.name;
    context.params = spec.params;
    context.base_dir = project.dir.string();
    context.origin = spec.origin;
    context.sink = &sink;
    context.allow_outside = project.allow_outside;
    Dataset part;
    try {
      source->load(context, part);
    } catch (const Error& error) {
      // Rethrow a copy made here. An exception thrown inside a plugin carries the plugin's own
      // copy of ~Error (inline, hidden): if it outlived the plugin library (unloaded when the
      // last object of the plugin goes away during unwinding), destroying it would jump into
      // unmapped code.
      throw Error(error.code(), error.location(), error.message(), error.hint());
    } catch (const std::bad_alloc&) {
      throw Error(ErrorCode::data, spec.origin, util::out_of_memory("loading data source '" + spec.name + "'"),
                  "the data is larger than this machine's memory allows; split it or raise the limit");
    } catch (const std::exception& error) {
      throw Error(ErrorCode::plugin, spec.origin,
                  "data source '" + spec.plugin + "' failed: " + std::string(error.what()),
                  "report this to the plugin's author");
    }
    for (const auto& [name, table] : part.tables()) {
      if (auto it = loaded_by.find(name); it != loaded_by.end()) {
        sink.info("data.table-replaced", spec.origin,
                  "source '" + spec.name + "' replaces table '" + name + "' of source '" + it->second + "'");
      }
      loaded_by[name] = spec.name;
      dataset.put(table);
    }
  }
  if (options.derived) add_derived_tables(dataset, options.derived_options);
  return dataset;
}

}  // namespace dizgi::data
