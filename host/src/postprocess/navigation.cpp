#include "postprocess/navigation.hpp"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <functional>

namespace dizgi::postprocess {

namespace {

QPDFObjectHandle box(double x0, double y0, double x1, double y1) {
  return QPDFObjectHandle::newFromRectangle(QPDFObjectHandle::Rectangle(x0, y0, x1, y1));
}

QPDFObjectHandle destination(const std::vector<QPDFPageObjectHelper>& pages,
                             const render::DestinationRecord& d) {
  QPDFObjectHandle array = QPDFObjectHandle::newArray();
  array.appendItem(pages.at(static_cast<std::size_t>(d.page)).getObjectHandle());
  array.appendItem(QPDFObjectHandle::newName("/XYZ"));
  array.appendItem(QPDFObjectHandle::newReal(d.x, 2));
  array.appendItem(QPDFObjectHandle::newReal(d.y, 2));
  array.appendItem(QPDFObjectHandle::newNull());
  return array;
}

}  // namespace

// Link annotations: internal ones go straight to an explicit destination, URIs get an action.
std::vector<QPDFObjectHandle> add_links(QPDF& pdf, const render::PageGeometry& g) {
  const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  std::vector<QPDFObjectHandle> written(g.links.size(), QPDFObjectHandle::newNull());
  for (std::size_t k = 0; k < g.links.size(); ++k) {
    const render::LinkRecord& link = g.links[k];
    QPDFObjectHandle annot = QPDFObjectHandle::newDictionary();
    annot.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
    annot.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
    annot.replaceKey("/Rect", box(link.x0, link.y0, link.x1, link.y1));
    QPDFObjectHandle border = QPDFObjectHandle::newArray();
    for (int i = 0; i < 3; ++i) border.appendItem(QPDFObjectHandle::newInteger(0));
    annot.replaceKey("/Border", border);
    if (!link.target.empty() && link.target[0] == '#') {
      auto found = g.destinations.find(link.target.substr(1));
      if (found == g.destinations.end()) continue;  // a reference to nothing: no dead link
      annot.replaceKey("/Dest", destination(pages, found->second));
    } else {
      QPDFObjectHandle action = QPDFObjectHandle::newDictionary();
      action.replaceKey("/S", QPDFObjectHandle::newName("/URI"));
      action.replaceKey("/URI", QPDFObjectHandle::newString(link.target));
      annot.replaceKey("/A", action);
    }
    QPDFObjectHandle page = pages.at(static_cast<std::size_t>(link.page)).getObjectHandle();
    if (!page.getKey("/Annots").isArray()) page.replaceKey("/Annots", QPDFObjectHandle::newArray());
    annot.replaceKey("/P", page);
    written[k] = pdf.makeIndirectObject(annot);
    page.getKey("/Annots").appendItem(written[k]);
  }
  return written;
}

// The outline (bookmarks) as a tree following heading levels; top levels open.
void add_outline(QPDF& pdf, const render::PageGeometry& g) {
  const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  struct Node {
    QPDFObjectHandle handle;
    int level = 0;
    std::vector<std::size_t> children;
  };
  std::vector<Node> nodes;
  QPDFObjectHandle root = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
  root.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
  nodes.push_back({root, 0, {}});
  std::vector<std::size_t> stack{0};
  for (const render::OutlineRecord& entry : g.outline) {
    auto dest = g.destinations.find(entry.id);
    if (dest == g.destinations.end()) continue;
    while (stack.size() > 1 && nodes[stack.back()].level >= entry.level) stack.pop_back();
    QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(entry.title));
    item.replaceKey("/Dest", destination(pages, dest->second));
    nodes.push_back({item, entry.level, {}});
    nodes[stack.back()].children.push_back(nodes.size() - 1);
    stack.push_back(nodes.size() - 1);
  }
  if (nodes.size() == 1) return;
  // Links between siblings, parents, and the open/closed counts.
  std::function<int(std::size_t)> link = [&](std::size_t index) -> int {
    Node& node = nodes[index];
    int visible = 0;
    for (std::size_t k = 0; k < node.children.size(); ++k) {
      Node& child = nodes[node.children[k]];
      child.handle.replaceKey("/Parent", node.handle);
      if (k > 0) child.handle.replaceKey("/Prev", nodes[node.children[k - 1]].handle);
      if (k + 1 < node.children.size()) child.handle.replaceKey("/Next", nodes[node.children[k + 1]].handle);
      int below = link(node.children[k]);
      visible += 1 + (child.level == 1 ? below : 0);
    }
    if (!node.children.empty()) {
      node.handle.replaceKey("/First", nodes[node.children.front()].handle);
      node.handle.replaceKey("/Last", nodes[node.children.back()].handle);
      // Chapters show their sections; deeper levels start closed (negative count).
      int count = static_cast<int>(node.children.size());
      if (node.level == 0) node.handle.replaceKey("/Count", QPDFObjectHandle::newInteger(visible));
      else node.handle.replaceKey("/Count", QPDFObjectHandle::newInteger(node.level == 1 ? count : -count));
    }
    return static_cast<int>(node.children.size());
  };
  link(0);
  pdf.getRoot().replaceKey("/Outlines", root);
  pdf.getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

}  // namespace dizgi::postprocess
