// The alternative text of a chart, generated from its data for readers who cannot see it (the
// web profile tags each chart as a Figure with it): what kind of chart it is, then its data in
// the words and Turkish number formats the tables use.
#pragma once

#include <dizgi/model/document.hpp>

#include <string>

namespace dizgi::layout::chart {

// "Sütun grafik: Yıllara Göre Ödenek. Ödenek: 2021 12.500.000,00; 2022 …". `missing` is
// written for a null value.
std::string describe(const doc::Chart& chart, const std::string& missing);

}  // namespace dizgi::layout::chart
