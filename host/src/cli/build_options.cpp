#include "cli/build_options.hpp"

#include "cli/command.hpp"

#include <charconv>

namespace dizgi::cli {

std::optional<int> take_build_option(const std::vector<std::string>& args, std::size_t& i,
                                     job::BuildOptions& options, bool& quiet) {
  const std::string& a = args[i];
  const bool has_value = i + 1 < args.size();
  if ((a == "-o" || a == "--output") && has_value) {
    options.out_dir = args[++i];
    options.out_dir_given = true;
  } else if (a == "--profile" && has_value) {
    options.profiles.push_back(args[++i]);
  } else if (a == "--strict") {
    options.strict = true;
  } else if (a == "--allow-outside") {
    options.allow_outside = true;
  } else if (a == "--quiet" || a == "-q") {
    quiet = true;
  } else if (a == "--no-preflight") {
    options.preflight = false;
  } else if (a == "--no-preview") {
    options.preview = false;
  } else if (a == "--thumbnails" && has_value) {
    // WIDTH or WIDTH:all, e.g. 400 or 400:all
    std::string value = args[++i];
    const std::size_t colon = value.find(':');
    const std::string width = value.substr(0, colon);
    const std::string rest = colon == std::string::npos ? std::string() : value.substr(colon + 1);
    int px = 0;
    const auto [end, ec] = std::from_chars(width.data(), width.data() + width.size(), px);
    if (ec != std::errc() || end != width.data() + width.size() || px < 16 || px > 10000 ||
        (!rest.empty() && rest != "all"))
      return usage_error("--thumbnails needs a width in pixels (16 to 10000), optionally followed by ':all'");
    options.thumbnail_width_px = px;
    options.thumbnail_every_page = rest == "all";
    options.preview = true;
  } else {
    return std::nullopt;
  }
  return 0;
}

const char* const build_options_help =
    "  -o, --output DIR   output folder (created when missing)\n"
    "  --profile NAME     only the outputs of this output profile (a name or a profile\n"
    "                     file; one the book has no output for writes BOOK-NAME.pdf);\n"
    "                     repeatable\n"
    "  --strict           validation warnings and preflight errors fail the build (exit 1)\n"
    "  --allow-outside    allow paths that leave the book's folder\n"
    "  --no-preflight     skip the preflight of the written PDFs\n"
    "  --no-preview       no cover thumbnail\n"
    "  --thumbnails W[:all]  the cover thumbnail W pixels wide; with ':all' also one PNG\n"
    "                     per page (NAME-p001.png, ...), for the website\n"
    "  -q, --quiet        no progress, no notes\n";

}  // namespace dizgi::cli
