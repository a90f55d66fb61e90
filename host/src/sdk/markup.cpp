// The small narrative markup of book texts (see dizgi/sdk/layout.hpp). Written here because it
// is a dozen rules and no packaged Markdown library keeps footnotes and sub/superscript as
// structure without HTML in between.
#include <dizgi/sdk/layout.hpp>

#include <memory>
#include <sstream>
#include <string_view>

namespace dizgi {

namespace {

void flush(std::vector<doc::Span>& spans, std::string& text, const doc::InlineStyle& style) {
  if (text.empty()) return;
  if (!spans.empty() && !spans.back().footnote && spans.back().style.bold == style.bold &&
      spans.back().style.italic == style.italic && spans.back().style.script == style.script) {
    spans.back().text += text;
  } else {
    spans.push_back(doc::Span{text, style, nullptr});
  }
  text.clear();
}

std::vector<doc::Span> parse_inline(std::string_view s, doc::InlineStyle base) {
  std::vector<doc::Span> spans;
  std::string text;
  doc::InlineStyle style = base;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      text.push_back(s[++i]);
      continue;
    }
    if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      flush(spans, text, style);
      style.bold = !style.bold;
      ++i;
      continue;
    }
    if (c == '*') {
      flush(spans, text, style);
      style.italic = !style.italic;
      continue;
    }
    if ((c == '^' || c == '_') && i + 1 < s.size() && s[i + 1] == '{') {
      std::size_t end = s.find('}', i + 2);
      if (end != std::string_view::npos) {
        flush(spans, text, style);
        doc::InlineStyle inner = style;
        inner.script = c == '^' ? doc::Script::superscript : doc::Script::subscript;
        spans.push_back(doc::Span{std::string(s.substr(i + 2, end - i - 2)), inner, nullptr});
        i = end;
        continue;
      }
    }
    if (c == '[' && i + 1 < s.size() && s[i + 1] == '@') {
      // Cross reference: [@id] gives the target's label ("Tablo 3.2"), [@sayfa:id] its page.
      std::size_t end = s.find(']', i + 2);
      if (end != std::string_view::npos) {
        flush(spans, text, style);
        std::string_view target = s.substr(i + 2, end - i - 2);
        doc::InlineStyle ref = style;
        ref.style = "xref";
        if (target.substr(0, 6) == "sayfa:") {
          ref.style = "xref-page";
          target.remove_prefix(6);
        }
        ref.link = "#" + std::string(target);
        spans.push_back(doc::Span{"?", ref, nullptr});
        i = end;
        continue;
      }
    }
    if (c == '[' && i + 1 < s.size() && s[i + 1] == '^') {
      std::size_t end = s.find(']', i + 2);
      if (end != std::string_view::npos) {
        flush(spans, text, style);
        auto note = std::make_shared<doc::Footnote>();
        note->content = parse_inline(s.substr(i + 2, end - i - 2), doc::InlineStyle{});
        doc::InlineStyle mark = style;
        mark.script = doc::Script::superscript;
        spans.push_back(doc::Span{"", mark, note});
        i = end;
        continue;
      }
    }
    text.push_back(c);
  }
  flush(spans, text, style);
  return spans;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<doc::Block> parse_markup(const std::string& text, const std::string& paragraph_style) {
  std::vector<doc::Block> blocks;
  std::string paragraph;
  doc::List list;
  auto end_paragraph = [&] {
    if (!paragraph.empty()) {
      doc::Paragraph p;
      p.content = parse_inline(paragraph, doc::InlineStyle{});
      p.style = paragraph_style;
      blocks.emplace_back(std::move(p));
      paragraph.clear();
    }
  };
  auto end_list = [&] {
    if (!list.items.empty()) {
      blocks.emplace_back(std::move(list));
      list = doc::List{};
    }
  };
  std::istringstream in(text);
  std::string raw;
  while (std::getline(in, raw)) {
    std::string_view line = trim(raw);
    if (line.empty()) {
      end_paragraph();
      end_list();
      continue;
    }
    if (line.size() > 2 && line[0] == '-' && line[1] == ' ') {
      end_paragraph();
      list.items.push_back(doc::ListItem{parse_inline(trim(line.substr(2)), doc::InlineStyle{}), 0});
      continue;
    }
    end_list();
    if (!paragraph.empty()) paragraph.push_back(' ');
    paragraph.append(line);
  }
  end_paragraph();
  end_list();
  return blocks;
}

}  // namespace dizgi
