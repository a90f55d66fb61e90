#include "postprocess/tags.hpp"

#include "postprocess/content_lexer.hpp"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>

namespace dizgi::postprocess {

namespace {

using Handle = QPDFObjectHandle;

Handle name(const std::string& text) { return Handle::newName("/" + text); }

std::vector<Handle> items(Handle value) {
  std::vector<Handle> out;
  if (value.isArray()) {
    for (int i = 0; i < value.getArrayNItems(); ++i) out.push_back(value.getArrayItem(i));
  } else if (!value.isNull()) {
    out.push_back(value);
  }
  return out;
}

// Cairo's tree has one element per sequence, in the order drawn (render made it flat).
std::vector<Landing> read_landings(QPDF& pdf, const render::StructureRecord& record,
                                   const std::map<QPDFObjGen, int>& page_numbers) {
  Handle old_root = pdf.getRoot().getKey("/StructTreeRoot");
  std::vector<Handle> elements = old_root.isDictionary() ? items(old_root.getKey("/K")) : std::vector<Handle>{};
  if (elements.size() != record.content.size()) {
    throw std::runtime_error("the PDF has " + std::to_string(elements.size()) + " marked-content sequences where " +
                             std::to_string(record.content.size()) + " were drawn");
  }
  std::vector<Landing> out;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    Handle e = elements[i];
    Handle type = e.getKey("/S");
    if (!type.isName() || type.getName() != "/" + record.content[i].tag) {
      throw std::runtime_error("marked-content sequence " + std::to_string(i + 1) + " is not the " +
                               record.content[i].tag + " drawn there");
    }
    Landing landing;
    auto page = page_numbers.find(e.getKey("/Pg").getObjGen());
    if (page == page_numbers.end()) {
      throw std::runtime_error("marked-content sequence " + std::to_string(i + 1) + " names no page");
    }
    landing.page = page->second;
    for (Handle kid : items(e.getKey("/K"))) {
      if (kid.isInteger()) landing.mcids.push_back(static_cast<int>(kid.getIntValue()));
      else if (kid.isDictionary() && kid.getKey("/MCID").isInteger())
        landing.mcids.push_back(static_cast<int>(kid.getKey("/MCID").getIntValue()));
    }
    if (landing.page != record.content[i].page) {
      throw std::runtime_error("marked-content sequence " + std::to_string(i + 1) + " is on page " +
                               std::to_string(landing.page + 1) + ", drawn on page " +
                               std::to_string(record.content[i].page + 1));
    }
    out.push_back(std::move(landing));
  }
  return out;
}

// Attributes of table cells: header scope, column and row span.
void add_table_attributes(Handle element, const render::StructNode& node) {
  if (!node.column_header && !node.row_header && node.col_span <= 1 && node.row_span <= 1) return;
  Handle a = Handle::newDictionary();
  a.replaceKey("/O", name("Table"));
  if (node.column_header) a.replaceKey("/Scope", name("Column"));
  if (node.row_header) a.replaceKey("/Scope", name("Row"));
  if (node.col_span > 1) a.replaceKey("/ColSpan", Handle::newInteger(node.col_span));
  if (node.row_span > 1) a.replaceKey("/RowSpan", Handle::newInteger(node.row_span));
  element.replaceKey("/A", a);
}

}  // namespace

std::string mark_artifacts(const std::string& content, std::vector<int>* mcids) {
  // An artifact sequence opens before the operands of an operator that starts drawing outside
  // any marked content, and closes before a q, Q or marked-content operator: a sequence never
  // straddles q/Q, a text object or a path.
  static const std::string_view painting[] = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"};
  std::string out;
  out.reserve(content.size() + content.size() / 8);
  ContentLexer lexer(content);
  std::size_t copied = 0, after_previous = 0, begin = 0, end = 0;
  int depth = 0;  // marked content of the stream itself (Cairo's sequences)
  bool in_text = false, in_path = false, open = false;
  auto insert = [&](std::string_view text) {
    out.append(content, copied, after_previous - copied);
    copied = after_previous;
    out += text;
  };
  while (lexer.next_operator(begin, end)) {
    const std::string_view op(content.data() + begin, end - begin);
    const bool inside_object = in_text || in_path;
    const bool barrier = op == "q" || op == "Q" || op == "BDC" || op == "BMC" || op == "EMC";
    if (barrier && open && !inside_object) {
      insert("\nEMC\n");
      open = false;
    }
    const bool starts_object = op == "BT" || op == "m" || op == "re" || op == "Do" || op == "sh" || op == "BI";
    if (starts_object && depth == 0 && !open && !inside_object) {
      insert("\n/Artifact BMC\n");
      open = true;
    }
    if (op == "BDC" && mcids) {
      // The operands: a tag and a property list, "/P <</MCID 3>>".
      const std::string_view operands(content.data() + after_previous, begin - after_previous);
      const std::size_t key = operands.find("/MCID");
      if (key != std::string_view::npos) {
        std::size_t at = key + 5;
        while (at < operands.size() && (operands[at] == ' ' || operands[at] == '\n' || operands[at] == '\r')) ++at;
        int mcid = 0;
        const auto [end_of_number, error] = std::from_chars(operands.data() + at, operands.data() + operands.size(), mcid);
        if (error == std::errc() && end_of_number != operands.data() + at) mcids->push_back(mcid);
      }
    }
    if (op == "BDC" || op == "BMC") ++depth;
    else if (op == "EMC" && depth > 0) --depth;
    else if (op == "BT") in_text = true;
    else if (op == "ET") in_text = false;
    else if ((op == "m" || op == "re") && !in_text) in_path = true;
    else if (std::find(std::begin(painting), std::end(painting), op) != std::end(painting)) in_path = false;
    after_previous = end;
  }
  out.append(content, copied);
  if (open) out += "\nEMC\n";
  return out;
}

std::vector<Landing> take_marked_content(QPDF& pdf, const render::StructureRecord& record) {
  if (record.empty()) return {};
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  // Whatever is drawn outside the marked sequences is an artifact; the sequences' identifiers
  // are read on the way.
  std::vector<std::vector<int>> page_mcids(pages.size());
  std::vector<std::pair<std::size_t, std::string>> rewritten;  // pages whose content is not one stream
  for (std::size_t p = 0; p < pages.size(); ++p) {
    Pl_Buffer buffer("page content");
    pages[p].pipeContents(&buffer);
    std::unique_ptr<Buffer> data(buffer.getBuffer());
    const std::string content(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    std::string marked = mark_artifacts(content, &page_mcids[p]);
    Handle contents = pages[p].getObjectHandle().getKey("/Contents");
    if (contents.isStream()) contents.replaceStreamData(marked, Handle::newNull(), Handle::newNull());
    else rewritten.emplace_back(p, std::move(marked));
  }
  // Render drew the record's sequences in order, so each page's identifiers, in the order its
  // content opens them, belong to the record's sequences on that page.
  std::vector<Landing> landings;
  landings.reserve(record.content.size());
  std::vector<std::size_t> next(pages.size(), 0);
  bool matched = true;
  for (const render::MarkedContent& sequence : record.content) {
    const auto page = static_cast<std::size_t>(sequence.page);
    if (page >= pages.size() || next[page] >= page_mcids[page].size()) {
      matched = false;
      break;
    }
    landings.push_back(Landing{sequence.page, {page_mcids[page][next[page]++]}});
  }
  for (std::size_t p = 0; matched && p < pages.size(); ++p) matched = next[p] == page_mcids[p].size();
  if (!matched) {  // another Cairo may open sequences differently: its tree says where they are
    std::map<QPDFObjGen, int> page_numbers;
    for (std::size_t i = 0; i < pages.size(); ++i) page_numbers[pages[i].getObjectHandle().getObjGen()] = static_cast<int>(i);
    landings = read_landings(pdf, record, page_numbers);
  }
  // Cairo's tree, dropped unread: an element per sequence, and the parent tree's arrays.
  Handle root = pdf.getRoot();
  Handle old_root = root.getKey("/StructTreeRoot");
  if (old_root.isDictionary()) {
    auto drop = [&pdf](Handle object) {
      if (object.isIndirect()) pdf.replaceObject(object.getObjGen(), Handle::newNull());
    };
    Handle kids = old_root.getKey("/K");
    if (kids.isArray()) {
      for (int i = 0; i < kids.getArrayNItems(); ++i) drop(kids.getArrayItem(i));
    }
    drop(kids);
    Handle parent_tree = old_root.getKey("/ParentTree");
    Handle nums = parent_tree.isDictionary() ? parent_tree.getKey("/Nums") : Handle::newNull();
    if (nums.isArray()) {
      for (int i = 1; i < nums.getArrayNItems(); i += 2) drop(nums.getArrayItem(i));
    }
    drop(nums);
    drop(parent_tree);
    if (old_root.isIndirect()) drop(old_root);
    root.removeKey("/StructTreeRoot");
  }
  for (auto& [p, marked] : rewritten) pages[p].getObjectHandle().replaceKey("/Contents", pdf.newStream(marked));
  return landings;
}

void add_structure(QPDF& pdf, const render::StructureRecord& record, const std::vector<Landing>& landings,
                   const std::vector<Handle>& links, const std::vector<Handle>& widgets) {
  if (record.empty()) return;
  if (landings.size() != record.content.size()) throw std::runtime_error("the marked content was not read first");
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();

  Handle root = pdf.makeIndirectObject(Handle::newDictionary());
  root.replaceKey("/Type", name("StructTreeRoot"));
  std::vector<Handle> elements;
  for (const render::StructNode& node : record.nodes) {
    Handle e = Handle::newDictionary();
    e.replaceKey("/Type", name("StructElem"));
    e.replaceKey("/S", name(node.type));
    elements.push_back(pdf.makeIndirectObject(e));
  }
  // The parent tree: per page, the element of each MCID; then one entry per link annotation.
  std::vector<std::vector<Handle>> by_mcid(pages.size());
  std::vector<Handle> annotation_parents;
  std::vector<bool> placed(widgets.size(), false);  // widgets given a place in a form row
  for (std::size_t i = 0; i < record.nodes.size(); ++i) {
    const render::StructNode& node = record.nodes[i];
    Handle e = elements[i];
    e.replaceKey("/P", node.parent < 0 ? root : elements[static_cast<std::size_t>(node.parent)]);
    Handle kids = Handle::newArray();
    int element_page = -1;
    for (const render::StructKid& kid : node.kids) {
      if (!kid.content) {
        kids.appendItem(elements[static_cast<std::size_t>(kid.index)]);
        continue;
      }
      const Landing& landing = landings[static_cast<std::size_t>(kid.index)];
      if (element_page < 0) {
        element_page = landing.page;
        e.replaceKey("/Pg", pages[static_cast<std::size_t>(landing.page)].getObjectHandle());
      }
      for (int mcid : landing.mcids) {
        if (landing.page == element_page) {
          kids.appendItem(Handle::newInteger(mcid));
        } else {  // the element continues on another page
          Handle reference = Handle::newDictionary();
          reference.replaceKey("/Type", name("MCR"));
          reference.replaceKey("/Pg", pages[static_cast<std::size_t>(landing.page)].getObjectHandle());
          reference.replaceKey("/MCID", Handle::newInteger(mcid));
          kids.appendItem(reference);
        }
        std::vector<Handle>& slots = by_mcid[static_cast<std::size_t>(landing.page)];
        if (slots.size() <= static_cast<std::size_t>(mcid)) slots.resize(static_cast<std::size_t>(mcid) + 1, Handle::newNull());
        slots[static_cast<std::size_t>(mcid)] = e;
      }
    }
    if (node.type == "Link") {
      Handle annotation = node.link >= 0 && static_cast<std::size_t>(node.link) < links.size()
                              ? links[static_cast<std::size_t>(node.link)]
                              : Handle::newNull();
      if (annotation.isDictionary()) {
        Handle object = Handle::newDictionary();
        object.replaceKey("/Type", name("OBJR"));
        object.replaceKey("/Obj", annotation);
        if (annotation.getKey("/P").isDictionary()) object.replaceKey("/Pg", annotation.getKey("/P"));
        kids.appendItem(object);
        annotation.replaceKey("/StructParent",
                              Handle::newInteger(static_cast<long long>(pages.size() + annotation_parents.size())));
        if (!node.text.empty()) annotation.replaceKey("/Contents", Handle::newUnicodeString(node.text));
        annotation_parents.push_back(e);
      } else {  // a reference to nothing got no annotation: its words are a span
        e.replaceKey("/S", name("Span"));
      }
    }
    if (node.type == "Form" && node.field >= 0 && static_cast<std::size_t>(node.field) < widgets.size()) {
      // The widget of a form row's field, after its label and value (PDF/UA-1 7.18.4).
      Handle widget = widgets[static_cast<std::size_t>(node.field)];
      Handle object = Handle::newDictionary();
      object.replaceKey("/Type", name("OBJR"));
      object.replaceKey("/Obj", widget);
      if (widget.getKey("/P").isDictionary()) {
        object.replaceKey("/Pg", widget.getKey("/P"));
        if (!e.hasKey("/Pg")) e.replaceKey("/Pg", widget.getKey("/P"));
      }
      kids.appendItem(object);
      widget.replaceKey("/StructParent", Handle::newInteger(static_cast<long long>(pages.size() + annotation_parents.size())));
      annotation_parents.push_back(e);
      placed[static_cast<std::size_t>(node.field)] = true;
    }
    if (node.type == "Figure") e.replaceKey("/Alt", Handle::newUnicodeString(node.alt));
    if (node.type == "Note") e.replaceKey("/ID", Handle::newString("note-" + std::to_string(i)));  // PDF/UA-1 7.9
    if (node.type == "TH" || node.type == "TD") add_table_attributes(e, node);
    e.replaceKey("/K", kids);
  }
  root.replaceKey("/K", elements.front());
  // A widget outside a form row (none is, today) gets a Form element at the end of the document.
  for (std::size_t w = 0; w < widgets.size(); ++w) {
    if (placed[w]) continue;
    Handle widget = widgets[w];
    Handle form = Handle::newDictionary();
    form.replaceKey("/Type", name("StructElem"));
    form.replaceKey("/S", name("Form"));
    form.replaceKey("/P", elements.front());
    Handle object = Handle::newDictionary();
    object.replaceKey("/Type", name("OBJR"));
    object.replaceKey("/Obj", widget);
    if (widget.getKey("/P").isDictionary()) {
      object.replaceKey("/Pg", widget.getKey("/P"));
      form.replaceKey("/Pg", widget.getKey("/P"));
    }
    form.replaceKey("/K", object);
    form = pdf.makeIndirectObject(form);
    Handle kids = elements.front().getKey("/K");
    if (!kids.isArray()) {
      Handle array = Handle::newArray();
      if (!kids.isNull()) array.appendItem(kids);
      elements.front().replaceKey("/K", array);
      kids = array;
    }
    kids.appendItem(form);
    widget.replaceKey("/StructParent", Handle::newInteger(static_cast<long long>(pages.size() + annotation_parents.size())));
    annotation_parents.push_back(form);
  }
  Handle nums = Handle::newArray();
  for (std::size_t p = 0; p < pages.size(); ++p) {
    Handle page = pages[p].getObjectHandle();
    if (by_mcid[p].empty()) {
      page.removeKey("/StructParents");
    } else {
      page.replaceKey("/StructParents", Handle::newInteger(static_cast<long long>(p)));
      nums.appendItem(Handle::newInteger(static_cast<long long>(p)));
      nums.appendItem(Handle::newArray(by_mcid[p]));
    }
    // Annotations in the order of the structure (PDF/UA-1 7.18.3).
    page.replaceKey("/Tabs", name("S"));
  }
  for (std::size_t k = 0; k < annotation_parents.size(); ++k) {
    nums.appendItem(Handle::newInteger(static_cast<long long>(pages.size() + k)));
    nums.appendItem(annotation_parents[k]);
  }
  Handle parent_tree = Handle::newDictionary();
  parent_tree.replaceKey("/Nums", nums);
  root.replaceKey("/ParentTree", pdf.makeIndirectObject(parent_tree));
  root.replaceKey("/ParentTreeNextKey", Handle::newInteger(static_cast<long long>(pages.size() + annotation_parents.size())));
  pdf.getRoot().replaceKey("/StructTreeRoot", root);
  Handle mark_info = Handle::newDictionary();
  mark_info.replaceKey("/Marked", Handle::newBool(true));
  pdf.getRoot().replaceKey("/MarkInfo", mark_info);
}

}  // namespace dizgi::postprocess
