// dizgi/model/form.hpp — helpers for composing form blocks (docs/forms.md): statement texts
// with placeholders, and the standard signature block. Header-only: plugins call them without
// calling into the host. Since: SDK 2.4
#pragma once

#include <dizgi/model/document.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dizgi::doc {

// `text` with every "{name}" of `values` replaced by its value ("{yıl}" → "2025",
// "{idare_adı}" → "Kuzeykent Belediyesi"). A placeholder without a value is left as written, and
// its name is added to `missing` (when given) so that the caller can report it.
inline std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values,
                                     std::vector<std::string>* missing = nullptr) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::string name(text.substr(open + 1, close - open - 1));
    if (auto it = values.find(name); it != values.end()) {
      out += it->second;
    } else {
      out.append(text.substr(open, close - open + 1));
      if (missing) missing->push_back(name);
    }
    at = close + 1;
  }
  out.append(text.substr(at));
  return out;
}

// The lines of one signature block — Yer – Tarih, İmza, Adı Soyadı, Unvanı — for signer number
// `signer` (1, 2, ... side by side). Field names are "<prefix>.yer_tarih", "<prefix>.imza",
// "<prefix>.adi_soyadi", "<prefix>.unvani" (without "<prefix>." when it is empty). Prefilled
// values stay editable in a fillable form; the signature itself is never a form field.
inline std::vector<FormField> signature_block(int32_t signer, const std::string& prefix, const std::string& place_date,
                                              const std::string& name, const std::string& title) {
  const std::string p = prefix.empty() ? std::string() : prefix + ".";
  struct Line {
    const char* name;
    const char* label;
    FieldKind kind;
    const std::string* value;
  };
  const std::string none;
  const Line table[] = {{"yer_tarih", "Yer – Tarih", FieldKind::text, &place_date},
                        {"imza", "İmza", FieldKind::signature, &none},
                        {"adi_soyadi", "Adı Soyadı", FieldKind::text, &name},
                        {"unvani", "Unvanı", FieldKind::text, &title}};
  std::vector<FormField> lines;
  for (const Line& line : table) {
    FormField f;
    f.name = p + line.name;
    f.label = line.label;
    f.kind = line.kind;
    f.value = *line.value;
    f.signer = signer;
    lines.push_back(std::move(f));
  }
  return lines;
}

}  // namespace dizgi::doc
