// Session::build: one book from its project file to preflighted PDFs, as values.
#include "job/job.hpp"

#include "compose/render_book.hpp"
#include "job/batch.hpp"
#include "job/job_private.hpp"
#include "layout/template.hpp"
#include "output/profile.hpp"
#include "util/output_path.hpp"
#include "preflight/preflight.hpp"

#include <dizgi/sdk/layout.hpp>

#include <algorithm>
#include <chrono>
#include <exception>

namespace dizgi::job {

namespace {

// Whether an output answers to a profile name given with --profile: its own name in book.xml,
// the profile file's name or one of its aliases.
bool answers_to(const project::OutputSpec& output, const output::OutputProfile& profile, const std::string& name) {
  return name == output.profile || name == profile.name ||
         std::find(profile.aliases.begin(), profile.aliases.end(), name) != profile.aliases.end();
}

// The outputs the book asks for, or print and web named after the book file.
std::vector<project::OutputSpec> outputs_of(const project::Project& book, const std::filesystem::path& file) {
  if (!book.outputs.empty()) return book.outputs;
  std::string stem = file.stem().string();
  return {{"print", stem + "-print.pdf"}, {"web", stem + "-web.pdf"}};
}

// Everything a build does once the data is loaded and checked; throws dizgi::Error when the book,
// its data or a plugin is wrong. Outputs written so far are in `result` when it throws.
void run(plugin::Host& host, text::Shaper& shaper, const BookData& data, const BuildOptions& options,
         const Progress& progress, DiagnosticSink& sink, BuildResult& result) {
  auto step = [&](const std::string& text) {
    if (progress) progress(text);
  };
  const project::Project& book = data.project;

  doc::Document document = compose_document(host, data, sink);
  result.metadata = document.metadata;

  layout::Template style =
      book.template_file.empty() ? layout::default_template() : layout::load_template(book.template_file);

  // Each output with its profile; --profile keeps the outputs it names, and a profile the book
  // has no output for (a copy being tried out) gets one: BOOK-NAME.pdf.
  std::vector<std::pair<project::OutputSpec, output::OutputProfile>> jobs;
  for (const project::OutputSpec& output : outputs_of(book, options.book))
    jobs.emplace_back(output, output::load_profile(output.profile, book.dir));
  for (const std::string& name : options.profiles) {
    if (std::any_of(jobs.begin(), jobs.end(), [&](const auto& job) { return answers_to(job.first, job.second, name); }))
      continue;
    output::OutputProfile profile = output::load_profile(name);
    jobs.emplace_back(project::OutputSpec{name, options.book.stem().string() + "-" + profile.name + ".pdf"}, profile);
  }
  // One layout for all outputs. A book with fonts of its own (fonts/) gets a shaper of its own,
  // so that its fonts never reach the other books of the session.
  std::error_code no_fonts;
  bool own_fonts = std::filesystem::is_directory(book.dir / "fonts", no_fonts);
  // The renderer owns the document and lets it go once laid out; the last output lets the pages
  // go before its post-processing.
  compose::BookRenderer renderer(std::move(document), style, sink, own_fonts ? nullptr : &shaper);
  const auto wanted = [&](const project::OutputSpec& output, const output::OutputProfile& profile) {
    return options.profiles.empty() ||
           std::any_of(options.profiles.begin(), options.profiles.end(),
                       [&](const std::string& name) { return answers_to(output, profile, name); });
  };
  std::size_t last = jobs.size();
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (wanted(jobs[i].first, jobs[i].second)) last = i;
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    const auto& [output, profile] = jobs[i];
    if (!wanted(output, profile)) continue;
    OutputResult written;
    written.profile = output.profile;
    written.file = options.out_dir / output.file;
    util::check_output_target(options.out_dir, output.file, options.out_dir_given);
    step("setting " + written.file.string() + " (" + output.profile + ")");
    compose::RenderRequest render_request;
    render_request.last = i == last;
    render_request.profile = profile;
    render_request.output = written.file;
    render_request.base_dir = book.dir;
    if (options.preview && profile.thumbnail) {
      render_request.preview_png = written.file;
      render_request.preview_png.replace_extension(".png");
      render_request.thumbnail_width_px = options.thumbnail_width_px;
      render_request.thumbnail_every_page = options.thumbnail_every_page;
    }
    compose::RenderResult rendered = renderer.render(render_request);
    written.pages = rendered.pages;
    written.blank_pages_added = rendered.blank_pages_added;
    written.blank_pages_dropped = rendered.blank_pages_dropped;
    written.binding = profile.binding_name();
    written.passes = rendered.passes;
    written.preview = render_request.preview_png;
    if (options.preflight) {
      preflight::Options check;
      check.profile = profile.preflight;
      check.binding = profile.binding_name();
      check.min_text_pt = profile.min_text_pt;
      preflight::Report report = preflight::check_file(written.file, check);
      written.preflighted = true;
      written.preflight_profile = report.profile;
      written.preflight_errors = report.errors();
      written.preflight_warnings = report.warnings();
      written.preflight_notes = report.infos();
      if (options.strict && preflight::exit_code(report) != 0) result.outcome = Outcome::checks_failed;
    }
    result.outputs.push_back(std::move(written));
  }
}

}  // namespace

BuildResult Session::build(const BuildOptions& options, const Progress& progress) {
  return guarded_build(options, [&](DiagnosticSink& sink, BuildResult& result) {
    if (progress) progress("reading the data of " + options.book.string());
    DataRequest request;
    request.allow_outside = options.allow_outside;
    BookData data = load_data(options.book, request, sink);
    check_data(data, options.strict, sink);
    // A <batch> book alone is the book its layout parameter names (dizgi batch builds them all).
    if (data.project.batch) data.project = member_project(data.project, batch_member_named(data));
    run(m->host, m->shaper, data, options, progress, sink, result);
    ++m->books_shaped;
  });
}

BuildResult Session::build(const BookData& data, const BuildOptions& options, const Progress& progress) {
  return guarded_build(options, [&](DiagnosticSink& sink, BuildResult& result) {
    run(m->host, m->shaper, data, options, progress, sink, result);
    ++m->books_shaped;
  });
}

BuildResult Session::guarded_build(const BuildOptions& options,
                                   const std::function<void(DiagnosticSink&, BuildResult&)>& work) {
  auto started = std::chrono::steady_clock::now();
  BuildResult result;
  result.outcome = Outcome::ok;
  DiagnosticSink sink;
  // A plugin that failed to load matters to every book of the session: its warnings come first.
  for (const Diagnostic& d : m->load_sink.diagnostics()) sink.report(d);
  try {
    work(sink, result);
    if (options.strict && (sink.count(Severity::error) > 0 || sink.count(Severity::warning) > 0))
      result.outcome = Outcome::checks_failed;
  } catch (const Error& error) {
    sink.report(error.diagnostic());
    result.outcome = Outcome::input_error;
  } catch (const std::bad_alloc&) {
    sink.error("build.out-of-memory", Location{options.book.string()}, util::out_of_memory("building the book"),
               "the previous PDFs are untouched; the book's data, texts or images are larger than the memory allows");
    result.outcome = Outcome::input_error;
  } catch (const std::exception& error) {  // a library below us (qpdf, Cairo) gave up
    sink.error("build.failed", Location{options.book.string()}, error.what(),
               "the previous PDFs are untouched; report this with the book if it persists");
    result.outcome = Outcome::input_error;
  }
  result.diagnostics = sink.diagnostics();
  result.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace dizgi::job
