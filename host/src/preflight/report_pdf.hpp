// The visual preflight report: a PDF with a summary page, then every page that has findings
// as a thumbnail with the offending objects outlined in red and numbered, followed by the list.
#pragma once

#include "preflight/preflight.hpp"

#include <filesystem>

namespace dizgi::preflight {

// Renders `report` for `pdf` into `output` (written to a temporary file and renamed). Page
// thumbnails stop after `timeout_seconds` (the pages then list their findings without one).
// Throws Error(ErrorCode::io) when the output cannot be written.
void write_report_pdf(const std::filesystem::path& pdf, const Report& report,
                      const std::filesystem::path& output, double timeout_seconds = 60);

}  // namespace dizgi::preflight
