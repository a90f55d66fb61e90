// Internals of the build API shared by its source files: the session's members and the guard
// around plugin code. Only host/src/job/ includes this.
#pragma once

#include "job/job.hpp"
#include "plugin/host.hpp"
#include "text/shaper.hpp"
#include "util/memory.hpp"

#include <dizgi/diagnostics.hpp>

#include <exception>
#include <new>
#include <string>
#include <vector>

namespace dizgi::job {

class Session::Members {
 public:
  Members();

  DiagnosticSink load_sink;  // the plugin host's diagnostics, kept for load_diagnostics()
  plugin::Host host;
  text::Shaper shaper;       // the font cache every book of the session is shaped with
  int plugin_loads = 0;
  int books_shaped = 0;
};

// The book's document from its layout plugin (the metadata of book.xml when the layout sets
// none). Throws dizgi::Error. Shared by build and lay_out.
doc::Document compose_document(const plugin::Host& host, const BookData& data, DiagnosticSink& sink);

// The plugin file a component comes from, for messages about it (the component id if unknown).
std::string plugin_file(const plugin::Host& host, const std::string& component);

// Runs plugin code: dizgi::Error passes through (it names its own file and place); anything
// else a plugin throws becomes one error naming the plugin file.
template <typename F>
auto guarded(const plugin::Host& host, const std::string& component, const char* what, F&& f) {
  try {
    return f();
  } catch (const Error& e) {
    // A copy made here: the plugin's own exception object carries the plugin's copy of ~Error,
    // which must not run after the plugin library is unloaded (the session ends while unwinding).
    throw Error(e.code(), e.location(), e.message(), e.hint());
  } catch (const std::bad_alloc&) {
    throw Error(ErrorCode::plugin, Location{plugin_file(host, component)}, util::out_of_memory(what),
                "the book's data or texts are larger than this machine's memory allows");
  } catch (const std::exception& e) {
    throw Error(ErrorCode::plugin, Location{plugin_file(host, component)},
                std::string(what) + " failed: " + e.what(), "report this to the plugin's authors");
  } catch (...) {
    throw Error(ErrorCode::plugin, Location{plugin_file(host, component)},
                std::string(what) + " failed with an unknown exception");
  }
}

}  // namespace dizgi::job
