#include "preflight/preflight.hpp"

#include "util/text.hpp"

#include <dizgi/diagnostics.hpp>

#include "preflight/ink.hpp"
#include "preflight/profile.hpp"
#include "preflight/scan.hpp"
#include "util/json.hpp"

#include <Annot.h>
#include <Catalog.h>
#include <Error.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>
#include <XRef.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <future>
#include <locale>
#include <mutex>
#include <sstream>

namespace dizgi::preflight {

namespace {

constexpr double mm_per_pt = 25.4 / 72.0;

// Poppler reports problems through one global callback; preflight counts them instead of
// letting Poppler print to stderr.
// Per thread: the ink-coverage thread reads the same file a second time.
thread_local int poppler_errors = 0;

void count_poppler_error(ErrorCategory category, Goffset, const char*) {
  if (category == errSyntaxError || category == errIO) {
    ++poppler_errors;
  }
}

std::mutex& poppler_mutex() {
  static std::mutex mutex;
  return mutex;
}

void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    globalParams->setErrQuiet(true);
  });
  setErrorCallback(count_poppler_error);
}


std::array<double, 4> to_mm(const Box& box) {
  return {box.x0 * mm_per_pt, box.y0 * mm_per_pt, box.x1 * mm_per_pt, box.y1 * mm_per_pt};
}

// "210.0 x 297.0 mm"
std::string number_mm(const Box& box) {
  return util::format_fixed((box.x1 - box.x0) * mm_per_pt) + " x " + util::format_fixed((box.y1 - box.y0) * mm_per_pt) + " mm";
}

Box to_box(const PDFRectangle* rect, const PDFRectangle* media) {
  return Box{std::min(rect->x1, rect->x2) - media->x1, std::min(rect->y1, rect->y2) - media->y1,
             std::max(rect->x1, rect->x2) - media->x1, std::max(rect->y1, rect->y2) - media->y1};
}

bool same_box(const Box& a, const Box& b, double tolerance_pt) {
  return std::abs(a.x0 - b.x0) <= tolerance_pt && std::abs(a.y0 - b.y0) <= tolerance_pt &&
         std::abs(a.x1 - b.x1) <= tolerance_pt && std::abs(a.y1 - b.y1) <= tolerance_pt;
}

std::string lower_compact(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '-' || c == '_') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

struct Deadline {
  std::chrono::steady_clock::time_point until;
  bool expired = false;
  const std::atomic<bool>* stop = nullptr;  // set by another thread to end the work early
  bool check() {
    if (!expired && std::chrono::steady_clock::now() > until) expired = true;
    return expired || (stop != nullptr && stop->load());
  }
};

bool abort_when_late(void* data) { return static_cast<Deadline*>(data)->check(); }
bool skip_annotations(Annot*, void*) { return false; }

class Checker {
 public:
  Checker(const Profile& profile, Report& report) : profile_(profile), report_(report) {}

  void add(const std::string& id, Severity severity, std::optional<int> page,
           std::optional<Box> box, std::string message) {
    Finding finding;
    finding.id = id;
    finding.severity = severity;
    finding.page = page;
    if (box && !box->empty()) finding.bbox_mm = to_mm(*box);
    finding.message = std::move(message);
    report_.findings.push_back(std::move(finding));
  }

  // Adds a finding for a profile check; nothing when the profile turns it off.
  void check(const std::string& id, std::optional<int> page, std::optional<Box> box,
             std::string message) {
    if (auto level = profile_.level(id)) add(id, *level, page, box, std::move(message));
  }

  bool on(const std::string& id) const { return profile_.level(id).has_value(); }

 private:
  const Profile& profile_;
  Report& report_;
};

std::string info_string(PDFDoc& doc, const char* key) {
  std::unique_ptr<GooString> value = doc.getDocInfoStringEntry(key);
  if (!value) return {};
  std::string text = value->toStr();
  // UTF-16BE with a BOM: keep the ASCII letters, enough to see that it is set and what it says.
  if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xFE &&
      static_cast<unsigned char>(text[1]) == 0xFF) {
    std::string plain;
    for (std::size_t i = 3; i < text.size(); i += 2) plain.push_back(text[i]);
    text = plain;
  }
  return text;
}

std::string xmp_of(PDFDoc& doc) {
  Catalog* catalog = doc.getCatalog();
  if (catalog == nullptr) return {};
  std::unique_ptr<GooString> metadata = catalog->readMetadata();
  return metadata ? metadata->toStr() : std::string();
}

// PDF/X version from the Info dictionary or the XMP packet ("PDF/X-4", ...), or "".
std::string pdfx_version(PDFDoc& doc, const std::string& xmp) {
  std::string version = info_string(doc, "GTS_PDFXVersion");
  if (!version.empty()) return version;
  const std::size_t at = xmp.find("GTS_PDFXVersion");
  if (at == std::string::npos) return {};
  const std::size_t start = xmp.find("PDF/X-", at);
  if (start == std::string::npos || start > at + 200) return {};
  std::size_t end = start;
  while (end < xmp.size() && xmp[end] != '<' && xmp[end] != '"' && xmp[end] != '\'') ++end;
  return xmp.substr(start, end - start);
}

bool has_javascript_action(const Object& action, int depth = 0) {
  if (depth > 8 || !action.isDict()) return false;
  Object kind = action.dictLookup("S");
  if (kind.isName("JavaScript")) return true;
  Object next = action.dictLookup("Next");
  if (next.isDict()) return has_javascript_action(next, depth + 1);
  if (next.isArray()) {
    for (int i = 0; i < std::min(next.arrayGetLength(), 32); ++i) {
      if (has_javascript_action(next.arrayGet(i), depth + 1)) return true;
    }
  }
  return false;
}

bool aa_has_javascript(const Object& aa) {
  if (!aa.isDict()) return false;
  for (int i = 0; i < aa.dictGetLength(); ++i) {
    if (has_javascript_action(aa.dictGetVal(i))) return true;
  }
  return false;
}

void document_checks(PDFDoc& doc, Checker& checker, const Profile& profile, DocumentState& state) {
  Object catalog = doc.getXRef()->getCatalog();
  const std::string xmp = xmp_of(doc);
  const std::string version = pdfx_version(doc, xmp);
  state.pdfx4 = version.rfind("PDF/X-4", 0) == 0;

  if (doc.isEncrypted()) {
    checker.check("document.encrypted", std::nullopt, std::nullopt,
                  "the document is encrypted: printers and archives need it unprotected");
  }
  // JavaScript and actions.
  bool javascript = false;
  if (Catalog* cat = doc.getCatalog(); cat != nullptr && cat->numJS() > 0) javascript = true;
  Object open_action = catalog.isDict() ? catalog.dictLookup("OpenAction") : Object(objNull);
  Object catalog_aa = catalog.isDict() ? catalog.dictLookup("AA") : Object(objNull);
  if (has_javascript_action(open_action) || aa_has_javascript(catalog_aa)) javascript = true;
  if (javascript) {
    checker.check("document.javascript", std::nullopt, std::nullopt,
                  "the document contains JavaScript");
  }
  if (open_action.isDict() || catalog_aa.isDict()) {
    checker.check("document.actions", std::nullopt, std::nullopt,
                  std::string("the document runs ") +
                      (open_action.isDict() ? "an action when opened" : "document actions (/AA)"));
  }

  if (profile.intent == Intent::print) {
    if (version.empty()) {
      checker.check("document.pdfx-missing", std::nullopt, std::nullopt,
                    "no PDF/X version marker (GTS_PDFXVersion in Info or XMP)");
    }
    bool found = false;
    bool cmyk = false;
    std::string condition;
    Object intents = catalog.isDict() ? catalog.dictLookup("OutputIntents") : Object(objNull);
    for (int i = 0; intents.isArray() && i < std::min(intents.arrayGetLength(), 16); ++i) {
      Object intent = intents.arrayGet(i);
      if (!intent.isDict() || !intent.dictLookup("S").isName("GTS_PDFX")) continue;
      found = true;
      Object id = intent.dictLookup("OutputConditionIdentifier");
      if (id.isString()) condition = id.getString()->toStr();
      Object icc = intent.dictLookup("DestOutputProfile");
      if (icc.isStream()) {
        Object n = icc.streamGetDict()->lookup("N");
        if (n.isInt() && n.getInt() == 4) cmyk = true;
        char header[20] = {};
        icc.streamReset();
        int count = 0;
        for (int c; count < 20 && (c = icc.streamGetChar()) != EOF; ++count) {
          header[count] = static_cast<char>(c);
        }
        icc.streamClose();
        if (count == 20) cmyk = cmyk || std::string_view(header + 16, 4) == "CMYK";
      } else {
        // A registered condition without an embedded profile (PDF/X-4p style).
        const std::string c = lower_compact(condition);
        for (const char* known : {"fogra", "gracol", "swop", "isocoated", "psocoated", "psouncoated", "cgats", "ifra"}) {
          if (c.find(known) != std::string::npos) cmyk = true;
        }
      }
    }
    if (!found) {
      checker.check("document.output-intent-missing", std::nullopt, std::nullopt,
                    "no PDF/X output intent (the printing condition, with its CMYK profile)");
    } else if (!cmyk) {
      checker.check("document.output-intent-not-cmyk", std::nullopt, std::nullopt,
                    "the output intent" + (condition.empty() ? std::string() : " '" + condition + "'") +
                        " does not describe a CMYK printing condition");
    }
  }

  // Web: the things a reader and a search engine look for.
  if (checker.on("document.title-missing")) {
    std::string title = info_string(doc, "Title");
    const bool xmp_title = xmp.find("<dc:title>") != std::string::npos;
    if (std::all_of(title.begin(), title.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }) && !xmp_title) {
      checker.check("document.title-missing", std::nullopt, std::nullopt, "the document has no title");
    }
  }
  if (checker.on("document.language-missing")) {
    Object lang = catalog.isDict() ? catalog.dictLookup("Lang") : Object(objNull);
    if (!lang.isString() || lang.getString()->getLength() == 0) {
      checker.check("document.language-missing", std::nullopt, std::nullopt,
                    "the document declares no language (/Lang, e.g. tr-TR)");
    }
  }
  if (checker.on("document.untagged")) {
    Object mark = catalog.isDict() ? catalog.dictLookup("MarkInfo") : Object(objNull);
    Object marked = mark.isDict() ? mark.dictLookup("Marked") : Object(objNull);
    Object tree = catalog.isDict() ? catalog.dictLookup("StructTreeRoot") : Object(objNull);
    if (!(marked.isBool() && marked.getBool()) || !tree.isDict()) {
      checker.check("document.untagged", std::nullopt, std::nullopt,
                    "the document is not tagged (no structure tree): screen readers cannot follow it");
    }
  }
  if (checker.on("document.not-linearized") && !doc.isLinearized()) {
    checker.check("document.not-linearized", std::nullopt, std::nullopt,
                  "the document is not linearized (no fast web view)");
  }
  if (checker.on("document.no-outlines")) {
    Object outlines = catalog.isDict() ? catalog.dictLookup("Outlines") : Object(objNull);
    Object first = outlines.isDict() ? outlines.dictLookup("First") : Object(objNull);
    if (!first.isDict()) {
      checker.check("document.no-outlines", std::nullopt, std::nullopt, "the document has no bookmarks");
    }
  }
}

void page_geometry(PDFDoc& doc, Page& page, int number, Checker& checker, const Profile& profile,
                   std::optional<Box>& first_trim) {
  const PDFRectangle* media = page.getMediaBox();
  const Box media_box = to_box(media, media);
  Object page_object = doc.getXRef()->fetch(page.getRef());
  const bool has_trim = page_object.isDict() && page_object.dictLookup("TrimBox").isArray();
  if (profile.intent == Intent::print && !has_trim) {
    checker.check("geometry.trimbox-missing", number, std::nullopt, "the page has no TrimBox");
  }
  if (has_trim) {
    const Box trim = to_box(page.getTrimBox(), media);
    if (!first_trim) {
      first_trim = trim;
    } else {
      const double dw = std::abs((trim.x1 - trim.x0) - (first_trim->x1 - first_trim->x0));
      const double dh = std::abs((trim.y1 - trim.y0) - (first_trim->y1 - first_trim->y0));
      if (dw > 0.5 || dh > 0.5) {
        checker.check("geometry.trimbox-size-differs", number, trim,
                      "trim size " + number_mm(trim) + " differs from the first page's " + number_mm(*first_trim));
      }
    }
  }
  if (page.isCropped() && !same_box(to_box(page.getCropBox(), media), media_box, 0.5)) {
    checker.check("geometry.cropbox-differs", number, to_box(page.getCropBox(), media),
                  "the CropBox differs from the MediaBox");
  }
  if (page.getRotate() != 0) {
    checker.check("geometry.rotate", number, std::nullopt,
                  "the page is rotated by " + std::to_string(page.getRotate()) + " degrees (/Rotate)");
  }
  Object unit = page_object.isDict() ? page_object.dictLookup("UserUnit") : Object(objNull);
  if (unit.isNum() && std::abs(unit.getNum() - 1) > 1e-6) {
    checker.check("geometry.userunit", number, std::nullopt,
                  "the page sets UserUnit " + util::format_fixed(unit.getNum(), 3) +
                      ": its real size is not what its boxes say");
  }
}


void page_content(PDFDoc& doc, Page& page, int number, PageScanner& scanner, Checker& checker,
                  const Profile& profile) {
  const PDFRectangle* media = page.getMediaBox();
  Object page_object = doc.getXRef()->fetch(page.getRef());
  const bool has_trim = page_object.isDict() && page_object.dictLookup("TrimBox").isArray();
  const Box trim = to_box(has_trim ? page.getTrimBox() : page.getCropBox(), media);
  const Box bleed = to_box(page.getBleedBox(), media);

  // Per-object findings, folded per check.
  for (auto& [id, hit] : scanner.hits()) {
    std::string message = hit.message;
    if (hit.count > 1) message += " (" + std::to_string(hit.count) + " objects)";
    checker.check(id, number, hit.box, message);
  }

  const std::vector<Mark>& marks = scanner.marks();
  if (marks.empty()) {
    checker.check("geometry.blank-page", number, std::nullopt, "the page is blank");
  }

  if (profile.intent == Intent::print && has_trim) {
    const double need = profile.param("bleed-mm") / mm_per_pt;
    const double touch = 0.1;  // pt: "touches" tolerates rounding in the producer
    const double slack = 0.05 / mm_per_pt;
    Box short_box;
    std::vector<std::string> sides;
    const auto note = [&](const char* side, const Box& box) {
      if (std::find(sides.begin(), sides.end(), side) == sides.end()) sides.push_back(side);
      short_box.add(box);
    };
    for (const Mark& mark : marks) {
      if (mark.kind == Mark::Kind::text) continue;
      const Box& b = mark.box;
      const bool across_x = b.x1 > trim.x0 && b.x0 < trim.x1;
      const bool across_y = b.y1 > trim.y0 && b.y0 < trim.y1;
      if (!across_x || !across_y) continue;
      // A side needs bleed when the object reaches the trim edge; then the BleedBox and the
      // object itself must both reach `need` beyond it.
      if (b.x0 <= trim.x0 + touch && (trim.x0 - bleed.x0 < need - slack || trim.x0 - b.x0 < need - slack)) note("left", b);
      if (b.x1 >= trim.x1 - touch && (bleed.x1 - trim.x1 < need - slack || b.x1 - trim.x1 < need - slack)) note("right", b);
      if (b.y0 <= trim.y0 + touch && (trim.y0 - bleed.y0 < need - slack || trim.y0 - b.y0 < need - slack)) note("bottom", b);
      if (b.y1 >= trim.y1 - touch && (bleed.y1 - trim.y1 < need - slack || b.y1 - trim.y1 < need - slack)) note("top", b);
    }
    if (!sides.empty()) {
      std::string list;
      for (const std::string& side : sides) list += (list.empty() ? "" : ", ") + side;
      checker.check("geometry.bleed-insufficient", number, short_box,
                    "content touches the trim edge (" + list + ") without " +
                        util::format_fixed(profile.param("bleed-mm"), 1) + " mm of bleed");
    }
    const double safe = profile.param("safe-zone-mm") / mm_per_pt;
    Box near_box;
    int near = 0;
    for (const Mark& mark : marks) {
      if (mark.kind != Mark::Kind::text) continue;
      const Box inside = mark.box.intersect(trim);
      if (inside.empty()) continue;
      if (mark.box.x0 < trim.x0 + safe || mark.box.x1 > trim.x1 - safe ||
          mark.box.y0 < trim.y0 + safe || mark.box.y1 > trim.y1 - safe) {
        near_box.add(mark.box);
        ++near;
      }
    }
    if (near > 0) {
      checker.check("geometry.safe-zone", number, near_box,
                    "text closer than " + util::format_fixed(profile.param("safe-zone-mm"), 1) +
                        " mm to the trim edge" + (near > 1 ? " (" + std::to_string(near) + " text runs)" : std::string()));
    }
  }

  // Annotations and form fields that would print inside the trim.
  if (profile.intent == Intent::print &&
      (checker.on("document.annotation-in-trim") || checker.on("document.form-field-in-trim"))) {
    Annots* annots = page.getAnnots();
    if (annots != nullptr) {
      for (Annot* annot : annots->getAnnots()) {
        if (annot == nullptr) continue;
        const Annot::AnnotSubtype type = annot->getType();
        if (type == Annot::typeLink || type == Annot::typePopup) continue;
        const Box box = to_box(&annot->getRect(), media);
        if (box.intersect(trim).empty()) continue;
        if (type == Annot::typeWidget) {
          checker.check("document.form-field-in-trim", number, box, "a form field inside the trim");
        } else if ((annot->getFlags() & Annot::flagPrint) != 0) {
          checker.check("document.annotation-in-trim", number, box,
                        "a printing annotation inside the trim");
        }
      }
    }
  }
  Object page_aa = page_object.isDict() ? page_object.dictLookup("AA") : Object(objNull);
  if (page_aa.isDict()) {
    if (aa_has_javascript(page_aa)) {
      checker.check("document.javascript", number, std::nullopt, "the page runs JavaScript (/AA)");
    }
    checker.check("document.actions", number, std::nullopt, "the page runs actions when opened or closed (/AA)");
  }
}

void font_findings(const DocumentState& state, Checker& checker) {
  for (const auto& [key, use] : state.fonts_not_embedded) {
    checker.check("fonts.not-embedded", use.first_page, use.first_box,
                  "font '" + use.name + "' is not embedded");
  }
  for (const auto& [key, use] : state.fonts_courier) {
    checker.check("fonts.courier", use.first_page, use.first_box,
                  "font '" + use.name + "' is Courier, the usual stand-in for a missing font");
  }
  for (const auto& [key, use] : state.fonts_type3_bitmap) {
    checker.check("fonts.type3-bitmap", use.first_page, use.first_box,
                  "Type 3 font '" + use.name + "' draws bitmap glyphs");
  }
  for (const auto& [key, use] : state.fonts_type3) {
    checker.check("fonts.type3", use.first_page, use.first_box,
                  "Type 3 font '" + use.name + "' (glyphs drawn by PDF procedures; some RIPs and viewers render them poorly)");
  }
}

void spot_findings(const DocumentState& state, Checker& checker, const Profile& profile) {
  const auto& spots = state.spot_first_page;
  for (const auto& [name, page] : spots) {
    checker.check("colour.spot-colour", page, std::nullopt, "spot colour '" + name + "' (a plate of its own)");
  }
  const double allowed = profile.param("spot-max");
  if (profile.intent == Intent::print && static_cast<double>(spots.size()) > allowed) {
    std::string names;
    for (const auto& [name, page] : spots) names += (names.empty() ? "" : ", ") + name;
    checker.check("colour.spot-count", std::nullopt, std::nullopt,
                  std::to_string(spots.size()) + " spot colours (" + names + "), the profile allows " +
                      util::format_fixed(allowed, 0));
  }
  std::map<std::string, std::vector<std::string>> by_key;
  for (const auto& [name, page] : spots) by_key[lower_compact(name)].push_back(name);
  for (const auto& [key, names] : by_key) {
    if (names.size() < 2) continue;
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "'" : ", '") + name + "'";
    checker.check("colour.spot-near-duplicate", spots.at(names.front()), std::nullopt,
                  "spot colours " + list + " differ only in case or spacing: they print on separate plates");
  }
}

bool contains(const std::string& data, std::string_view what, std::size_t from, std::size_t to) {
  to = std::min(to, data.size());
  if (from >= to) return false;
  return std::string_view(data).substr(from, to - from).find(what) != std::string_view::npos;
}

}  // namespace

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
    case Severity::invalid: break;
  }
  return "invalid";
}

int Report::errors() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.severity == Severity::error; }));
}
int Report::warnings() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.severity == Severity::warning; }));
}
int Report::infos() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.severity == Severity::info; }));
}

int exit_code(const Report& report) {
  if (report.could_not_check) return 2;
  return report.errors() > 0 ? 1 : 0;
}

namespace {

// What preflight reads: the first and last bytes for the screening checks, and a way to open
// the whole for Poppler (from memory, or from the file so a large PDF is not read into memory).
struct Source {
  std::string name;
  std::uint64_t size = 0;
  std::string head;  // up to 1024 bytes
  std::string tail;  // up to 2048 bytes
  std::function<std::unique_ptr<PDFDoc>(const std::function<void()>& reconstructed)> open;
};

Report check_source(const Source& source, const Options& options) {
  Profile profile = load_profile(options.profile);
  if (!options.binding.empty()) {
    if (options.binding != "saddle-stitch" && options.binding != "perfect" && options.binding != "signatures") {
      Location location;
      location.where = "--binding";
      throw Error(ErrorCode::usage, location, "unknown binding '" + options.binding + "'",
                  "use saddle-stitch, perfect or signatures");
    }
    profile.binding = options.binding;
  }
  if (options.min_text_pt > 0) profile.params["min-text-pt"] = options.min_text_pt;
  Report report;
  report.file = source.name;
  report.profile = profile.name;
  Checker checker(profile, report);
  const auto fatal = [&](const char* id, std::string message) {
    checker.add(id, Severity::error, std::nullopt, std::nullopt, std::move(message));
    report.could_not_check = true;
    return report;
  };

  // Damaged input: what can be said before Poppler sees the bytes.
  if (source.size == 0) return fatal("input.empty", "the file is empty (0 bytes)");
  if (!contains(source.head, "%PDF-", 0, 1024)) {
    return fatal("input.not-pdf", "not a PDF: no %PDF- header in the first 1024 bytes");
  }
  const bool truncated = !contains(source.tail, "%%EOF", 0, source.tail.size());

  std::lock_guard<std::mutex> lock(poppler_mutex());
  init_poppler();
  poppler_errors = 0;
  bool reconstructed = false;
  std::unique_ptr<PDFDoc> owned_doc = source.open([&] { reconstructed = true; });
  if (!owned_doc) return fatal("input.unreadable", "cannot open the file");
  PDFDoc& doc = *owned_doc;
  if (!doc.isOk()) {
    if (doc.getErrorCode() == errEncrypted) {
      return fatal("input.password", "the document is encrypted with a password; give an unprotected copy");
    }
    if (truncated) return fatal("input.truncated", "the file is truncated (no %%EOF at its end) and cannot be read");
    return fatal("input.unreadable", "the file is damaged beyond repair (broken cross-reference table or trailer)");
  }
  if (truncated) {
    checker.add("input.truncated", Severity::error, std::nullopt, std::nullopt,
                "the file is truncated (no %%EOF at its end); content may be missing");
  }
  const int pages = doc.getNumPages();
  report.pages = std::max(pages, 0);
  if (pages <= 0) return fatal("input.unreadable", "the document has no readable pages");

  Deadline deadline;
  const double timeout = options.timeout_seconds > 0 ? options.timeout_seconds : profile.param("timeout-seconds");
  deadline.until = std::chrono::steady_clock::now() +
                   std::chrono::milliseconds(static_cast<long long>(timeout * 1000));

  DocumentState state;
  document_checks(doc, checker, profile, state);

  PageScanner scanner(profile, state);
  const bool measure_ink = options.ink_coverage && profile.intent == Intent::print && checker.on("colour.tac");
  const int max_pages = static_cast<int>(profile.param("max-pages"));
  const double ink_area = profile.param("tac-area-mm");
  // Ink coverage rasterizes every page; it runs beside the content walk on a second Poppler
  // document of the same bytes (Poppler documents are not shared between threads).
  std::atomic<bool> stop_ink{false};
  std::future<std::vector<std::optional<InkPeak>>> ink_job;
  if (measure_ink) {
    const auto until = deadline.until;
    const double ink_limit = profile.param("tac-max-percent");
    ink_job = std::async(std::launch::async, [&source, &stop_ink, until, pages, max_pages, ink_area, ink_limit] {
      std::vector<std::optional<InkPeak>> peaks(static_cast<std::size_t>(pages) + 1);
      try {
        std::unique_ptr<PDFDoc> ink_doc = source.open({});
        if (!ink_doc || !ink_doc->isOk()) return peaks;
        InkMeter meter(*ink_doc);
        Deadline ink_deadline;
        ink_deadline.until = until;
        ink_deadline.stop = &stop_ink;
        for (int number = 1; number <= std::min(pages, max_pages); ++number) {
          if (ink_deadline.check()) break;
          auto peak = meter.measure(number, ink_area, ink_limit, abort_when_late, &ink_deadline);
          if (ink_deadline.check()) break;
          peaks[static_cast<std::size_t>(number)] = peak;
        }
      } catch (const std::exception&) {
        // A page Poppler cannot render has no coverage; the content walk reports the page.
      }
      return peaks;
    });
  }
  std::optional<Box> first_trim;
  for (int number = 1; number <= pages; ++number) {
    if (deadline.check()) break;
    if (number > max_pages) {
      checker.add("input.too-many-pages", Severity::warning, std::nullopt, std::nullopt,
                  "only the first " + std::to_string(max_pages) + " of " + std::to_string(pages) +
                      " pages were checked (max-pages)");
      break;
    }
    if (options.progress) options.progress(number, pages);
    try {
      Page* page = doc.getPage(number);
      if (page == nullptr || !page->isOk()) {
        checker.add("input.page-error", Severity::error, number, std::nullopt, "the page cannot be read");
        continue;
      }
      page_geometry(doc, *page, number, checker, profile, first_trim);
      scanner.begin_page(number);
      const int rotate = (360 - page->getRotate()) % 360;
      doc.displayPageSlice(&scanner, number, 72, 72, rotate, true, false, true, -1, -1, -1, -1,
                           abort_when_late, &deadline, skip_annotations, nullptr);
      scanner.finish_page();
      if (deadline.expired) break;
      page_content(doc, *page, number, scanner, checker, profile);
    } catch (const std::exception& error) {
      checker.add("input.page-error", Severity::error, number, std::nullopt,
                  std::string("the page cannot be checked: ") + error.what());
    }
  }
  if (ink_job.valid()) {
    if (deadline.expired) stop_ink = true;
    const std::vector<std::optional<InkPeak>> peaks = ink_job.get();
    const double limit = profile.param("tac-max-percent");
    for (std::size_t number = 1; number < peaks.size(); ++number) {
      const auto& peak = peaks[number];
      if (!peak || peak->percent <= limit + 0.5) continue;
      checker.check("colour.tac", static_cast<int>(number), peak->box,
                    "total area coverage " + util::format_fixed(peak->percent, 0) + " % over " +
                        util::format_fixed(ink_area, 0) + " x " + util::format_fixed(ink_area, 0) + " mm (limit " +
                        util::format_fixed(limit, 0) + " %)");
    }
    if (std::chrono::steady_clock::now() > deadline.until) deadline.expired = true;
  }
  if (deadline.expired) {
    checker.add("input.timeout", Severity::error, std::nullopt, std::nullopt,
                "checking stopped after " + util::format_fixed(timeout, 0) +
                    " s (timeout-seconds); the rest of the file was not checked");
  }

  font_findings(state, checker);
  spot_findings(state, checker, profile);
  if (!profile.binding.empty()) {
    const int multiple = profile.binding == "saddle-stitch" ? 4 : profile.binding == "signatures" ? 16 : 2;
    if (pages % multiple != 0) {
      checker.check("geometry.page-count", std::nullopt, std::nullopt,
                    std::to_string(pages) + " pages: " + profile.binding + " binding needs a multiple of " +
                        std::to_string(multiple));
    }
  }
  if (reconstructed && !truncated) {
    checker.add("input.broken-xref", Severity::warning, std::nullopt, std::nullopt,
                "the cross-reference table is broken; it was rebuilt by scanning the file");
  }
  if (poppler_errors > 0) {
    checker.add("input.syntax-errors", Severity::info, std::nullopt, std::nullopt,
                std::to_string(poppler_errors) + " syntax problems were worked around while reading");
  }
  setErrorCallback(nullptr);

  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    const int pa = a.page.value_or(0), pb = b.page.value_or(0);
    if (pa != pb) return pa < pb;
    if (a.severity != b.severity) return a.severity > b.severity;
    return a.id < b.id;
  });
  return report;
}

}  // namespace

Report check_buffer(std::string data, const std::string& name, const Options& options) {
  Source source;
  source.name = name;
  source.size = data.size();
  source.head = data.substr(0, 1024);
  source.tail = data.size() > 2048 ? data.substr(data.size() - 2048) : data;
  source.open = [&data](const std::function<void()>& reconstructed) {
    auto* stream = new MemStream(data.data(), 0, static_cast<Goffset>(data.size()), Object(objNull));
    return std::make_unique<PDFDoc>(stream, std::nullopt, std::nullopt, nullptr, reconstructed);
  };
  return check_source(source, options);
}

Report check_file(const std::filesystem::path& pdf, const Options& options) {
  Source source;
  source.name = pdf.string();
  std::error_code ec;
  const bool regular = std::filesystem::is_regular_file(pdf, ec);
  std::ifstream in;
  if (regular) in.open(pdf, std::ios::binary);
  if (!regular || !in) {
    Profile profile = load_profile(options.profile);  // a bad profile is still a usage error
    Report report;
    report.file = source.name;
    report.profile = profile.name;
    report.could_not_check = true;
    Finding finding;
    finding.id = "input.unreadable";
    finding.severity = Severity::error;
    finding.message = std::filesystem::exists(pdf, ec) ? "not a regular file, or not readable"
                                                       : "no such file";
    report.findings.push_back(std::move(finding));
    return report;
  }
  source.size = std::filesystem::file_size(pdf, ec);
  if (ec) source.size = 0;
  const auto read_at = [&in](std::uint64_t offset, std::size_t length) {
    std::string bytes(length, '\0');
    in.clear();
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(bytes.data(), static_cast<std::streamsize>(length));
    bytes.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return bytes;
  };
  source.head = read_at(0, static_cast<std::size_t>(std::min<std::uint64_t>(source.size, 1024)));
  const std::uint64_t tail_length = std::min<std::uint64_t>(source.size, 2048);
  source.tail = read_at(source.size - tail_length, static_cast<std::size_t>(tail_length));
  in.close();
  source.open = [&pdf](const std::function<void()>& reconstructed) {
    return std::make_unique<PDFDoc>(std::make_unique<GooString>(pdf.string()), std::nullopt,
                                    std::nullopt, nullptr, reconstructed);
  };
  return check_source(source, options);
}

std::string to_json(const Report& report) {
  using util::json_escape;
  using util::json_number;
  std::string out = "{\n  \"file\": " + json_escape(report.file) +
                    ",\n  \"profile\": " + json_escape(report.profile) +
                    ",\n  \"pages\": " + std::to_string(report.pages) +
                    ",\n  \"checked\": " + (report.could_not_check ? "false" : "true") +
                    ",\n  \"findings\": [";
  bool first = true;
  for (const Finding& finding : report.findings) {
    out += first ? "\n    {" : ",\n    {";
    first = false;
    out += "\"id\": " + json_escape(finding.id);
    out += ", \"severity\": " + json_escape(to_string(finding.severity));
    out += ", \"page\": " + (finding.page ? std::to_string(*finding.page) : std::string("null"));
    out += ", \"bbox_mm\": ";
    if (finding.bbox_mm) {
      const auto& b = *finding.bbox_mm;
      out += "[" + json_number(b[0]) + ", " + json_number(b[1]) + ", " + json_number(b[2]) + ", " +
             json_number(b[3]) + "]";
    } else {
      out += "null";
    }
    out += ", \"message\": " + json_escape(finding.message) + "}";
  }
  out += first ? "]" : "\n  ]";
  out += ",\n  \"summary\": {\"errors\": " + std::to_string(report.errors()) +
         ", \"warnings\": " + std::to_string(report.warnings()) +
         ", \"infos\": " + std::to_string(report.infos()) +
         ", \"result\": " + json_escape(report.could_not_check ? "not-checked" : report.errors() > 0 ? "fail" : "pass") +
         "}\n}\n";
  return out;
}

void print_text(const Report& report, std::ostream& out) {
  const auto bbox = [](const Finding& finding) {
    if (!finding.bbox_mm) return std::string();
    const auto& b = *finding.bbox_mm;
    return " [" + util::format_fixed(b[0]) + " " + util::format_fixed(b[1]) + " - " + util::format_fixed(b[2]) + " " + util::format_fixed(b[3]) + " mm]";
  };
  out << "preflight " << report.file << " (profile " << report.profile << ", "
      << report.pages << (report.pages == 1 ? " page" : " pages") << ")\n";
  std::optional<int> group = -1;
  for (const Finding& finding : report.findings) {
    if (finding.page != group) {
      group = finding.page;
      out << (finding.page ? "\npage " + std::to_string(*finding.page) + ":\n" : std::string("\ndocument:\n"));
    }
    std::string severity = to_string(finding.severity);
    severity.resize(8, ' ');
    out << "  " << severity << finding.id << ": " << finding.message << bbox(finding) << "\n";
  }
  const int errors = report.errors(), warnings = report.warnings(), infos = report.infos();
  out << "\nsummary: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
      << (warnings == 1 ? " warning, " : " warnings, ") << infos << " info — "
      << (report.could_not_check ? "NOT CHECKED" : errors > 0 ? "FAIL" : "PASS") << "\n";
}

}  // namespace dizgi::preflight
