#include "layout/chart/describe.hpp"

#include "layout/table/cells.hpp"

#include <dizgi/model/format.hpp>

namespace dizgi::layout::chart {

namespace {

const char* kind_words(doc::ChartKind kind) {
  switch (kind) {
    case doc::ChartKind::bar: return "Çubuk grafik";
    case doc::ChartKind::stacked_bar: return "Yığılmış çubuk grafik";
    case doc::ChartKind::stacked_percent: return "Yüzde yığılmış çubuk grafik";
    case doc::ChartKind::line: return "Çizgi grafik";
    case doc::ChartKind::area: return "Alan grafik";
    case doc::ChartKind::pie: return "Pasta grafik";
    case doc::ChartKind::donut: return "Halka grafik";
    case doc::ChartKind::combination: return "Sütun ve çizgi grafik";
    case doc::ChartKind::gauge: return "Gerçekleşme halkaları";
    case doc::ChartKind::bullet: return "Gösterge grafiği";
    case doc::ChartKind::waterfall: return "Şelale grafik";
    case doc::ChartKind::key_figures: return "Öne çıkan rakamlar";
    case doc::ChartKind::org_chart: return "Teşkilat şeması";
    case doc::ChartKind::gantt: return "İş takvimi";
    case doc::ChartKind::matrix: return "Dört bölgeli matris";
    case doc::ChartKind::check_matrix: return "İşaret matrisi";
    case doc::ChartKind::swot: return "GZFT analizi";
    case doc::ChartKind::process_flow: return "Süreç akış şeması";
    case doc::ChartKind::cycle: return "Döngü şeması";
    case doc::ChartKind::invalid: break;
  }
  return "Grafik";
}

const Value& at(const doc::ChartSeries& s, std::size_t i) {
  static const Value none;
  return i < s.values.size() ? s.values[i] : none;
}

std::string date_text(const Value& v, const std::string& missing) {
  const auto* d = std::get_if<Date>(&v);
  return d ? format_date_tr(*d, true) : missing;
}

}  // namespace

std::string describe(const doc::Chart& chart, const std::string& missing) {
  std::string text = kind_words(chart.kind);
  if (!chart.caption.empty()) text += ": " + chart.caption;
  auto sentence = [&](const std::string& s) { text += ". " + s; };
  const auto& cats = chart.categories;
  switch (chart.kind) {
    case doc::ChartKind::org_chart:
      if (chart.series.empty()) break;
      for (std::size_t i = 0; i < cats.size(); ++i) {
        const Value& parent = at(chart.series[0], i);
        const auto* p = std::get_if<int64_t>(&parent);
        const auto* d = std::get_if<Decimal>(&parent);
        std::size_t index = p ? static_cast<std::size_t>(*p) : d ? static_cast<std::size_t>(d->to_double()) : 0;
        sentence(index >= 1 && index <= cats.size() ? cats[i] + ", " + cats[index - 1] + " altında" : cats[i]);
      }
      break;
    case doc::ChartKind::gantt:
      if (chart.series.size() < 2) break;
      for (std::size_t i = 0; i < cats.size(); ++i)
        sentence(cats[i] + ": " + date_text(at(chart.series[0], i), missing) + " – " +
                 date_text(at(chart.series[1], i), missing));
      break;
    case doc::ChartKind::swot:
      for (const doc::ChartSeries& s : chart.series) {
        std::string items;
        for (const std::string& item : s.labels) items += (items.empty() ? "" : "; ") + item;
        sentence(s.name + ": " + items);
      }
      break;
    case doc::ChartKind::process_flow:
    case doc::ChartKind::cycle: {
      // The steps in order with their numbers (and phases); a cycle returns to its first step.
      const std::vector<std::string>* phases = chart.series.empty() ? nullptr : &chart.series[0].labels;
      std::string steps, phase;
      for (std::size_t i = 0; i < cats.size(); ++i) {
        const std::string own = phases && i < phases->size() ? (*phases)[i] : "";
        if (!own.empty() && own != phase)
          steps += (steps.empty() ? "" : "; ") + own + " aşaması:";
        else if (!steps.empty())
          steps += ";";
        phase = own;
        steps += (steps.empty() ? "" : " ") + std::to_string(i + 1) + ". " + cats[i];
      }
      sentence(std::to_string(cats.size()) + " adım sırasıyla: " + steps);
      if (chart.kind == doc::ChartKind::cycle && !cats.empty()) {
        sentence("Son adımdan yeniden ilk adıma (" + cats.front() + ") dönülür");
        if (!chart.category_axis.title.empty()) sentence("Ortada: " + chart.category_axis.title);
      }
      break;
    }
    case doc::ChartKind::check_matrix:
      for (std::size_t i = 0; i < cats.size(); ++i) {
        std::string marked;
        for (const doc::ChartSeries& s : chart.series) {
          const Value& v = at(s, i);
          bool on = std::holds_alternative<bool>(v) ? std::get<bool>(v)
                    : std::holds_alternative<int64_t>(v) ? std::get<int64_t>(v) != 0
                    : std::holds_alternative<Decimal>(v) && !(std::get<Decimal>(v) == Decimal{});
          if (on) marked += (marked.empty() ? "" : ", ") + s.name;
        }
        sentence(cats[i] + ": " + (marked.empty() ? "—" : marked));
      }
      break;
    default:
      for (const doc::ChartSeries& s : chart.series) {
        std::string part = s.name.empty() ? "" : s.name + ": ";
        for (std::size_t i = 0; i < s.values.size() && i < cats.size(); ++i) {
          std::string value = i < s.labels.size() && !s.labels[i].empty() ? s.labels[i]
                                                                             : format_value(s.values[i], s.format, missing);
          part += (i > 0 ? "; " : "") + cats[i] + " " + value;
        }
        sentence(part);
      }
  }
  return text;
}

}  // namespace dizgi::layout::chart
