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
  if (!spans.empty() && spans.back().kind == doc::SpanKind::text && spans.back().style.bold == style.bold &&
      spans.back().style.italic == style.italic && spans.back().style.script == style.script) {
    spans.back().text += text;
  } else {
    doc::Span span;
    span.text = text;
    span.style = style;
    spans.push_back(std::move(span));
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
        doc::Span script;
        script.text = std::string(s.substr(i + 2, end - i - 2));
        script.style = inner;
        spans.push_back(std::move(script));
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
        doc::Span ref;
        ref.kind = doc::SpanKind::reference;
        ref.style = style;
        if (target.substr(0, 6) == "sayfa:") {
          ref.kind = doc::SpanKind::page_reference;
          target.remove_prefix(6);
        }
        ref.target = std::string(target);
        spans.push_back(std::move(ref));
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
        doc::Span mark;
        mark.kind = doc::SpanKind::footnote;
        mark.style = style;
        mark.style.script = doc::Script::superscript;
        mark.footnote = std::move(note);
        spans.push_back(std::move(mark));
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

std::vector<doc::Block> parse_markup(const std::string& text, const std::string& paragraph_style,
                                     const std::string& origin_file) {
  std::vector<doc::Block> blocks;
  std::string paragraph;
  doc::List list;
  int line_number = 0, paragraph_line = 0, list_line = 0;
  auto origin = [&](int line) {
    doc::Origin o;
    o.file = origin_file;
    o.line = line;
    return o;
  };
  auto end_paragraph = [&] {
    if (!paragraph.empty()) {
      doc::Paragraph p;
      p.content = parse_inline(paragraph, doc::InlineStyle{});
      p.style = paragraph_style;
      p.origin = origin(paragraph_line);
      blocks.emplace_back(std::move(p));
      paragraph.clear();
    }
  };
  auto end_list = [&] {
    if (!list.items.empty()) {
      list.origin = origin(list_line);
      blocks.emplace_back(std::move(list));
      list = doc::List{};
    }
  };
  std::istringstream in(text);
  std::string raw;
  while (std::getline(in, raw)) {
    ++line_number;
    std::string_view line = trim(raw);
    if (line.empty()) {
      end_paragraph();
      end_list();
      continue;
    }
    if (line.size() > 2 && line[0] == '-' && line[1] == ' ') {
      end_paragraph();
      if (list.items.empty()) list_line = line_number;
      list.items.push_back(doc::ListItem{parse_inline(trim(line.substr(2)), doc::InlineStyle{}), 0});
      continue;
    }
    end_list();
    if (paragraph.empty()) paragraph_line = line_number;
    else paragraph.push_back(' ');
    paragraph.append(line);
  }
  end_paragraph();
  end_list();
  return blocks;
}

}  // namespace dizgi
