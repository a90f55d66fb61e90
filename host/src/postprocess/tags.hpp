// Post-processing step: the tagged PDF (profiles with structure tagged="true").
//
// Render marked every piece of content with Cairo's tag API and recorded the logical structure
// (render/tags.hpp); Cairo wrote one flat structure element per marked-content sequence. This
// step learns from the pages' content where each sequence landed (page and MCID), drops Cairo's
// tree, and writes the real one: Document, headings, paragraphs, lists, tables with header scope,
// figures with alternative text, captions, TOC, notes, and links that point at their annotation
// (OBJR). Everything the content streams draw outside a marked sequence becomes an /Artifact
// (running heads, folios, backgrounds, rules, repeated table headers). It also writes the
// parent tree, MarkInfo, and the tab order of annotations (PDF/UA-1).
#pragma once

#include "render/tags.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <vector>

namespace dizgi::postprocess {

// Where one marked-content sequence of the record landed: its page and marked-content
// identifiers.
struct Landing {
  int page = 0;
  std::vector<int> mcids;
};

// The first step on a tagged PDF, before any other creates an object (qpdf reads every object
// of the file when the first one is created, and Cairo's tree has one per sequence): marks as
// an artifact whatever each page draws outside the marked sequences, learns from the content
// streams where each sequence of the record landed (from Cairo's tree when they do not match
// the record), and drops Cairo's tree unread. Throws std::runtime_error when the PDF's marked
// content does not match the record.
std::vector<Landing> take_marked_content(QPDF& pdf, const render::StructureRecord& structure);

// `links` are the link annotations, one per LinkRecord (null where none was written);
// `landings` come from take_marked_content.
// Form-field widgets (`widgets`, in layout order) become Form elements at the end of the
// document element, each holding its widget (OBJR), so that the tab order (/Tabs /S) follows
// the layout.
void add_structure(QPDF& pdf, const render::StructureRecord& structure, const std::vector<Landing>& landings,
                   const std::vector<QPDFObjectHandle>& links, const std::vector<QPDFObjectHandle>& widgets = {});

// Wraps what a content stream draws outside marked content in /Artifact BMC … EMC (exposed for
// tests). A sequence never straddles q/Q, a text object or a path. With `mcids`, appends the
// marked-content identifier of each marked sequence the stream opens, in drawing order.
std::string mark_artifacts(const std::string& content, std::vector<int>* mcids = nullptr);

}  // namespace dizgi::postprocess
