#include "layout/dump.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <locale>
#include <sstream>

namespace dizgi::layout {

namespace {

// 0.1 pt, classic locale, no "-0.0".
std::string num(double value) {
  double rounded = std::round(value * 10) / 10;
  if (rounded == 0) rounded = 0;
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.setf(std::ios::fixed);
  out.precision(1);
  out << rounded;
  return out.str();
}

// Invisible characters are spelled out so that the dump shows them.
std::string visible(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 1;
    if (i + length > text.size()) length = 1;
    uint32_t cp = byte;
    if (length == 2) cp = byte & 0x1F;
    if (length == 3) cp = byte & 0x0F;
    if (length == 4) cp = byte & 0x07;
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    bool hidden = cp < 0x20 || cp == 0x7F || cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 ||
                  cp == 0xFEFF || cp == 0xA0;
    if (hidden) {
      char code[16];
      std::snprintf(code, sizeof code, "<U+%04X>", static_cast<unsigned>(cp));
      out += code;
    } else {
      out.append(text, i, length);
    }
    i += length;
  }
  return out;
}

std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

std::string quoted(const std::string& text) { return "\"" + visible(text) + "\""; }

struct RowRun {
  std::string text;
  double x = 0;
  double baseline = 0;
  double width = 0;
};

// Runs grouped into rows: baselines closer than 5 pt belong to one row (a superscript
// footnote mark stays on its line; table rows and list markers sort by baseline).
std::vector<std::vector<RowRun>> rows_of(const Element& element) {
  std::vector<RowRun> runs;
  for (const Run& run : element.runs) {
    runs.push_back({run.shaped ? run.shaped->text : std::string("<null>"), run.x, run.baseline,
                    run.shaped ? run.shaped->width_pt * run.x_scale + run.letter_space_pt * static_cast<double>(characters(run.shaped->text)) : 0});
  }
  std::vector<double> baselines;
  for (const RowRun& r : runs) baselines.push_back(r.baseline);
  std::sort(baselines.begin(), baselines.end());
  std::vector<double> starts;  // first baseline of each cluster
  for (double b : baselines) {
    if (starts.empty() || b - starts.back() >= 5) starts.push_back(b);
  }
  std::vector<std::vector<RowRun>> rows(starts.size());
  for (const RowRun& r : runs) {
    std::size_t row = 0;
    while (row + 1 < starts.size() && r.baseline >= starts[row + 1]) ++row;
    rows[row].push_back(r);
  }
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(), [](const RowRun& a, const RowRun& b) { return a.x < b.x - 0.05; });
    // Fragments set edge to edge on one baseline (syllables, a hyphen) make one word.
    std::vector<RowRun> words;
    for (const RowRun& r : row) {
      if (!words.empty() && std::abs(words.back().baseline - r.baseline) < 0.05 &&
          std::abs(words.back().x + words.back().width - r.x) < 0.05) {
        words.back().text += r.text;
        words.back().width += r.width;
      } else {
        words.push_back(r);
      }
    }
    row = std::move(words);
  }
  return rows;
}

// "text text text @ x x x"; three or more equal runs in a row (dot leaders) collapse into
// "text×N" with their first and last x.
std::string row_text(const std::vector<RowRun>& row) {
  double main = 0;
  for (const RowRun& r : row) main = std::max(main, r.baseline);
  std::string words, xs;
  std::size_t i = 0;
  while (i < row.size()) {
    std::size_t j = i + 1;
    while (j < row.size() && row[j].text == row[i].text) ++j;
    if (!words.empty()) {
      words += ' ';
      xs += ' ';
    }
    std::string raised = row[i].baseline < main - 0.05 ? "^" : "";
    if (j - i >= 3) {
      words += raised + visible(row[i].text) + "×" + std::to_string(j - i);
      xs += num(row[i].x) + ".." + num(row[j - 1].x);
      i = j;
    } else {
      words += raised + visible(row[i].text);
      xs += num(row[i].x);
      ++i;
    }
  }
  return words + " @ " + xs;
}

void dump_element(std::ostringstream& out, const Placed& placed, const std::string& indent) {
  const Element& e = *placed.element;
  out << indent << "y=" << num(placed.y) << " h=" << num(e.height);
  if (e.heading_level > 0) {
    out << " heading=" << e.heading_level << ' ' << quoted(e.heading_text);
    if (!e.heading_id.empty()) out << " id=" << e.heading_id;
  }
  if (e.keep_with_next) out << " keep";
  if (e.break_before == BreakBefore::page) out << " break=page";
  if (e.break_before == BreakBefore::recto) out << " break=recto";
  if (e.break_before == BreakBefore::verso) out << " break=verso";
  if (e.full_page) out << " full-page";
  if (e.back_cover) out << " back-cover";
  if (e.suppress_furniture) out << " opener";
  if (e.ends_with_hyphen) out << " <hyphen>";
  // Font expansion and letter-spacing are per line: the first run that has them speaks for it.
  for (const Run& run : e.runs) {
    if (run.x_scale == 1 && run.letter_space_pt == 0) continue;
    if (run.x_scale != 1) out << " expand=" << num((run.x_scale - 1) * 100) << "%";
    if (run.letter_space_pt != 0) out << " letterspace=" << num(run.letter_space_pt * 100) << "/100pt";
    break;
  }
  if (!e.loose.empty()) out << " loose=" << e.loose.size();
  if (!e.footnotes.empty()) out << " notes=" << e.footnotes.size();
  if (!e.rects.empty()) out << " rects=" << e.rects.size();
  if (!e.rules.empty()) out << " rules=" << e.rules.size();
  if (!e.paths.empty()) out << " paths=" << e.paths.size();
  if (!e.links.empty()) {
    out << " links=";
    for (std::size_t i = 0; i < e.links.size(); ++i) out << (i ? "," : "") << e.links[i].target;
  }
  if (!e.pictures.empty()) out << " pictures=" << e.pictures.size();
  // Form widgets: name, kind and box (what a profile with form fields turns into a field).
  for (const FieldWidget& f : e.fields) {
    out << " field=" << f.name << ":" << static_cast<int>(f.kind) << "@" << num(f.x) << "," << num(f.y) << "," << num(f.w)
        << "x" << num(f.h) << (f.required ? "!" : "");
  }
  for (const std::string& anchor : e.anchors) {
    if (anchor != e.heading_id) out << " anchor=" << anchor;
  }
  out << '\n';
  auto rows = rows_of(e);
  if (rows.size() == 1) {
    out << indent << "  | " << row_text(rows.front()) << '\n';
  } else {
    for (const auto& row : rows) {
      double main = 0;
      for (const RowRun& r : row) main = std::max(main, r.baseline);
      out << indent << "  b=" << num(main) << " | " << row_text(row) << '\n';
    }
  }
}

const char* matter_name(doc::Matter matter) {
  switch (matter) {
    case doc::Matter::front: return "front";
    case doc::Matter::body: return "body";
    case doc::Matter::back: return "back";
  }
  return "?";
}

}  // namespace

std::string dump(const LaidOutBook& book) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  const PageMaster& p = book.style.page;
  out << "book pages=" << book.pages.size() << " passes=" << book.passes << " page=" << num(mm_to_pt(p.width_mm))
      << "x" << num(mm_to_pt(p.height_mm)) << "pt\n";
  for (const Page& page : book.pages) {
    out << "\npage " << page.index + 1 << " label=" << quoted(page.label) << ' ' << (page.recto ? "recto" : "verso")
        << ' ' << matter_name(page.matter);
    if (page.blank) out << " blank";
    if (page.full_page) out << " full-page";
    if (page.landscape) out << " landscape";
    out << (page.show_furniture ? " furniture" : " no-furniture") << '\n';
    for (const Placed& placed : page.content) dump_element(out, placed, "  ");
    if (!page.footnotes.empty()) {
      out << "  footnotes h=" << num(page.footnote_height) << '\n';
      for (const Placed& placed : page.footnotes) dump_element(out, placed, "    ");
    }
    for (const Placed& placed : page.furniture) {
      for (const auto& row : rows_of(*placed.element)) {
        double baseline = row.empty() ? 0 : row.front().baseline;
        out << "  furniture b=" << num(baseline) << " | " << row_text(row) << '\n';
      }
    }
  }
  if (!book.outline.empty()) {
    out << "\noutline\n";
    for (const OutlineEntry& entry : book.outline) {
      out << "  " << std::string(static_cast<std::size_t>(std::max(0, entry.level - 1)) * 2, ' ') << entry.level << ' '
          << quoted(entry.title) << " page " << entry.page + 1 << '\n';
    }
  }
  return out.str();
}

std::string dump_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += "[" + d.code + "] " + format(d) + "\n";
  return out;
}

}  // namespace dizgi::layout
