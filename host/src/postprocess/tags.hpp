// Post-processing step: the tagged PDF (profiles with structure tagged="true").
//
// Render marked every piece of content with Cairo's tag API and recorded the logical structure
// (render/tags.hpp); Cairo wrote one flat structure element per marked-content sequence. This
// step reads from Cairo's tree only where each sequence landed (page and MCID), then replaces
// the tree with the real one: Document, headings, paragraphs, lists, tables with header scope,
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

// `links` are the link annotations, one per LinkRecord (null where none was written). Throws
// std::runtime_error when Cairo's marked content does not match the record.
// Form-field widgets (`widgets`, in layout order) become Form elements at the end of the
// document element, each holding its widget (OBJR), so that the tab order (/Tabs /S) follows
// the layout.
void add_structure(QPDF& pdf, const render::StructureRecord& structure, const std::vector<QPDFObjectHandle>& links,
                   const std::vector<QPDFObjectHandle>& widgets = {});

// Wraps what a content stream draws outside marked content in /Artifact BMC … EMC (exposed for
// tests). A sequence never straddles q/Q, a text object or a path.
std::string mark_artifacts(const std::string& content);

}  // namespace dizgi::postprocess
