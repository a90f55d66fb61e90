// Small text helpers the block layouts share: the plain text of spans, spans from a string,
// Turkish upper case and roman page labels.
#pragma once

#include <dizgi/model/document.hpp>

#include <string>
#include <vector>

namespace dizgi::layout {

std::string plain_text(const std::vector<doc::Span>& spans);
std::vector<doc::Span> spans_of(const std::string& text, bool bold = false);

// Turkish-aware uppercase ("İçindekiler" -> "İÇİNDEKİLER").
std::string upper_tr(const std::string& text);

// Roman page labels: 4 -> "iv".
std::string roman(int number);

}  // namespace dizgi::layout
