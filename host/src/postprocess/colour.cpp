#include "postprocess/colour.hpp"

#include "postprocess/content_lexer.hpp"

#include <algorithm>
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <lcms2.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <locale>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace dizgi::postprocess {

namespace {

// Resource names this step adds; prefixed so they never meet Cairo's own.
constexpr const char* all_space = "/DzAll";
// /DzOPsf: overprint state s (stroke) and f (fill), each 0 or 1.
std::string overprint_state_name(bool stroke, bool fill) {
  return std::string("/DzOP") + (stroke ? "1" : "0") + (fill ? "1" : "0");
}

struct CmsDeleter {
  void operator()(void* handle) const { cmsDeleteTransform(handle); }
};

// sRGB to the output profile with lcms2, cached per colour.
class RgbToCmyk {
 public:
  explicit RgbToCmyk(const std::string& icc) {
    cmsHPROFILE srgb = cmsCreate_sRGBProfile();
    cmsHPROFILE out = cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size()));
    if (!out || cmsGetColorSpace(out) != cmsSigCmykData) {
      if (out) cmsCloseProfile(out);
      cmsCloseProfile(srgb);
      throw std::runtime_error("the output ICC profile is not a CMYK profile");
    }
    transform_.reset(cmsCreateTransform(srgb, TYPE_RGB_DBL, out, TYPE_CMYK_DBL, INTENT_RELATIVE_COLORIMETRIC,
                                        cmsFLAGS_BLACKPOINTCOMPENSATION));
    cmsCloseProfile(out);
    cmsCloseProfile(srgb);
    if (!transform_) throw std::runtime_error("lcms2 cannot convert sRGB to the output ICC profile");
  }

  // CMYK in percent.
  output::ProcessColour convert(double r, double g, double b) {
    std::array<double, 3> key{r, g, b};
    auto cached = cache_.find(key);
    if (cached != cache_.end()) return cached->second;
    double in[3] = {r, g, b};    // lcms2: RGB doubles are 0..1,
    double out[4] = {0, 0, 0, 0};  // CMYK doubles 0..100
    cmsDoTransform(transform_.get(), in, out, 1);
    output::ProcessColour colour{out[0], out[1], out[2], out[3]};
    cache_.emplace(key, colour);
    return colour;
  }

 private:
  std::unique_ptr<void, CmsDeleter> transform_;
  std::map<std::array<double, 3>, output::ProcessColour> cache_;
};

std::string number(double value) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  double rounded = std::round(value * 10000) / 10000;
  if (rounded == 0) rounded = 0;  // no "-0"
  out << rounded;
  return out.str();
}

double clamp01(double v) { return v < 0 ? 0 : v > 1 ? 1 : v; }

// The CMYK an RGB colour becomes: the template's value, K-only for greys, else lcms2.
output::ProcessColour process_colour(const ColourOptions& options, RgbToCmyk& convert, double r, double g, double b) {
  if (options.colours) {
    if (auto exact = options.colours->find(r, g, b)) return *exact;
  }
  if (r == g && g == b) return output::ProcessColour{0, 0, 0, (1 - r) * 100};  // greys: K only
  return convert.convert(r, g, b);
}

// The operands before an operator when all of them are numbers (none when one is not).
std::vector<double> numbers(std::string_view operands) {
  std::vector<double> values;
  std::size_t i = 0;
  while (i < operands.size()) {
    if (is_pdf_space(operands[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < operands.size() && !is_pdf_space(operands[j])) ++j;
    std::string_view word = operands.substr(i, j - i);
    if (word.front() == '+') word.remove_prefix(1);  // from_chars reads no plus sign
    double v = 0;
    const auto [stop, error] = std::from_chars(word.data(), word.data() + word.size(), v);
    if (error != std::errc() || stop != word.data() + word.size()) return {};
    values.push_back(v);
    i = j;
  }
  return values;
}

// Rewrites the colour operators of a content stream: each rg, RG, g and G becomes the
// overprint state it needs and the CMYK colour (k, K) or the registration colour. The rest of
// the stream is copied as it is: the operators are found with the content lexer, not by
// tokenizing every operand.
class ColourRewriter {
 public:
  ColourRewriter(const ColourOptions& options, RgbToCmyk& convert) : options_(options), convert_(convert) {}

  std::string rewrite(const std::string& content) {
    std::string out;
    out.reserve(content.size() + content.size() / 4);
    ContentLexer lexer(content);
    std::size_t copied = 0, after_previous = 0, begin = 0, end = 0;
    while (lexer.next_operator(begin, end)) {
      const std::string_view op(content.data() + begin, end - begin);
      if (op == "q") {
        stack_.push_back(state_);
      } else if (op == "Q" && !stack_.empty()) {
        state_ = stack_.back();
        stack_.pop_back();
      }
      const bool fill = op == "rg" || op == "g", stroke = op == "RG" || op == "G";
      if (fill || stroke) {
        const std::string_view operands(content.data() + after_previous, begin - after_previous);
        const std::vector<double> v = numbers(operands);
        const std::size_t wanted = op.size() == 2 ? 3 : 1;
        if (v.size() == wanted) {
          // The white space before the operands stays; the operands and the operator go.
          std::size_t first = 0;
          while (first < operands.size() && is_pdf_space(operands[first])) ++first;
          out.append(content, copied, after_previous + first - copied);
          const double r = clamp01(v[0]), g = wanted == 3 ? clamp01(v[1]) : r, b = wanted == 3 ? clamp01(v[2]) : r;
          append_colour(out, process_colour(options_, convert_, r, g, b), stroke, first > 0);
          copied = end;
        }
      }
      after_previous = end;
    }
    out.append(content, copied);
    return out;
  }

 private:
  struct Overprint {
    bool stroke = false;
    bool fill = false;
  };

  void append_colour(std::string& out, const output::ProcessColour& colour, bool stroke, bool spaced) {
    const bool overprint = options_.black_overprint && colour.is_black();
    (stroke ? state_.stroke : state_.fill) = overprint;
    if (!spaced) out += ' ';
    out += overprint_state_name(state_.stroke, state_.fill) + " gs ";
    if (colour.registration) {
      out += std::string(all_space) + (stroke ? " CS 1 SCN" : " cs 1 scn");
    } else {
      out += number(colour.c / 100) + " " + number(colour.m / 100) + " " + number(colour.y / 100) + " " +
             number(colour.k / 100) + (stroke ? " K" : " k");
    }
  }

  const ColourOptions& options_;
  RgbToCmyk& convert_;
  Overprint state_;
  std::vector<Overprint> stack_;
};

QPDFObjectHandle name(const char* text) { return QPDFObjectHandle::newName(text); }

// The resources every rewritten stream may name: the overprint states and /Separation /All.
void add_resources(QPDFObjectHandle resources, const std::map<std::string, QPDFObjectHandle>& states,
                   QPDFObjectHandle all) {
  if (!resources.isDictionary()) return;
  QPDFObjectHandle gs = resources.getKey("/ExtGState");
  if (!gs.isDictionary()) {
    gs = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/ExtGState", gs);
  }
  for (const auto& [key, state] : states) gs.replaceKey(key, state);
  QPDFObjectHandle spaces = resources.getKey("/ColorSpace");
  if (!spaces.isDictionary()) {
    spaces = QPDFObjectHandle::newDictionary();
    resources.replaceKey("/ColorSpace", spaces);
  }
  spaces.replaceKey(all_space, all);
}

QPDFObjectHandle ensure_resources(QPDFObjectHandle dict) {
  QPDFObjectHandle resources = dict.getKey("/Resources");
  if (!resources.isDictionary()) {
    resources = QPDFObjectHandle::newDictionary();
    dict.replaceKey("/Resources", resources);
  }
  return resources;
}

void filter_stream(QPDFObjectHandle stream, ColourRewriter& rewriter) {
  std::shared_ptr<Buffer> data = stream.getStreamData(qpdf_dl_generalized);
  const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  stream.replaceStreamData(rewriter.rewrite(content), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

// An RGB colour array of a shading function ([r g b]) as CMYK.
QPDFObjectHandle cmyk_array(const ColourOptions& options, RgbToCmyk& convert, QPDFObjectHandle rgb) {
  std::vector<double> v;
  for (int i = 0; i < rgb.getArrayNItems(); ++i) v.push_back(clamp01(rgb.getArrayItem(i).getNumericValue()));
  const output::ProcessColour c = process_colour(options, convert, v[0], v[1], v[2]);
  QPDFObjectHandle out = QPDFObjectHandle::newArray();
  for (double ink : {c.c, c.m, c.y, c.k}) out.appendItem(QPDFObjectHandle::newReal(ink / 100, 4));
  return out;
}

bool rgb_triple(QPDFObjectHandle array) {
  if (!array.isArray() || array.getArrayNItems() != 3) return false;
  for (int i = 0; i < 3; ++i) {
    if (!array.getArrayItem(i).isNumber()) return false;
  }
  return true;
}

// Exponential functions (type 2) with RGB C0/C1, alone or stitched (type 3): what Cairo writes
// for gradients. False when the function is of another kind (left as it is).
bool function_to_cmyk(const ColourOptions& options, RgbToCmyk& convert, QPDFObjectHandle function) {
  if (!function.isDictionary() || !function.getKey("/FunctionType").isInteger()) return false;
  const long long type = function.getKey("/FunctionType").getIntValue();
  if (type == 2) {
    QPDFObjectHandle c0 = function.getKey("/C0"), c1 = function.getKey("/C1");
    if (!rgb_triple(c0) || !rgb_triple(c1)) return false;
    function.replaceKey("/C0", cmyk_array(options, convert, c0));
    function.replaceKey("/C1", cmyk_array(options, convert, c1));
    return true;
  }
  if (type == 3 && function.getKey("/Functions").isArray()) {
    QPDFObjectHandle parts = function.getKey("/Functions");
    for (int i = 0; i < parts.getArrayNItems(); ++i) {
      if (!function_to_cmyk(options, convert, parts.getArrayItem(i))) return false;
    }
    return true;
  }
  return false;
}

// An axial or radial shading in DeviceRGB becomes DeviceCMYK with converted colour stops.
void shading_to_cmyk(const ColourOptions& options, RgbToCmyk& convert, QPDFObjectHandle shading) {
  if (!shading.isDictionary() || !shading.getKey("/ShadingType").isInteger()) return;
  QPDFObjectHandle space = shading.getKey("/ColorSpace");
  if (!space.isName() || space.getName() != "/DeviceRGB") return;
  if (function_to_cmyk(options, convert, shading.getKey("/Function"))) {
    shading.replaceKey("/ColorSpace", name("/DeviceCMYK"));
  }
}

// A transparency group in DeviceRGB blends in the wrong space for a CMYK job.
void group_to_cmyk(QPDFObjectHandle dict) {
  QPDFObjectHandle group = dict.getKey("/Group");
  if (group.isDictionary() && group.getKey("/CS").isName() && group.getKey("/CS").getName() == "/DeviceRGB") {
    group.replaceKey("/CS", name("/DeviceCMYK"));
  }
}

}  // namespace

std::string srgb_icc() {
  cmsHPROFILE profile = cmsCreate_sRGBProfile();
  cmsUInt32Number size = 0;
  cmsSaveProfileToMem(profile, nullptr, &size);
  std::string bytes(size, '\0');
  cmsSaveProfileToMem(profile, bytes.data(), &size);
  cmsCloseProfile(profile);
  // lcms2 stamps the profile with the time it was made (header bytes 24-35); a fixed date keeps
  // the PDF byte-identical between runs.
  const unsigned char fixed_date[12] = {0x07, 0xEA, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};  // 2026-01-01 00:00:00
  if (bytes.size() >= 36) std::copy(std::begin(fixed_date), std::end(fixed_date), bytes.begin() + 24);
  return bytes;
}

void convert_to_cmyk(QPDF& pdf, const ColourOptions& options) {
  RgbToCmyk convert(options.output_icc);

  std::map<std::string, QPDFObjectHandle> states;
  for (bool stroke : {false, true}) {
    for (bool fill : {false, true}) {
      QPDFObjectHandle gs = QPDFObjectHandle::newDictionary();
      gs.replaceKey("/Type", name("/ExtGState"));
      gs.replaceKey("/OP", QPDFObjectHandle::newBool(stroke));
      gs.replaceKey("/op", QPDFObjectHandle::newBool(fill));
      gs.replaceKey("/OPM", QPDFObjectHandle::newInteger(1));
      states[overprint_state_name(stroke, fill)] = pdf.makeIndirectObject(gs);
    }
  }
  // /Separation /All: the registration colour of printer's marks, on every plate.
  QPDFObjectHandle tint = QPDFObjectHandle::parse("<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>");
  QPDFObjectHandle all = QPDFObjectHandle::newArray();
  all.appendItem(name("/Separation"));
  all.appendItem(name("/All"));
  all.appendItem(name("/DeviceCMYK"));
  all.appendItem(pdf.makeIndirectObject(tint));
  all = pdf.makeIndirectObject(all);

  // sRGB for images, embedded once.
  QPDFObjectHandle srgb_stream = pdf.newStream(srgb_icc());
  srgb_stream.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
  QPDFObjectHandle icc_rgb = QPDFObjectHandle::newArray();
  icc_rgb.appendItem(name("/ICCBased"));
  icc_rgb.appendItem(srgb_stream);
  icc_rgb = pdf.makeIndirectObject(icc_rgb);

  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    QPDFObjectHandle dict = page.getObjectHandle();
    ColourRewriter rewriter(options, convert);
    Pl_Buffer buffer("page colour");
    page.pipeContents(&buffer);
    std::unique_ptr<Buffer> data(buffer.getBuffer());
    const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    dict.replaceKey("/Contents", pdf.newStream(rewriter.rewrite(content)));
    add_resources(ensure_resources(dict), states, all);
    group_to_cmyk(dict);
  }
  for (QPDFObjectHandle object : pdf.getAllObjects()) {
    if (object.isDictionary()) {
      shading_to_cmyk(options, convert, object);
      // Shading patterns hold their shading directly.
      if (object.getKey("/PatternType").isInteger()) shading_to_cmyk(options, convert, object.getKey("/Shading"));
      continue;
    }
    if (!object.isStream()) continue;
    QPDFObjectHandle dict = object.getDict();
    const bool form = dict.getKey("/Subtype").isName() && dict.getKey("/Subtype").getName() == "/Form";
    const bool tiling = dict.getKey("/PatternType").isInteger() && dict.getKey("/PatternType").getIntValue() == 1;
    if (form || tiling) {
      ColourRewriter rewriter(options, convert);
      filter_stream(object, rewriter);
      add_resources(ensure_resources(dict), states, all);
      group_to_cmyk(dict);
    }
    shading_to_cmyk(options, convert, dict);  // shading streams (types 4 to 7 are left)
    const bool image = dict.getKey("/Subtype").isName() && dict.getKey("/Subtype").getName() == "/Image";
    if (image && dict.getKey("/ColorSpace").isName() && dict.getKey("/ColorSpace").getName() == "/DeviceRGB") {
      dict.replaceKey("/ColorSpace", icc_rgb);
    }
  }
}

}  // namespace dizgi::postprocess
