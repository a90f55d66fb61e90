#include "tagged_check.hpp"

#include "separations.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <map>
#include <vector>

namespace dizgi::testing {

namespace {

struct Marked {
  bool artifact = false;
  long long mcid = -1;
};

class Walker : public QPDFObjectHandle::ParserCallbacks {
 public:
  Walker(TextMarking& result, QPDFObjectHandle parents, int page) : result_(result), parents_(parents), page_(page) {}

  void handleObject(QPDFObjectHandle object) override {
    if (!object.isOperator()) {
      operands_.push_back(object);
      return;
    }
    const std::string op = object.getOperatorValue();
    if (op == "BMC" || op == "BDC") {
      Marked m;
      m.artifact = !operands_.empty() && operands_.front().isName() && operands_.front().getName() == "/Artifact";
      if (op == "BDC" && operands_.size() >= 2 && operands_[1].isDictionary() && operands_[1].getKey("/MCID").isInteger()) {
        m.mcid = operands_[1].getKey("/MCID").getIntValue();
      }
      stack_.push_back(m);
    } else if (op == "EMC") {
      if (!stack_.empty()) stack_.pop_back();
    } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
      classify(op);
    }
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  void classify(const std::string& op) {
    bool artifact = false;
    long long mcid = -1;
    for (const Marked& m : stack_) {
      artifact = artifact || m.artifact;
      if (m.mcid >= 0) mcid = m.mcid;
    }
    const std::string where = "page " + std::to_string(page_) + ", operator " + op;
    if (artifact) {
      ++result_.artifacts;
    } else if (stack_.empty()) {
      ++result_.unmarked;
      if (result_.first_problem.empty()) result_.first_problem = "unmarked text on " + where;
    } else if (mcid >= 0 && parents_.isArray() && mcid < parents_.getArrayNItems() &&
               parents_.getArrayItem(static_cast<int>(mcid)).isDictionary()) {
      ++result_.tagged;
    } else {
      ++result_.orphans;
      if (result_.first_problem.empty()) result_.first_problem = "MCID " + std::to_string(mcid) + " without a parent on " + where;
    }
  }

  TextMarking& result_;
  QPDFObjectHandle parents_;
  int page_;
  std::vector<QPDFObjectHandle> operands_;
  std::vector<Marked> stack_;
};

// The parent tree's entries (a flat /Nums array, or one level of /Kids).
std::map<long long, QPDFObjectHandle> parent_tree(QPDF& pdf) {
  std::map<long long, QPDFObjectHandle> out;
  QPDFObjectHandle root = pdf.getRoot().getKey("/StructTreeRoot");
  if (!root.isDictionary()) return out;
  std::vector<QPDFObjectHandle> nodes{root.getKey("/ParentTree")};
  while (!nodes.empty()) {
    QPDFObjectHandle node = nodes.back();
    nodes.pop_back();
    if (!node.isDictionary()) continue;
    QPDFObjectHandle nums = node.getKey("/Nums");
    for (int i = 0; nums.isArray() && i + 1 < nums.getArrayNItems(); i += 2) {
      out[nums.getArrayItem(i).getIntValue()] = nums.getArrayItem(i + 1);
    }
    QPDFObjectHandle kids = node.getKey("/Kids");
    for (int i = 0; kids.isArray() && i < kids.getArrayNItems(); ++i) nodes.push_back(kids.getArrayItem(i));
  }
  return out;
}

}  // namespace

TextMarking text_marking(const std::filesystem::path& file) {
  TextMarking result;
  QPDF pdf;
  pdf.processFile(file.c_str());
  const std::map<long long, QPDFObjectHandle> parents = parent_tree(pdf);
  int number = 0;
  for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    ++number;
    QPDFObjectHandle key = page.getObjectHandle().getKey("/StructParents");
    QPDFObjectHandle entry = QPDFObjectHandle::newNull();
    if (key.isInteger()) {
      auto found = parents.find(key.getIntValue());
      if (found != parents.end()) entry = found->second;
    }
    Walker walker(result, entry, number);
    page.parseContents(&walker);
  }
  return result;
}

bool pdfinfo_says_tagged(const std::filesystem::path& pdf) {
  const Result info = run("pdfinfo '" + pdf.string() + "'");
  const std::size_t at = info.output.find("\nTagged:");
  if (info.status != 0 || at == std::string::npos) return false;
  const std::size_t end = info.output.find('\n', at + 1);
  return info.output.substr(at, end - at).find("yes") != std::string::npos;
}

}  // namespace dizgi::testing
