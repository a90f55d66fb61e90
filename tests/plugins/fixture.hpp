// Shared by the fixture plugins: a layout and a data source that do the least that can be
// checked from a test. Each fixture compiles its own hidden copy.
#pragma once

#include <dizgi/sdk/plugin.hpp>

#include <string>
#include <utility>

namespace fixture {

// Composes a document whose title is the layout's name, so a test sees which plugin ran.
class NamedLayout final : public dizgi::Layout {
 public:
  explicit NamedLayout(std::string name) : name_(std::move(name)) {}
  dizgi::doc::Document compose(const dizgi::LayoutContext& /*context*/) override {
    dizgi::doc::Document document;
    document.metadata.title = name_;
    return document;
  }

 private:
  std::string name_;
};

// Adds an empty table named after the source.
class NamedSource final : public dizgi::DataSource {
 public:
  explicit NamedSource(std::string name) : name_(std::move(name)) {}
  void load(const dizgi::DataSourceContext& /*context*/, dizgi::Dataset& dataset) override {
    dizgi::Table table(name_, {});
    table.source = "fixture";
    dataset.put(std::move(table));
  }

 private:
  std::string name_;
};

inline dizgi::ComponentInfo layout_info(const char* id, dizgi::Layout* (*factory)()) {
  dizgi::ComponentInfo info{};
  info.kind = dizgi::ComponentKind::layout;
  info.id = id;
  info.description = "fixture layout";
  info.create_layout = factory;
  return info;
}

}  // namespace fixture
