// Loading the data of a book: every <source> of the project through its data-source plugin,
// into one dataset, followed by the derived tables (derived.hpp), so that `dizgi data` and the
// book build see the same figures.
#pragma once

#include "data/derived.hpp"
#include "plugin/host.hpp"
#include "project/project.hpp"

#include <dizgi/diagnostics.hpp>
#include <dizgi/model/dataset.hpp>

namespace dizgi::data {

struct LoadOptions {
  bool derived = true;      // add gosterge_sonuc, hedef_sonuc, ... (add_derived_tables)
  DerivedOptions derived_options;
};

// Runs the sources in the order of book.xml; a later source replaces a table of the same name
// (reported as info). Throws the first source's Error as a copy made in the host (same code,
// place, message and hint: an exception object created in a plugin must not outlive the plugin
// library); another exception from a plugin becomes Error(ErrorCode::plugin) at the <source>
// element, and so does an unknown plugin id.
Dataset load_dataset(const project::Project& project, const plugin::Host& host, DiagnosticSink& sink,
                     const LoadOptions& options = {});

}  // namespace dizgi::data
