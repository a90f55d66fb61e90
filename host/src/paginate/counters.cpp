#include "paginate/counters.hpp"

#include "layout/text_util.hpp"

#include <dizgi/model/format.hpp>

#include <algorithm>

namespace dizgi::paginate {

using layout::Numbering;
using layout::plain_text;

namespace {

std::string number_heading(const Numbering& numbering, const int (&counters)[7], int level) {
  int n = counters[level];
  std::string text;
  if (numbering.style == "roman") text = format_roman(n);
  else if (numbering.style == "letter") text = format_letter_tr(n);
  else if (numbering.style == "decimal") text = std::to_string(n);
  else if (numbering.style == "decimal-path") {
    for (int l = 1; l <= level; ++l) {
      if (!text.empty()) text += ".";
      text += std::to_string(std::max(1, counters[l]));
    }
  } else return {};
  return text + numbering.suffix;
}

}  // namespace

Counters count(const doc::Document& document, const layout::Template& style) {
  Counters scan;
  int heading_count = 0, table_count = 0, chart_count = 0, figure_count = 0;
  int counters[7] = {0, 0, 0, 0, 0, 0, 0};
  int uncaptioned = 0;
  int chapter = 0, table_in_chapter = 0, chart_in_chapter = 0, figure_in_chapter = 0;
  bool by_chapter = style.captions.numbering == "chapter";
  bool numbered = style.captions.numbering != "none";
  auto label = [&](const std::string& word, int whole, int in_chapter) {
    if (by_chapter && chapter > 0) return word + " " + std::to_string(chapter) + "." + std::to_string(in_chapter);
    return word + " " + std::to_string(whole);
  };
  // "Tablo 3: Gelirler", or with captions numbering="none" the caption alone (a reference to it
  // then reads as its text).
  auto caption_of = [&](const std::string& name, const std::string& text) {
    return numbered ? name + style.captions.separator + text : text;
  };
  // The next table (or form numbered as one): its id, label and caption.
  // A table without a caption (a list of abbreviations, an imprint's lines) takes no number: the
  // numbers in the list of tables run without a gap.
  auto number_table = [&](const void* block, const std::string& given_id, const std::string& text) {
    if (text.empty()) {
      scan.ids[block] = given_id.empty() ? "tablo-" + std::to_string(table_count) + "-" + std::to_string(++uncaptioned)
                                         : given_id;
      return;
    }
    ++table_count;
    ++table_in_chapter;
    std::string id = given_id.empty() ? "tablo-" + std::to_string(table_count) : given_id;
    scan.ids[block] = id;
    std::string name = label(style.captions.table, table_count, table_in_chapter);
    scan.labels[id] = numbered ? name : text;
    std::string caption = caption_of(name, text);
    scan.captions[block] = caption;
    scan.tables.push_back({1, caption, id});
  };
  auto has_page_reference = [](const std::vector<doc::Span>& spans) {
    for (const doc::Span& span : spans)
      if (span.kind == doc::SpanKind::page_reference) return true;
    return false;
  };
  for (const doc::Section& section : document.sections) {
    for (const doc::Block& block : section.blocks) {
      if (std::holds_alternative<doc::ListOf>(block)) scan.needs_pages = true;
      if (auto* p = std::get_if<doc::Paragraph>(&block); p && has_page_reference(p->content)) scan.needs_pages = true;
      if (auto* l = std::get_if<doc::List>(&block)) {
        for (const auto& item : l->items)
          if (has_page_reference(item.content)) scan.needs_pages = true;
      }
      if (auto* h = std::get_if<doc::Heading>(&block)) {
        int level = std::clamp(h->level, 1, 6);
        ++counters[level];
        for (int l = level + 1; l < 7; ++l) counters[l] = 0;
        if (level == 1 && section.matter == doc::Matter::body) {
          ++chapter;
          table_in_chapter = chart_in_chapter = figure_in_chapter = 0;
        }
        std::string number = h->number;
        if (number.empty()) {
          auto numbering = style.numbering.find(level);
          if (numbering != style.numbering.end()) number = number_heading(numbering->second, counters, level);
          if (!number.empty()) scan.numbers[h] = number;
        }
        std::string id = h->id.empty() ? "h" + std::to_string(++heading_count) : h->id;
        scan.ids[h] = id;
        std::string title = plain_text(h->content);
        scan.labels[id] = number.empty() ? title : number;
        if (h->in_toc) scan.contents.push_back({h->level, number.empty() ? title : number + " " + title, id});
      } else if (auto* t = std::get_if<doc::Table>(&block)) {
        number_table(t, t->id, t->caption);
      } else if (auto* f = std::get_if<doc::Form>(&block)) {
        // A form printed as a table (Tablo 1 of the Performans Programı) is numbered with the
        // tables: its title becomes the caption.
        const auto numbered_as = f->props.find("numbered");
        if (numbered_as != f->props.end() && numbered_as->second == "table") number_table(f, f->id, f->title);
      } else if (auto* c = std::get_if<doc::Chart>(&block)) {
        ++chart_count;
        ++chart_in_chapter;
        std::string id = c->id.empty() ? "grafik-" + std::to_string(chart_count) : c->id;
        scan.ids[c] = id;
        std::string name = label(style.captions.chart, chart_count, chart_in_chapter);
        scan.labels[id] = numbered || c->caption.empty() ? name : c->caption;
        std::string caption = caption_of(name, c->caption);
        scan.captions[c] = caption;
        scan.charts.push_back({1, caption, id});
      } else if (auto* image = std::get_if<doc::Image>(&block)) {
        if (image->caption.empty()) continue;
        ++figure_count;
        ++figure_in_chapter;
        std::string id = image->id.empty() ? "sekil-" + std::to_string(figure_count) : image->id;
        scan.ids[image] = id;
        std::string name = label(style.captions.figure, figure_count, figure_in_chapter);
        scan.labels[id] = numbered ? name : image->caption;
        std::string caption = caption_of(name, image->caption);
        scan.captions[image] = caption;
        scan.figures.push_back({1, caption, id});
      }
    }
  }
  return scan;
}

}  // namespace dizgi::paginate
